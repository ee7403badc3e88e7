import { Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { Public } from '@app/observability';
import { TwilioInboundService } from './twilio-inbound.service.js';
import { TwilioStatusService } from './twilio-status.service.js';
import { readTwilioWebhook } from './twilio-webhook-request.js';

/** Twilio's webhooks; authenticated by X-Twilio-Signature with the channel's auth token, not by staff login. */
@ApiTags('webhooks')
@Public()
@Controller('webhooks/twilio')
export class TwilioWebhooksController {
  constructor(
    private readonly inboundSms: TwilioInboundService,
    private readonly statusCallbacks: TwilioStatusService,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'PUBLIC_BASE_URL'>,
  ) {}

  @Post(':channelId/inbound')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Inbound SMS/MMS (Twilio Messaging webhook); the same MessageSid twice stores one message',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiProduces('text/xml')
  @ApiResponse({ status: 200, description: 'TwiML: <Response/> or a keyword reply' })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  @ApiResponse({ status: 403, description: 'invalid_signature (nothing stored)' })
  @ApiResponse({ status: 404, description: 'unknown or deleted channel' })
  @ApiResponse({ status: 415, description: 'not form-encoded' })
  async inbound(
    @Param('channelId') channelId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const twiml = await this.inboundSms.receive(
      readTwilioWebhook(req, channelId, this.config.PUBLIC_BASE_URL),
    );
    // Set here, not with @Header: an error answer must keep its JSON content type.
    res.type('text/xml');
    return twiml;
  }

  @Post(':channelId/status')
  @HttpCode(204)
  @ApiOperation({ summary: 'Message status callback (Twilio StatusCallback); statuses only move forward' })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiResponse({ status: 204, description: 'Applied, already known, or about a message we do not know' })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  @ApiResponse({ status: 403, description: 'invalid_signature' })
  @ApiResponse({ status: 404, description: 'unknown channel' })
  @ApiResponse({ status: 415, description: 'not form-encoded' })
  async status(@Param('channelId') channelId: string, @Req() req: Request): Promise<void> {
    await this.statusCallbacks.receive(readTwilioWebhook(req, channelId, this.config.PUBLIC_BASE_URL));
  }
}
