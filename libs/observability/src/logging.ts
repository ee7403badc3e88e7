import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';

/** Field names that may hold PHI or secrets, redacted wherever they appear (up to 3 levels deep). */
const SENSITIVE_FIELDS = [
  'password',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'mfaToken',
  'secret',
  'otp',
  'mfaCode',
  'recoveryCode',
  'authToken',
  'twilioAuthToken',
  'apiKey',
  'sendgridApiKey',
  'masterKey',
  'authorization',
  'cookie',
  'set-cookie',
  'x-twilio-signature',
  'x-twilio-email-event-webhook-signature',
  'body',
  'text',
  'html',
  'subject',
  'displayName',
  'contactName',
  'phone',
  'phoneNumber',
  'email',
  'from',
  'to',
  'address',
  'dateOfBirth',
  'dob',
  'fields',
  'attestation',
];

export const REDACT_PATHS = SENSITIVE_FIELDS.flatMap((field) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
  const under = (prefix: string) => (key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`);
  return [key, under('*'), under('*.*')];
});

/** Path segments that are capabilities (link tokens, URL secrets) are replaced before logging. */
const URL_SECRETS: Array<[RegExp, string]> = [
  [/^\/(s|c|u)\/[^/?]+/, '/$1/:token'],
  [/^(\/webhooks\/sendgrid\/[^/]+\/(?:inbound|events))\/[^/?]+/, '$1/:secret'],
];

/** Path only, secrets masked; query values dropped (search queries carry phone numbers and emails). */
export function safeUrl(url: string | undefined): string {
  if (!url) return '';
  const [path = '', query] = url.split('?', 2);
  let safe = path;
  for (const [pattern, replacement] of URL_SECRETS) safe = safe.replace(pattern, replacement);
  if (query) safe += `?${[...new URLSearchParams(query).keys()].map((k) => `${k}=*`).join('&')}`;
  return safe;
}

/** JSON logs (pipe through `npx pino-pretty` to read them by eye). */
export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // One id per request in the logs, the x-request-id header and the audit context.
      genReqId: (_req: IncomingMessage, res: ServerResponse) => {
        const id = randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          url: safeUrl(req.url),
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
