import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentUser, type Principal } from '@app/identity';
import { ApiContentResponse, ApiErrors } from '@app/observability';
import { LiveEventVisibility } from '../inbox/live-event-visibility.js';
import { LiveSubscriptions } from '../live/live-subscriptions.js';
import { LIVE_STREAM_LIMITS, LiveStreamLimits } from '../live/stream-limits.js';
import { type PublishedStaffEvent, StaffEvents } from '../staff-events.js';

/**
 * Expiry (ms) of the bearer token the global guard has just verified. Read here, not verified
 * again: the guard rejected the request already if signature or expiry were wrong.
 */
export function bearerExpiry(req: FastifyRequest): number | undefined {
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** What a staff screen receives: ids and kinds (the tenant is implied by the stream). */
function view(event: PublishedStaffEvent): Omit<PublishedStaffEvent, 'tenantId'> {
  const { tenantId: _tenant, ...rest } = event;
  return rest;
}

/** Live staff events of the caller's practice over SSE (only that practice's pub/sub channel). */
@ApiTags('events')
@Controller('v1/events')
export class EventsController {
  private readonly logger = new Logger('StaffEvents');

  constructor(
    private readonly staffEvents: StaffEvents,
    private readonly live: LiveSubscriptions,
    private readonly streamLimits: LiveStreamLimits,
    private readonly visibility: LiveEventVisibility,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'Live events of the practice (server-sent events): ids and kinds only, never PHI',
    description:
      'First a `ready` event, then one event per change the caller may see: message.created, ' +
      'message.status_changed, message.attachments_updated, message.flagged, note.created, secure_link.locked, secure_message.unread, ' +
      'chat.address_verified, conversation.assigned, conversation.status_changed, conversation.updated; ' +
      'access_alert.raised (`{alertId, kind, userId}`, only to those who may read the audit trail). Each ' +
      '`data` is JSON: `{id, type, at, conversationId, ...ids}`; re-read anything else through the API. ' +
      'Heartbeat comments every 15 s; the stream ends when the access token expires (reconnect with a fresh one). ' +
      `At most ${LIVE_STREAM_LIMITS.perStaffUser} streams open per user: 429 too_many_streams beyond, with a ` +
      'Retry-After header (seconds).',
  })
  @ApiContentResponse(200, {
    description: 'An event stream (text/event-stream), open until the token expires',
    mediaType: 'text/event-stream',
    schema: { type: 'string', description: 'Server-sent events: `event:`, `id:` and `data:` (JSON) lines' },
    example:
      'event: ready\ndata: {}\n\n' +
      'id: 9d1c0e8e-5a3b-4c1e-9f0a-2b6c7d8e9f01\nevent: message.created\n' +
      'data: {"id":"9d1c0e8e-5a3b-4c1e-9f0a-2b6c7d8e9f01","type":"message.created","at":"2026-03-02T14:05:09.123Z",' +
      '"conversationId":"0b5d3c1e-8f2a-4c7d-9e1b-2a3f4c5d6e7f","messageId":"7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",' +
      '"contactId":"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b","channel":"sms","direction":"inbound"}\n\n',
  })
  @ApiErrors({ 429: ['too_many_streams'] })
  async stream(
    @CurrentUser() user: Principal,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ): Promise<void> {
    const slot = await this.streamLimits.acquire(res, [
      { scope: 'staff-user', subject: user.userId, limit: LIVE_STREAM_LIMITS.perStaffUser },
    ]);
    const stream = slot.open(req, res, { closeAt: bearerExpiry(req) });
    // One event at a time, in order, even when a visibility check has to read the database.
    let delivered = Promise.resolve();
    let unsubscribe: () => void;
    try {
      unsubscribe = await this.live.subscribe(this.staffEvents.channelOf(user.tenantId), (payload) => {
        const event = JSON.parse(payload) as PublishedStaffEvent;
        // Defence in depth: the channel is per practice already.
        if (event.tenantId !== user.tenantId) return;
        delivered = delivered
          .then(async () => {
            if (await this.visibility.mayHear(user, event))
              stream.send({ id: event.id, event: event.type, data: view(event) });
          })
          .catch(() => stream.close());
      });
    } catch (err) {
      // The answer has started: end it (the client reconnects) rather than hold a silent stream.
      this.logger.warn({ err: { name: (err as Error).name } }, 'Live subscription failed');
      stream.close();
      return;
    }
    const forget = this.live.closeOnShutdown(() => stream.close());
    stream.onClose(() => {
      unsubscribe();
      forget();
    });
    stream.send({ event: 'ready', data: {} });
  }
}
