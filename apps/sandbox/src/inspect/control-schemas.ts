import { z } from 'zod';

export const faultSchema = z.object({
  provider: z.enum(['twilio', 'sendgrid']),
  to: z.string().min(1).optional(),
  status: z.union([z.literal(429), z.literal(500), z.literal(503)]),
  times: z.number().int().min(1).max(1000).default(1),
  code: z.number().int().positive().optional(),
});
export type FaultInput = z.infer<typeof faultSchema>;

const delayMs = z.number().int().min(0).max(60_000);

export const configSchema = z
  .object({ callbackDelayMs: delayMs.optional(), responseDelayMs: delayMs.optional() })
  .strict();
export type ConfigInput = z.infer<typeof configSchema>;

export const messagesQuerySchema = z.object({
  to: z.string().min(1).optional(),
  provider: z.enum(['twilio', 'sendgrid']).optional(),
});
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;
