import { z } from 'zod';

/** `POST /v1/public/chat/:widgetKey/sessions`: all optional; an address lets staff follow up elsewhere. */
export const createChatSessionSchema = z.strictObject({
  name: z.string().trim().max(200).optional(),
  email: z.string().trim().max(320).optional().meta({ description: 'When given, a valid email address' }),
  phone: z
    .string()
    .trim()
    .max(32)
    .optional()
    .meta({ description: 'When given, a valid phone number (E.164, or national in the practice’s region)' }),
});
export type CreateChatSessionInput = z.infer<typeof createChatSessionSchema>;

export const CHAT_BODY_MAX = 4000;

/** `POST /v1/public/chat/sessions/:sessionId/messages`. */
export const chatMessageSchema = z.strictObject({
  body: z
    .string()
    .max(CHAT_BODY_MAX)
    .refine((b) => b.trim().length > 0, 'must not be empty')
    // The refinement in JSON Schema: JavaScript's \S matches what trim() keeps.
    .meta({ description: 'Not blank', pattern: '\\S' }),
});
export type ChatMessageInput = z.infer<typeof chatMessageSchema>;

export const chatMessagesQuerySchema = z.strictObject({
  after: z.uuid().optional().meta({ description: 'Only the messages after this one of the session' }),
});

/** `POST /v1/public/chat/sessions/:sessionId/verification`. */
export const chatVerificationSchema = z.strictObject({
  channel: z.enum(['sms', 'email']),
});

/** `POST /v1/public/chat/sessions/:sessionId/verification/confirm`: any text; a wrong one is invalid_code. */
export const chatVerificationConfirmSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .meta({ description: 'The code the visitor received', pattern: '\\S' }),
});
