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
  'sendgridNoticeApiKey',
  'noticeApiKey',
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

/**
 * Path segments that are capabilities (link tokens, URL secrets) are replaced before logging.
 * Case-insensitive: a request spelled `/S/<token>` must not escape the mask however it is routed.
 */
const URL_SECRETS: Array<[RegExp, string]> = [
  [/^\/(s|c|u)\/[^/?]+/i, '/$1/:token'],
  [/^(\/webhooks\/sendgrid\/[^/]+\/(?:inbound|events))\/[^/?]+/i, '$1/:secret'],
];

/** Path only, secrets masked; query values dropped (search queries carry phone numbers and emails). */
export function safeUrl(url: string | undefined): string {
  if (!url) return '';
  const [path = '', query] = url.split('?', 2);
  let safe = path;
  for (const [pattern, replacement] of URL_SECRETS) safe = safe.replace(pattern, replacement);
  return safe + maskedQuery(query);
}

function maskedQuery(query: string | undefined): string {
  return query ? `?${[...new URLSearchParams(query).keys()].map((k) => `${k}=*`).join('&')}` : '';
}

/** The literal segments of every route path, per list of paths (recomputed if routes were added since). */
const literalsByRoutes = new WeakMap<readonly string[], { routes: number; literals: Set<string> }>();

function routeLiterals(routePaths: readonly string[]): Set<string> {
  const known = literalsByRoutes.get(routePaths);
  if (known?.routes === routePaths.length) return known.literals;
  const literals = new Set<string>();
  for (const path of routePaths)
    for (const segment of path.split('/')) if (segment && !/[:*{(]/.test(segment)) literals.add(segment);
  literalsByRoutes.set(routePaths, { routes: routePaths.length, literals });
  return literals;
}

/** A UUID (the ids in staff and webhook paths): kept in a logged path, it names a row, not a person. */
const ID_SEGMENT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The URL an access-log line shows. A path is whatever the client typed (`/v1/x/<email>`,
 * `/S/<token>`, a form key), so only what cannot be input is kept: the segments some route
 * spells out literally, and ids; every other segment becomes `*`. Capabilities are masked first
 * (a token could be shaped like an id). The line is bound when the request arrives, before any
 * route is chosen, so the rule cannot depend on which route answers.
 */
export function loggedUrl(url: string | undefined, routePaths: readonly string[] | undefined): string {
  if (!url) return '';
  const [path = '', query] = safeUrl(url).split('?', 2);
  const literals = routePaths ? routeLiterals(routePaths) : new Set<string>();
  const shape = path
    .split('/')
    .map((segment) => (segment === '' || literals.has(segment) || ID_SEGMENT.test(segment) ? segment : '*'))
    .join('/');
  return shape + (query === undefined ? '' : `?${query}`);
}

/**
 * JSON logs (pipe through `npx pino-pretty` to read them by eye). The access log is written by
 * the HTTP pipeline (installHttpPipeline), not by pino-http's middleware, which no route mounts.
 */
export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // pino-http wraps these serializers in its own, made for Node's request and response; the
      // access log's req/res are written as the pipeline built them (`raw` is what was logged).
      serializers: { req: (req: { raw: unknown }) => req.raw, res: (res: { raw: unknown }) => res.raw },
    },
    forRoutes: [],
  };
}
