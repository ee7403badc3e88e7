import { Controller, HttpCode, Param, Post, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiZodResponse, AppError, Public, hasMediaType } from '@app/observability';
import { EVENT_WEBHOOK_SIGNATURE_HEADER, EVENT_WEBHOOK_TIMESTAMP_HEADER } from '@app/providers';
import { InboundParseAuthGuard, authenticatedInbound } from './inbound-parse-auth.guard.js';
import { InboundParseUpload } from './inbound-parse-upload.js';
import { type UploadedPart, flatFields } from './inbound-parse.js';
import {
  type EventBatchOutcome,
  SendGridEventsService,
  eventBatchOutcomeSchema,
} from './sendgrid-events.service.js';
import { SendGridInboundService } from './sendgrid-inbound.service.js';
import { EventWebhook, InboundParseWebhook } from './sendgrid-webhook.openapi.js';

const inboundReceivedSchema = z.object({
  received: z.literal(true),
  duplicate: z.boolean().meta({ description: 'The same Message-ID (or post) was stored before' }),
});

const EVENT_BATCH_EXAMPLE: EventBatchOutcome = {
  updated: 2,
  unchanged: 0,
  duplicates: 1,
  unknownMessages: 0,
  ignored: 1,
  suppressed: 0,
  convertedToSecure: 0,
};

/**
 * SendGrid's webhooks. Inbound Parse cannot be signed, so its URL carries a per-channel secret;
 * the Event Webhook is ECDSA-signed when the channel has SendGrid's public key, and otherwise
 * posts to an events URL with a secret of its own (`webhooks.events`).
 */
@ApiTags('webhooks')
@Public()
@Controller('webhooks/sendgrid')
export class SendGridWebhooksController {
  constructor(
    private readonly inbound: SendGridInboundService,
    private readonly events: SendGridEventsService,
  ) {}

  @Post(':channelId/inbound/:secret')
  @HttpCode(200)
  // The guard (URL secret) runs before the interceptor reads the body.
  @UseGuards(InboundParseAuthGuard)
  @UseInterceptors(InboundParseUpload)
  @ApiOperation({
    summary:
      'Inbound Parse (multipart, or raw MIME in `email`); the same Message-ID twice stores one message',
  })
  @InboundParseWebhook()
  @ApiZodResponse(200, inboundReceivedSchema, {
    description: 'Stored, or already stored',
    example: { received: true, duplicate: false },
  })
  async inboundParse(@Req() req: FastifyRequest): Promise<z.output<typeof inboundReceivedSchema>> {
    if (!hasMediaType(req, 'multipart/form-data')) {
      throw new AppError(415, 'unsupported_media_type', 'Inbound Parse posts are multipart/form-data');
    }
    const files = (req as FastifyRequest & { files?: UploadedPart[] }).files;
    const result = await this.inbound.receive({
      ...authenticatedInbound(req),
      fields: flatFields(req.body),
      files: Array.isArray(files) ? files : [],
    });
    return { received: true, duplicate: result.duplicate };
  }

  @Post(':channelId/events')
  @HttpCode(200)
  @EventWebhook({ urlSecret: false })
  @ApiOperation({
    summary:
      'Event Webhook batch, ECDSA-signed (channel with eventWebhookPublicKey); each sg_event_id applies once, statuses only move forward',
  })
  @ApiZodResponse(200, eventBatchOutcomeSchema, {
    description: 'Applied, already known, or about messages we do not know (nothing applied on a refusal)',
    example: EVENT_BATCH_EXAMPLE,
  })
  signedEventBatch(
    @Param('channelId') channelId: string,
    @Req() req: FastifyRequest,
  ): Promise<EventBatchOutcome> {
    return this.eventBatch(channelId, null, req);
  }

  @Post(':channelId/events/:secret')
  @HttpCode(200)
  @EventWebhook({ urlSecret: true })
  @ApiOperation({
    summary:
      'Event Webhook batch for a channel without a public key: the URL carries the channel’s events secret',
  })
  @ApiZodResponse(200, eventBatchOutcomeSchema, {
    description: 'Applied, already known, or about messages we do not know (nothing applied on a refusal)',
    example: EVENT_BATCH_EXAMPLE,
  })
  eventBatchWithSecret(
    @Param('channelId') channelId: string,
    @Param('secret') secret: string,
    @Req() req: FastifyRequest,
  ): Promise<EventBatchOutcome> {
    return this.eventBatch(channelId, secret, req);
  }

  private eventBatch(
    channelId: string,
    urlSecret: string | null,
    req: FastifyRequest,
  ): Promise<EventBatchOutcome> {
    if (!hasMediaType(req, 'application/json')) {
      throw new AppError(415, 'unsupported_media_type', 'Event Webhook posts are application/json');
    }
    return this.events.receive({
      channelId,
      rawBody: (req as FastifyRequest & { rawBody?: Buffer }).rawBody,
      body: req.body,
      signature: singleHeader(req.headers[EVENT_WEBHOOK_SIGNATURE_HEADER]),
      timestamp: singleHeader(req.headers[EVENT_WEBHOOK_TIMESTAMP_HEADER]),
      urlSecret,
    });
  }
}

function singleHeader(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
