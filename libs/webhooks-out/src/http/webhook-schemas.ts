import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../webhook-events.js';

/**
 * What the webhook endpoint routes take and answer, as zod schemas (requests are validated and
 * documented from them; the controller's return types are the answers' outputs).
 */

const ENDPOINT_ID = '5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e';
const DELIVERY_ID = '0e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b';
const AT = '2026-03-02T14:05:09.123Z';
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw+8Q3lEg4qlY=';

const url = z.string().trim().min(1).max(2048).meta({
  description:
    'Absolute https URL without credentials. Its host must resolve to public addresses only (checked again before each delivery); no redirect is followed.',
});
const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .meta({ description: 'The events this endpoint receives' });

export const createEndpointBody = z.strictObject({ url, eventTypes });
export const updateEndpointBody = z
  .strictObject({
    url: url.optional(),
    eventTypes: eventTypes.optional(),
    enabled: z.boolean().optional().meta({
      description:
        'true re-enables an endpoint (also one disabled after sustained failure) and clears its failure streak',
    }),
  })
  .refine(
    (b) => b.url !== undefined || b.eventTypes !== undefined || b.enabled !== undefined,
    'nothing to change',
  )
  .meta({ minProperties: 1 });

export const endpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  disabledReason: z
    .enum(['failing', 'staff'])
    .nullable()
    .meta({ description: 'failing: disabled after sustained failure; staff: disabled by PATCH' }),
  disabledAt: z.iso.datetime().nullable(),
  consecutiveFailures: z.number().int().meta({ description: 'Failed attempts since the last delivered one' }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export const endpointExample = {
  id: ENDPOINT_ID,
  url: 'https://ehr.example.com/hooks/inbox',
  eventTypes: ['message.received', 'conversation.assigned'],
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  consecutiveFailures: 0,
  createdAt: AT,
  updatedAt: AT,
} satisfies z.input<typeof endpointSchema>;

export const endpointListSchema = z.object({ data: z.array(endpointSchema) });

export const createdEndpointSchema = endpointSchema.extend({
  secret: z.string().meta({
    description:
      'The signing secret (Standard Webhooks, whsec_...), shown only here: verify webhook-signature with it',
  }),
});

export const secretSchema = z.object({
  secret: z
    .string()
    .meta({ description: 'The new signing secret, shown only here; the old one no longer signs' }),
});
export const secretExample = { secret: SECRET };
export const createdEndpointExample = { ...endpointExample, secret: SECRET };

/** Opaque keyset cursor: the seq of the last delivery of the previous page. */
const cursor = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const seq = Number(Buffer.from(value, 'base64url').toString('utf8').replace(/^d:/, ''));
    if (!Number.isSafeInteger(seq) || seq < 1) {
      ctx.addIssue({ code: 'custom', message: 'not a cursor returned by this API' });
      return z.NEVER;
    }
    return seq;
  });
export const encodeDeliveryCursor = (seq: number): string => Buffer.from(`d:${seq}`).toString('base64url');

export const deliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: cursor.optional().meta({ description: 'The `nextCursor` of the previous page' }),
});

const attemptSchema = z.object({
  attemptedAt: z.iso.datetime(),
  statusCode: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'The receiver’s HTTP status; null when none came' }),
  durationMs: z.number().int(),
  errorClass: z.string().nullable().meta({
    description:
      'Why it failed: http_status, redirect_refused, timeout, connection_refused, connection_reset, unreachable, tls, dns, address_refused, network',
  }),
  succeeded: z.boolean(),
});

export const deliverySchema = z.object({
  id: z.uuid().meta({ description: 'Also the webhook-id header (the same on every attempt and replay)' }),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  occurredAt: z.iso.datetime(),
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.array(attemptSchema).meta({ description: 'Oldest first; never the response body' }),
  finishedAt: z.iso.datetime().nullable(),
});
export const deliveryPageSchema = z.object({
  data: z.array(deliverySchema),
  nextCursor: z.string().nullable(),
});
export const deliveryPageExample = {
  data: [
    {
      id: DELIVERY_ID,
      type: 'message.received' as const,
      occurredAt: AT,
      state: 'delivered' as const,
      attempts: [
        { attemptedAt: AT, statusCode: 503, durationMs: 41, errorClass: 'http_status', succeeded: false },
        { attemptedAt: AT, statusCode: 204, durationMs: 38, errorClass: null, succeeded: true },
      ],
      finishedAt: AT,
    },
  ],
  nextCursor: null,
};
