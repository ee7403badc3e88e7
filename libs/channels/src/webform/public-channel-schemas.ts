import { z } from 'zod';
import { allowedOriginsSchema } from './origins.js';

const name = z.string().trim().min(1).max(200);

/** `POST /v1/channels` for a web form. */
export const createWebformChannelSchema = z.strictObject({
  type: z.literal('webform'),
  name,
  allowedOrigins: allowedOriginsSchema,
});

/** `POST /v1/channels` for a website chat widget. */
export const createChatChannelSchema = z.strictObject({
  type: z.literal('chat'),
  name,
  allowedOrigins: allowedOriginsSchema,
});

export type CreatePublicChannelInput =
  z.infer<typeof createWebformChannelSchema> | z.infer<typeof createChatChannelSchema>;

/** `PATCH /v1/channels/:id` of a web form or chat widget (the key never changes: websites embed it). */
export const updatePublicChannelSchema = z
  .strictObject({ name: name.optional(), allowedOrigins: allowedOriginsSchema.optional() })
  .refine((patch) => Object.keys(patch).length > 0, { message: 'nothing to change' });
export type UpdatePublicChannelInput = z.infer<typeof updatePublicChannelSchema>;
