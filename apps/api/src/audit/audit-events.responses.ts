import { z } from 'zod';
import type { AuditEventRow, AuditExportLine, ChainCheck } from '@app/audit';

/** What `/v1/audit-events` answers (the OpenAPI document is written from these). */

const EVENT_ID = '5e0c7a3b-2d4f-4b1a-9c8e-7f6a5b4c3d2e';
const USER_ID = '3f1c9a52-6b1e-4d4f-9c47-2a8e5d0b7c11';
const PRACTICE_ID = 'b7a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

const shape = {
  id: z.uuid(),
  seq: z.number().int().min(1).meta({ description: 'Position in the practice’s chain (1, 2, 3, …)' }),
  occurredAt: z.iso.datetime(),
  actor: z.object({
    type: z.enum(['user', 'patient', 'provider', 'system', 'api_client']),
    id: z.string().meta({ description: 'A user id, a contact id, a provider name or a system job' }),
  }),
  action: z.string().meta({ description: 'Dotted verb, e.g. auth.login, user.created, audit.read' }),
  outcome: z.enum(['success', 'failure', 'denied']),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  metadata: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .meta({ description: 'Ids, counts and reasons; never PHI' }),
};

const example = {
  id: EVENT_ID,
  seq: 42,
  occurredAt: '2026-03-02T14:05:09.000Z',
  actor: { type: 'user', id: USER_ID },
  action: 'user.role_changed',
  target: { type: 'user', id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' },
  outcome: 'success',
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0',
  metadata: { from: 'front_desk', to: 'admin' },
};

export const auditEventSchema = z
  .object({ ...shape, target: z.object({ type: z.string(), id: z.string() }).nullable() })
  .meta({ example }) satisfies z.ZodType<AuditEventRow>;

export const auditEventPageSchema = z.object({
  data: z.array(auditEventSchema).meta({ description: 'Newest first' }),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: 'Pass as `cursor` for the next (older) page; null on the last page' }),
});

export const chainCheckSchema = z
  .object({
    valid: z.boolean(),
    checked: z
      .number()
      .int()
      .meta({ description: 'Events walked (up to and including the first broken one)' }),
    firstBrokenId: z.uuid().optional().meta({ description: 'The first event whose link does not hold' }),
    unknownKeyId: z.string().optional().meta({
      description: 'The broken event names an audit key this server does not hold (configure it to verify)',
    }),
    legacyEvents: z.number().int().optional().meta({
      description: 'Events sealed before the chain was keyed: intact, but not proof against a database owner',
    }),
  })
  .meta({ example: { valid: true, checked: 1234 } }) satisfies z.ZodType<ChainCheck>;

const hex = (chars: number) => z.string().regex(new RegExp(`^[0-9a-f]{${chars}}$`));

/** One line of the export: the event with everything its link covers. */
export const auditExportLineSchema = z.object({
  tenantId: z.uuid(),
  ...shape,
  target: z.object({ type: z.string().nullable(), id: z.string().nullable() }).nullable(),
  prevHash: hex(64).nullable().meta({ description: 'The previous event’s hash; null for the first event' }),
  hash: hex(64).meta({
    description: 'HMAC-SHA256 under the audit key keyId (plain SHA-256 when keyId is null)',
  }),
  keyId: hex(16).nullable(),
}) satisfies z.ZodType<AuditExportLine>;

export const auditExportLineExample = {
  tenantId: PRACTICE_ID,
  ...example,
  prevHash: '9f2c'.repeat(16),
  hash: '4b7e'.repeat(16),
  keyId: '0123456789abcdef',
};
