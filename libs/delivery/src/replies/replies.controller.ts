import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, IdParam, type Principal, RequirePermission } from '@app/identity';
import { ApiZodBody, AppError, ValidBody } from '@app/observability';
import { MessageStatusView } from './message-status-view.js';
import { ReplyService } from './reply.service.js';

export const replySchema = z.strictObject({
  body: z.string().trim().min(1).max(20_000),
  channel: z.enum(['sms', 'email', 'chat']).optional(),
});

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
  @ApiOperation({
    summary: 'Reply through the consent gate',
    description:
      'Plain SMS/email only with consent for that exact address; otherwise a secure message with a ' +
      'PHI-free link notice; a live website chat is answered in the chat. 409 recipient_opted_out, ' +
      '422 no_reachable_address.',
  })
  @ApiZodBody(replySchema)
  @ApiResponse({ status: 202, description: '{messageId, channel, deliveryRoute, routeReason, status}' })
  reply(
    @CurrentUser() user: Principal,
    @IdParam('id', 'Conversation') id: string,
    @ValidBody(replySchema) body: z.infer<typeof replySchema>,
  ) {
    return this.replies.reply(id, body, user.userId);
  }

  @Get('messages/:id')
  @RequirePermission('conversations.read')
  @ApiOperation({ summary: 'Delivery state of a message (no body)' })
  async message(@IdParam('id', 'Message') id: string) {
    const view = await this.statuses.get(id);
    if (!view) throw AppError.notFound('Message');
    return view;
  }
}
