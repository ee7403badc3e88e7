import { Controller, Header, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { ApiContentResponse, ApiErrors, Public } from '@app/observability';
import { EMPTY_TWIML } from '@app/providers';
import { TwilioInboundService } from './twilio-inbound.service.js';
import { TwilioStatusService } from './twilio-status.service.js';
import { readTwilioWebhook } from './twilio-webhook-request.js';
import { TwilioInboundWebhook, TwilioStatusWebhook } from './twilio-webhook.openapi.js';

/**
 * Twilio's webhooks, authenticated by X-Twilio-Signature with the channel's auth token (the
 * services check it), not by staff login. The api's busiest routes, served like every other.
 */
@ApiTags('webhooks')
@Public()
@Controller('webhooks/twilio/:channelId')
export class TwilioWebhooksController {
  constructor(
    private readonly inboundSms: TwilioInboundService,
    private readonly statusCallbacks: TwilioStatusService,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'PUBLIC_BASE_URL'>,
  ) {}

  @Post('inbound')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @TwilioInboundWebhook()
  @ApiOperation({
    summary: 'Inbound SMS/MMS (Twilio Messaging webhook); the same MessageSid twice stores one message',
  })
  @ApiContentResponse(200, {
    mediaType: 'text/xml',
    description: 'TwiML: an empty `<Response/>`, or the reply to a keyword (STOP, START, HELP, YES, NO)',
    example: EMPTY_TWIML,
  })
  // A keyword hook runs before the answer (its effect must be committed first): when it fails,
  // the text is rolled back and not acknowledged.
  @ApiContentResponse(500, { description: 'A keyword hook failed: nothing stored, not acknowledged' })
  @ApiErrors({ 500: ['internal_error'] })
  inbound(@Param('channelId') channelId: string, @Req() req: FastifyRequest): Promise<string> {
    return this.inboundSms.receive(readTwilioWebhook(req, channelId, this.config.PUBLIC_BASE_URL));
  }

  @Post('status')
  @HttpCode(204)
  @TwilioStatusWebhook()
  @ApiOperation({ summary: 'Message status callback (Twilio StatusCallback); statuses only move forward' })
  @ApiContentResponse(204, { description: 'Applied, already known, or about a message we do not know' })
  async status(@Param('channelId') channelId: string, @Req() req: FastifyRequest): Promise<void> {
    await this.statusCallbacks.receive(readTwilioWebhook(req, channelId, this.config.PUBLIC_BASE_URL));
  }
}
