import { z } from 'zod';
import type { ConsentRecord } from '@app/consent';
import { addressBlocksShape } from '@app/conversations';

/** What the consent routes answer; the OpenAPI document is written from these schemas. */

const CONSENT_METHODS = [
  'sms_keyword',
  'email_link',
  'web_link',
  'verbal_attested',
  'written_attested',
  'form_checkbox',
  'opt_out_keyword',
  'provider_opt_out',
  'staff_revoked',
] as const satisfies readonly ConsentRecord['method'][];
const ACTOR_TYPES = ['user', 'patient', 'provider', 'system'] as const;

export const consentRecordSchema = z.object({
  id: z.uuid(),
  channel: z.enum(['sms', 'email']),
  address: z.string().meta({ description: 'The phone number (E.164) or email address the record is for' }),
  decision: z.enum(['granted', 'declined', 'revoked']),
  method: z.enum(CONSENT_METHODS).meta({
    description:
      'form_checkbox: records from before double opt-in only (a ticked box alone grants nothing now)',
  }),
  actor: z.object({
    type: z.enum(ACTOR_TYPES),
    id: z.string().meta({ description: 'The user, contact, provider or system process that recorded it' }),
  }),
  consentRequestId: z.uuid().nullable().meta({ description: 'The consent request this record answers' }),
  formSubmissionId: z.uuid().nullable().meta({
    description:
      'The web form whose ticked box led to the request this record answers (intent, then confirmed)',
  }),
  disclosureVersion: z.string().nullable(),
  disclosureHash: z.string().nullable().meta({ description: 'SHA-256 of the disclosure text shown' }),
  at: z.iso.datetime(),
});
export type ConsentRecordView = z.output<typeof consentRecordSchema>;

export const consentRecordExample = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  channel: 'sms',
  address: '+15555550123',
  decision: 'granted',
  method: 'verbal_attested',
  actor: { type: 'user', id: '3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d' },
  consentRequestId: null,
  formSubmissionId: null,
  disclosureVersion: 'sms-2026-01',
  disclosureHash: '4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c',
  at: '2026-03-02T14:05:09.123Z',
} satisfies z.input<typeof consentRecordSchema>;

export function consentRecordView(record: ConsentRecord): ConsentRecordView {
  return {
    id: record.id,
    channel: record.channel,
    address: record.address,
    decision: record.decision,
    method: record.method,
    // consent_records.actor_type: a CHECK holds it to these four.
    actor: { type: record.actor.type as (typeof ACTOR_TYPES)[number], id: record.actor.id },
    consentRequestId: record.consentRequestId,
    // The web form whose ticked box led to the request this record answers (intent, then confirmed).
    formSubmissionId: record.evidence?.formSubmissionId ?? null,
    disclosureVersion: record.disclosureVersion,
    disclosureHash: record.disclosureHash,
    at: record.at.toISOString(),
  };
}

export const consentLedgerSchema = z.object({
  current: z
    .array(consentRecordSchema)
    .meta({ description: 'The latest record per channel and address: what the consent gate decides on' }),
  history: z.array(consentRecordSchema).meta({ description: 'Every record, newest first' }),
  // Shown even when no consent was ever recorded: an opt-out or suppression blocks whatever consent says.
  ...addressBlocksShape,
});

export const consentRequestSentSchema = z.object({
  requestId: z.uuid(),
  expiresAt: z.iso.datetime(),
  messageId: z.uuid().meta({
    description: 'The outbound message carrying the request (its delivery state: GET /v1/messages/{id})',
  }),
});

export const suppressionLiftedSchema = z.object({
  channel: z.literal('email'),
  address: z.string(),
  suppressed: z.literal(false),
});
