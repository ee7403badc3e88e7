import { z } from 'zod';
import type { ClaimReason, Contact, MergeResult } from '@app/contacts';
import { LEAD_STAGES, leadStageOf } from '../inbox/inbox-query.js';
import { addressBlocksShape } from './address-blocks.view.js';

/** A contact as staff see it; the OpenAPI document is written from this schema. */
export const contactViewSchema = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  phone: z.string().nullable().meta({ description: 'E.164' }),
  email: z.string().nullable().meta({ description: 'Normalized (lowercase)' }),
  dateOfBirth: z.iso.date().nullable(),
  leadStage: z.enum(LEAD_STAGES).nullable(),
  lastActivityAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  mergedInto: z
    .uuid()
    .optional()
    .meta({ description: 'Only on a contact merged into another: the one that holds its conversations now' }),
  unverified: z
    .object({ reason: z.enum(['typed_address', 'unauthenticated_email']) })
    .optional()
    .meta({
      description:
        'Only on an unproven claim: an address typed into the chat or a form, or the From of an email ' +
        'that SPF/DKIM did not prove',
    }),
  claimed: z
    .object({ phone: z.string().nullable(), email: z.string().nullable() })
    .nullable()
    .optional()
    .meta({ description: 'With `unverified`: the claimed addresses, kept apart from phone and email' }),
  possibleMatch: z
    .object({
      contactId: z.uuid(),
      reason: z.enum(['claimed_address_on_file', 'unauthenticated_email']),
    })
    .optional()
    .meta({ description: 'With `unverified`: the contact that holds the claimed address' }),
});
export type ContactView = z.output<typeof contactViewSchema>;

/** GET /v1/contacts/{id}: the contact, and what blocks its addresses whatever consent says. */
export const contactDetailSchema = contactViewSchema.extend(addressBlocksShape);
export type ContactDetail = z.output<typeof contactDetailSchema>;

export const contactViewExample = {
  id: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
  name: 'Jane Doe',
  phone: '+15555550123',
  email: 'jane@example.com',
  dateOfBirth: '1980-04-12',
  leadStage: 'new',
  lastActivityAt: '2026-03-02T14:05:09.123Z',
  createdAt: '2026-02-27T09:12:44.001Z',
} satisfies z.input<typeof contactViewSchema>;

export const contactPageSchema = z.object({
  data: z.array(contactViewSchema),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: 'Pass as `cursor` for the next page; null on the last page' }),
});

export const mergeResultSchema = z.object({
  conversationsMoved: z.number().int().min(0),
  messagesMoved: z.number().int().min(0),
  consentsCopied: z.number().int().min(0),
  foldedConversationId: z.uuid().nullable().meta({
    description: "The merged contact's open conversation, folded into this contact's (one open per contact)",
  }),
  contact: contactViewSchema,
});
export const mergeResultExample = {
  conversationsMoved: 1,
  messagesMoved: 4,
  consentsCopied: 1,
  foldedConversationId: null,
  contact: contactViewExample,
} satisfies z.input<typeof mergeResultSchema>;

/** Why a claim names a contact (`claimed_address_on_file` is the name staff clients know for typed claims). */
const POSSIBLE_MATCH_REASON = {
  typed_address: 'claimed_address_on_file',
  unauthenticated_email: 'unauthenticated_email',
} as const satisfies Record<ClaimReason, string>;

export function contactView(c: Contact): ContactView {
  return {
    id: c.id,
    name: c.name,
    phone: c.phone,
    email: c.email,
    dateOfBirth: c.dateOfBirth,
    leadStage: leadStageOf(c.leadStage),
    lastActivityAt: c.lastActivityAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    ...(c.mergedInto ? { mergedInto: c.mergedInto } : {}),
    // An unproven claim, kept apart: an address typed into the chat or a form, or the From of an
    // email that SPF/DKIM did not prove; possibleMatch names the contact that holds the address.
    ...(c.claimReason ? { unverified: { reason: c.claimReason }, claimed: c.claimed } : {}),
    ...(c.claimOf && c.claimReason
      ? { possibleMatch: { contactId: c.claimOf, reason: POSSIBLE_MATCH_REASON[c.claimReason] } }
      : {}),
  };
}

export function mergeView(result: MergeResult & { contact: Contact }): z.output<typeof mergeResultSchema> {
  return {
    conversationsMoved: result.conversationsMoved,
    messagesMoved: result.messagesMoved,
    consentsCopied: result.consentsCopied,
    foldedConversationId: result.foldedConversationId,
    contact: contactView(result.contact),
  };
}
