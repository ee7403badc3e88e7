import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiParam } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiErrors, jsonSchemaOf } from '@app/observability';
import {
  EVENT_WEBHOOK_SIGNATURE_HEADER,
  EVENT_WEBHOOK_TIMESTAMP_HEADER,
  MAX_EVENTS_PER_BATCH,
  MAX_SIGNATURE_AGE_SECONDS,
  MAX_SIGNATURE_LEAD_SECONDS,
  eventBatchSchema,
} from '@app/providers';
import { MAX_EMAIL_ATTACHMENT_BYTES, MAX_EMAIL_ATTACHMENTS } from './email-attachments.js';

/**
 * The request side of SendGrid's webhooks in the OpenAPI document. Inbound Parse cannot be
 * signed: its URL carries the channel's secret. The Event Webhook is ECDSA-signed (a channel with
 * SendGrid's public key) or posts to a URL with the channel's events secret.
 */

const channelId = ApiParam({
  name: 'channelId',
  description: 'The email channel (its webhook URLs are in the channel’s admin view)',
  schema: { type: 'string', format: 'uuid' },
});

const urlSecret = (what: string) =>
  ApiParam({
    name: 'secret',
    description: `The channel’s ${what} secret, from the URL its admin view issued (shown once)`,
    schema: { type: 'string', minLength: 1, maxLength: 256 },
  });

/** The Inbound Parse fields read; SendGrid's others are ignored. */
const inboundParseFields = z
  .object({
    email: z.string().optional().meta({ description: 'Raw mode: the whole MIME message' }),
    headers: z.string().optional().meta({ description: 'Parsed mode: the message’s header block' }),
    text: z.string().optional(),
    html: z.string().optional(),
    from: z.string().optional(),
    subject: z.string().optional(),
    envelope: z.string().optional().meta({ description: 'JSON: `{"to": [...], "from": "..."}`' }),
    SPF: z.string().optional().meta({ description: 'SendGrid’s SPF verdict' }),
    dkim: z.string().optional().meta({ description: 'SendGrid’s DKIM verdicts' }),
  })
  .meta({
    description:
      'SendGrid Inbound Parse, raw (`email`) or parsed (`headers`, `text`, `html`, files `attachmentN`); ' +
      `at most ${MAX_EMAIL_ATTACHMENTS} attachments of ${MAX_EMAIL_ATTACHMENT_BYTES / 1024 / 1024} MB ` +
      '(a larger one is dropped, the email kept). Flat fields only: a repeated field is refused.',
  });

const inboundParseForm = {
  ...jsonSchemaOf(inboundParseFields, 'input'),
  patternProperties: {
    '^attachment[0-9]+$': { type: 'string', contentMediaType: 'application/octet-stream' },
  },
  anyOf: [{ required: ['email'] }, { required: ['headers'] }],
};

/** Inbound Parse: the URL secret is checked before the body is read. */
export const InboundParseWebhook = () =>
  applyDecorators(
    channelId,
    urlSecret('Inbound Parse'),
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: inboundParseForm as never }),
    ApiErrors({
      400: ['validation_failed', 'invalid_multipart'],
      403: ['invalid_secret'],
      404: ['not_found'],
      413: ['payload_too_large'],
      415: ['unsupported_media_type'],
    }),
  );

const eventBatch = {
  ...jsonSchemaOf(eventBatchSchema, 'input'),
  description: `1 to ${MAX_EVENTS_PER_BATCH} events; fields other than these are ignored`,
};

/** Both Event Webhook routes: signature headers, the batch, and every refusal. */
export const EventWebhook = (opts: { urlSecret: boolean }) =>
  applyDecorators(
    channelId,
    ...(opts.urlSecret ? [urlSecret('events')] : []),
    ApiHeader({
      name: EVENT_WEBHOOK_SIGNATURE_HEADER,
      required: !opts.urlSecret,
      description:
        'SendGrid’s ECDSA (P-256) signature, base64, of the timestamp followed by the raw body, checked ' +
        'with the channel’s `eventWebhookPublicKey`. Required whenever the channel has that key',
      schema: { type: 'string' },
    }),
    ApiHeader({
      name: EVENT_WEBHOOK_TIMESTAMP_HEADER,
      required: !opts.urlSecret,
      description:
        `Unix seconds the signature was made; refused (signature_expired) when over ` +
        `${MAX_SIGNATURE_AGE_SECONDS / 60} minutes old or ${MAX_SIGNATURE_LEAD_SECONDS / 60} minutes ahead`,
      schema: { type: 'string', pattern: '^[0-9]{1,20}$' },
    }),
    ApiConsumes('application/json'),
    ApiBody({ schema: eventBatch as never }),
    ApiErrors({
      400: ['validation_failed'],
      // A channel with neither a key nor an events secret refuses a URL secret as invalid_secret.
      403: [
        'invalid_signature',
        'signature_expired',
        'invalid_secret',
        ...(opts.urlSecret ? [] : ['events_unauthenticated']),
      ],
      404: ['not_found'],
      415: ['unsupported_media_type'],
    }),
  );
