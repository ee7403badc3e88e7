import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import type { DirectRoute } from '@app/observability';
import { TwilioInboundService } from './twilio-inbound.service.js';
import { TwilioStatusService } from './twilio-status.service.js';
import { readTwilioWebhook } from './twilio-webhook-request.js';

const COMMON_RESPONSES = {
  400: 'validation_failed',
  403: 'invalid_signature (nothing stored)',
  404: 'unknown or deleted channel',
  413: 'payload_too_large',
  415: 'not form-encoded UTF-8',
};

/**
 * Twilio's webhooks, authenticated by X-Twilio-Signature with the channel's auth token, not by
 * staff login. Served as direct routes (see mountDirectRoutes): they are the api's busiest.
 */
@Injectable()
export class TwilioWebhookRoutes {
  constructor(
    private readonly inboundSms: TwilioInboundService,
    private readonly statusCallbacks: TwilioStatusService,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'PUBLIC_BASE_URL'>,
  ) {}

  readonly routes: DirectRoute[] = [
    {
      method: 'POST',
      path: '/webhooks/twilio/:channelId/inbound',
      handle: async (request) => ({
        status: 200,
        contentType: 'text/xml; charset=utf-8',
        body: await this.inboundSms.receive(readTwilioWebhook(request, this.config.PUBLIC_BASE_URL)),
      }),
      openApi: {
        tags: ['webhooks'],
        summary: 'Inbound SMS/MMS (Twilio Messaging webhook); the same MessageSid twice stores one message',
        requestContentType: 'application/x-www-form-urlencoded',
        responses: { 200: 'TwiML: <Response/> or a keyword reply', ...COMMON_RESPONSES },
      },
    },
    {
      method: 'POST',
      path: '/webhooks/twilio/:channelId/status',
      handle: async (request) => {
        await this.statusCallbacks.receive(readTwilioWebhook(request, this.config.PUBLIC_BASE_URL));
        return { status: 204 };
      },
      openApi: {
        tags: ['webhooks'],
        summary: 'Message status callback (Twilio StatusCallback); statuses only move forward',
        requestContentType: 'application/x-www-form-urlencoded',
        responses: { 204: 'Applied, already known, or about a message we do not know', ...COMMON_RESPONSES },
      },
    },
  ];
}
