import { Controller, Header, HttpCode, Inject, Param, Post, Req, applyDecorators } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { Public } from '@app/observability';
import { TwilioInboundService } from './twilio-inbound.service.js';
import { TwilioStatusService } from './twilio-status.service.js';
import { readTwilioWebhook } from './twilio-webhook-request.js';

/** What both webhooks take and may refuse with. */
const TwilioWebhook = () =>
  applyDecorators(
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiResponse({ status: 400, description: 'validation_failed' }),
    ApiResponse({ status: 403, description: 'invalid_signature (nothing stored)' }),
    ApiResponse({ status: 404, description: 'unknown or deleted channel' }),
    ApiResponse({ status: 413, description: 'payload_too_large' }),
    ApiResponse({ status: 415, description: 'not form-encoded UTF-8' }),
  );

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
  @TwilioWebhook()
  @ApiOperation({
    summary: 'Inbound SMS/MMS (Twilio Messaging webhook); the same MessageSid twice stores one message',
  })
  @ApiResponse({ status: 200, description: 'TwiML: <Response/> or a keyword reply' })
  inbound(@Param('channelId') channelId: string, @Req() req: FastifyRequest): Promise<string> {
    return this.inboundSms.receive(readTwilioWebhook(req, channelId, this.config.PUBLIC_BASE_URL));
  }

  @Post('status')
  @HttpCode(204)
  @TwilioWebhook()
  @ApiOperation({ summary: 'Message status callback (Twilio StatusCallback); statuses only move forward' })
  @ApiResponse({ status: 204, description: 'Applied, already known, or about a message we do not know' })
  async status(@Param('channelId') channelId: string, @Req() req: FastifyRequest): Promise<void> {
    await this.statusCallbacks.receive(readTwilioWebhook(req, channelId, this.config.PUBLIC_BASE_URL));
  }
}
