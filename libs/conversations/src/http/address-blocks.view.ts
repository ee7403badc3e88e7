import { z } from 'zod';
import type { AddressBlocks } from '@app/consent';

/**
 * What blocks a contact's addresses whatever consent says (the same shape on the contact and in
 * its consent ledger): a standing SMS opt-out of the phone on file, a standing suppression of
 * the email on file. Staff see it here instead of learning it from a 409 on reply.
 */
export const smsOptOutSchema = z
  .object({
    since: z.iso.datetime().meta({ description: 'When the number opted out (its latest opt-out event)' }),
    source: z.enum(['keyword', 'provider', 'staff']).meta({
      description:
        'keyword: the patient texted STOP (or Twilio reported OptOutType STOP); provider: Twilio refused a send ' +
        'with 21610 (the number had sent STOP to the carrier); staff: recorded by staff',
    }),
    keyword: z
      .string()
      .nullable()
      .meta({ description: 'The keyword texted (STOP, UNSUBSCRIBE...), when one was' }),
  })
  .nullable()
  .meta({
    description:
      'The phone on file opted out of texts (nothing is sent to it until it texts START); null when it did not, ' +
      'or there is no phone',
  });

export const emailSuppressionSchema = z
  .object({
    since: z.iso.datetime().meta({ description: 'When the address was suppressed' }),
    reason: z.enum(['bounce', 'dropped', 'spamreport', 'unsubscribe']),
  })
  .nullable()
  .meta({
    description:
      'The email on file is suppressed (hard bounce, drop, spam report or unsubscribe: nothing is emailed until ' +
      'staff lift it, POST /v1/contacts/{id}/email-suppression/lift); null when it is not, or there is no email',
  });

export const addressBlocksShape = { smsOptOut: smsOptOutSchema, emailSuppression: emailSuppressionSchema };
export type AddressBlocksView = {
  smsOptOut: z.output<typeof smsOptOutSchema>;
  emailSuppression: z.output<typeof emailSuppressionSchema>;
};

export const addressBlocksExample = {
  smsOptOut: { since: '2026-03-03T18:22:41.512Z', source: 'keyword', keyword: 'STOP' },
  emailSuppression: null,
} satisfies AddressBlocksView;

export function addressBlocksView(blocks: AddressBlocks): AddressBlocksView {
  return {
    smsOptOut: blocks.smsOptOut && {
      since: blocks.smsOptOut.since.toISOString(),
      source: blocks.smsOptOut.source,
      keyword: blocks.smsOptOut.keyword,
    },
    emailSuppression: blocks.emailSuppression && {
      since: blocks.emailSuppression.since.toISOString(),
      reason: blocks.emailSuppression.reason,
    },
  };
}
