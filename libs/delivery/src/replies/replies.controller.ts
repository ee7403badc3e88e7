import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { UUID_PATTERN } from '@app/database';
import { CurrentUser, IdParam, type Principal, RequirePermission } from '@app/identity';
import { ApiErrors, ApiZodBody, ApiZodResponse, AppError, ValidBody } from '@app/observability';
import { MessageStatusView } from './message-status-view.js';
import { MAX_SMS_BODY, ReplyService } from './reply.service.js';
import {
  messageStatusExample,
  messageStatusSchema,
  replyResultExample,
  replyResultSchema,
} from './reply-views.js';

/** Files one message may carry. */
const MAX_ATTACHMENTS = 10;

export const replySchema = z.strictObject({
  body: z
    .string()
    .trim()
    .min(1)
    .max(20_000)
    .meta({ description: `A plain SMS holds at most ${MAX_SMS_BODY} characters (422 body_too_long beyond)` }),
  channel: z
    .enum(['sms', 'email', 'chat'])
    .optional()
    .meta({ description: "Defaults to the conversation's last channel that has an address" }),
  attachmentIds: z
    .array(
      z
        .string()
        .regex(UUID_PATTERN, 'must be an upload id')
        .transform((id) => id.toLowerCase()),
    )
    .min(1)
    .max(MAX_ATTACHMENTS)
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an id')
    .optional()
    .meta({
      description:
        'Files uploaded with POST /v1/attachments, delivered through the secure link only: with attachments ' +
        'the whole message goes as a secure link (routeReason has_attachments when it could have gone plain). ' +
        '422 attachment_unavailable (not an unsent upload of this practice) or attachment_expired',
    }),
});

export const startSchema = z.strictObject({
  contactId: z
    .string()
    .regex(UUID_PATTERN, 'must be a contact id')
    .meta({ format: 'uuid', description: 'The contact to write to (POST /v1/contacts enters a new one)' }),
  channel: z.enum(['sms', 'email']),
  body: replySchema.shape.body,
  attachmentIds: replySchema.shape.attachmentIds,
});

const startResultSchema = replyResultSchema.extend({
  conversationId: z.uuid().meta({ description: 'The conversation the message went into' }),
});

const CONVERSATION_ID = '0b9f7c1e-5a2d-4e8b-9c3f-6d1a2b3c4d5e';

/** What refuses a reply or a first message before anything is stored (the gate's and the files'). */
const SEND_REFUSALS_422 = [
  'no_reachable_address',
  'no_sender_channel',
  'body_too_long',
  'attachment_unavailable',
  'attachment_expired',
];

/** A malformed id answers 404 like an unknown one (IdParam): documented as a uuid. */
const uuidParam = (description: string) =>
  ApiParam({ name: 'id', description, schema: { type: 'string', format: 'uuid' } });

@ApiTags('conversations')
@Controller('v1')
export class RepliesController {
  constructor(
    private readonly replies: ReplyService,
    private readonly statuses: MessageStatusView,
  ) {}

  @Post('conversations/:id/replies')
  @HttpCode(202)
  @RequirePermission('conversations.reply')
  @uuidParam('Conversation id')
  @ApiOperation({
    summary: 'Reply through the consent gate',
    description:
      'Plain SMS/email only with consent for that exact address; otherwise a secure message with a ' +
      'PHI-free link notice; a live website chat is answered in the chat. Refused (nothing stored): ' +
      '409 recipient_opted_out or email_suppressed; 422 no_reachable_address, no_sender_channel, body_too_long.',
  })
  @ApiZodBody(replySchema)
  @ApiZodResponse(202, replyResultSchema, {
    description: 'Accepted: queued for delivery (or sent in the chat)',
    example: replyResultExample,
  })
  @ApiErrors({
    404: ['not_found'],
    // chat_session_*: the visitor left or is not proven between the gate's look and the chat's.
    409: [
      'recipient_opted_out',
      'email_suppressed',
      'chat_session_expired',
      'chat_session_unproven',
      'concurrent_change',
    ],
    422: SEND_REFUSALS_422,
  })
  reply(
    @CurrentUser() user: Principal,
    @IdParam('id', 'Conversation') id: string,
    @ValidBody(replySchema) body: z.infer<typeof replySchema>,
  ): Promise<z.output<typeof replyResultSchema>> {
    return this.replies.reply(id, body, user.userId);
  }

  @Post('conversations')
  @HttpCode(202)
  @RequirePermission('conversations.reply')
  @ApiOperation({
    summary: 'Write first (outreach): a message to a contact, through the consent gate',
    description:
      "Into the contact's active conversation, else one reopened or started for it; then exactly as a " +
      'reply: plain only with consent for that exact address, otherwise a PHI-free notice with a secure link. ' +
      'Refused (nothing stored, no conversation started): 404 for an unknown or merged contact; 409 ' +
      'recipient_opted_out or email_suppressed; 422 no_reachable_address, no_sender_channel, body_too_long.',
  })
  @ApiZodBody(startSchema)
  @ApiZodResponse(202, startResultSchema, {
    description: 'Accepted: queued for delivery',
    example: { conversationId: CONVERSATION_ID, ...replyResultExample },
  })
  @ApiErrors({
    404: ['not_found'],
    409: ['recipient_opted_out', 'email_suppressed', 'concurrent_change'],
    422: SEND_REFUSALS_422,
  })
  start(
    @CurrentUser() user: Principal,
    @ValidBody(startSchema) body: z.infer<typeof startSchema>,
  ): Promise<z.output<typeof startResultSchema>> {
    return this.replies.start({ ...body, contactId: body.contactId.toLowerCase() }, user.userId);
  }

  @Get('messages/:id')
  @RequirePermission('conversations.read')
  @uuidParam('Message id')
  @ApiOperation({ summary: 'Delivery state of a message (no body: not a PHI read)' })
  @ApiZodResponse(200, messageStatusSchema, {
    description: 'The delivery state',
    example: messageStatusExample,
  })
  @ApiErrors({ 404: ['not_found'] })
  async message(@IdParam('id', 'Message') id: string): Promise<z.output<typeof messageStatusSchema>> {
    const view = await this.statuses.get(id);
    if (!view) throw AppError.notFound('Message');
    return view;
  }
}
