import {
  Controller,
  HttpCode,
  Param,
  Post,
  Req,
  UseGuards,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AppError, Public, hasMediaType } from '@app/observability';
import { EVENT_WEBHOOK_SIGNATURE_HEADER, EVENT_WEBHOOK_TIMESTAMP_HEADER } from '@app/providers';
import { InboundParseAuthGuard, authenticatedInbound } from './inbound-parse-auth.guard.js';
import { InboundParseUpload } from './inbound-parse-upload.js';
import { type UploadedPart, flatFields } from './inbound-parse.js';
import { type EventBatchOutcome, SendGridEventsService } from './sendgrid-events.service.js';
import { SendGridInboundService } from './sendgrid-inbound.service.js';

/** What both Event Webhook routes answer (they differ only in how the channel authenticates). */
const EventBatchRoute = () =>
  applyDecorators(
    HttpCode(200),
    ApiConsumes('application/json'),
    ApiResponse({ status: 200, description: 'Applied, already known, or about messages we do not know' }),
    ApiResponse({ status: 400, description: 'validation_failed' }),
    ApiResponse({ status: 404, description: 'unknown channel' }),
    ApiResponse({ status: 415, description: 'not JSON' }),
  );

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
  @ApiConsumes('multipart/form-data')
  @ApiResponse({ status: 200, description: 'Stored, or already stored' })
  @ApiResponse({ status: 400, description: 'validation_failed / invalid_multipart (nothing stored)' })
  @ApiResponse({ status: 403, description: 'invalid_secret (nothing stored)' })
  @ApiResponse({ status: 404, description: 'unknown or deleted channel' })
  @ApiResponse({ status: 413, description: 'payload_too_large' })
  @ApiResponse({ status: 415, description: 'not multipart' })
  async inboundParse(@Req() req: FastifyRequest): Promise<{ received: true; duplicate: boolean }> {
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
  @EventBatchRoute()
  @ApiOperation({
    summary:
      'Event Webhook batch, ECDSA-signed (channel with eventWebhookPublicKey); each sg_event_id applies once, statuses only move forward',
  })
  @ApiResponse({
    status: 403,
    description:
      'invalid_signature / signature_expired (signed over 10 minutes ago or ahead of our clock) / invalid_secret (the channel authenticates by URL secret) / events_unauthenticated (the channel has neither; PATCH it); nothing applied',
  })
  signedEventBatch(
    @Param('channelId') channelId: string,
    @Req() req: FastifyRequest,
  ): Promise<EventBatchOutcome> {
    return this.eventBatch(channelId, null, req);
  }

  @Post(':channelId/events/:secret')
  @EventBatchRoute()
  @ApiOperation({
    summary:
      'Event Webhook batch for a channel without a public key: the URL carries the channel’s events secret',
  })
  @ApiResponse({
    status: 403,
    description:
      'invalid_secret / invalid_signature / signature_expired (a keyed channel still needs its signature); nothing applied',
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
