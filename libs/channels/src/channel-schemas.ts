import { z } from 'zod';
import { createEmailChannelSchema, updateEmailChannelFields } from './email/email-channel-schemas.js';
import { createChatChannelSchema, createWebformChannelSchema } from './webform/public-channel-schemas.js';

/**
 * Admin input for channels. Only SMS exists in this slice; email, webform and chat join the
 * discriminated union with their own slices of issue 4.
 */
const accountSid = z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex digits');
const messagingServiceSid = z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'must be MG followed by 32 hex digits');
const authToken = z.string().min(8, 'must be at least 8 characters').max(256);
const name = z.string().trim().min(1).max(200);
const phoneNumber = z.string().trim().min(1).max(32);
/** Messages per second this number may send (a US long code: about 1; short codes and toll-free: more). */
const sendRatePerSecond = z.number().min(0.1).max(1000);

export const createSmsChannelSchema = z.strictObject({
  type: z.literal('sms'),
  name,
  phoneNumber,
  twilioAccountSid: accountSid,
  twilioAuthToken: authToken,
  messagingServiceSid: messagingServiceSid.optional(),
  sendRatePerSecond: sendRatePerSecond.optional(),
});

export const createChannelSchema = z.discriminatedUnion('type', [
  createSmsChannelSchema,
  createEmailChannelSchema,
  createWebformChannelSchema,
  createChatChannelSchema,
]);
export type CreateChannelInput = z.infer<typeof createChannelSchema>;

export const updateSmsChannelSchema = z
  .strictObject({
    name: name.optional(),
    phoneNumber: phoneNumber.optional(),
    twilioAccountSid: accountSid.optional(),
    twilioAuthToken: authToken.optional(),
    /** null removes it. */
    messagingServiceSid: messagingServiceSid.nullable().optional(),
    sendRatePerSecond: sendRatePerSecond.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });

/** One PATCH body for every channel type; each type refuses the fields that are not its own. */
export const updateChannelSchema = z
  .strictObject({ ...updateSmsChannelSchema.shape, ...updateEmailChannelFields })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type UpdateChannelInput = z.infer<typeof updateChannelSchema>;
