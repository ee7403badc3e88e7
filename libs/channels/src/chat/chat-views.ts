import { z } from 'zod';

/**
 * What the visitor side of website chat answers (`/v1/public/chat`). The services' return types
 * are these schemas' outputs, so the document cannot drift from the code.
 */

const EXAMPLE_SESSION_ID = '9b2e4c1a-7d3f-4e8a-b6c5-0f1e2d3c4b5a';

export const chatMessageViewSchema = z
  .object({
    id: z.uuid(),
    direction: z
      .enum(['inbound', 'outbound'])
      .meta({ description: '`inbound`: the visitor wrote it; `outbound`: the practice’s staff' }),
    body: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ description: 'A chat message as the visitor sees it (never staff notes or internal fields)' });
export type ChatMessageView = z.output<typeof chatMessageViewSchema>;

export const CHAT_MESSAGE_EXAMPLE: ChatMessageView = {
  id: '5d6e7f80-1a2b-4c3d-8e9f-a0b1c2d3e4f5',
  direction: 'inbound',
  body: 'Hello, do you have an opening this week?',
  createdAt: '2026-01-05T14:03:00.000Z',
};

export const chatMessagesPageSchema = z.object({
  data: z.array(chatMessageViewSchema).meta({ description: 'In order, at most 100' }),
});

export const chatSessionStartedSchema = z.object({
  sessionId: z.uuid(),
  sessionToken: z.string().meta({
    description:
      'Shown once: send it as `Authorization: Bearer <sessionToken>` on the session’s routes (only its hash is stored)',
    example: 'q8m1V3xZp0cR7tY2wE5uI9oP4aS6dF1gH3jK8lZ0xC2',
  }),
});

export type ChatSessionStarted = z.output<typeof chatSessionStartedSchema>;

export const CHAT_SESSION_STARTED_EXAMPLE: ChatSessionStarted = {
  sessionId: EXAMPLE_SESSION_ID,
  sessionToken: 'q8m1V3xZp0cR7tY2wE5uI9oP4aS6dF1gH3jK8lZ0xC2',
};

export const chatCodeSentSchema = z.object({
  sent: z.literal(true),
  expiresInSeconds: z.int().positive().meta({ description: 'How long the code stays valid', example: 600 }),
});

export const chatCodeConfirmedSchema = z.object({ verified: z.literal(true) });
