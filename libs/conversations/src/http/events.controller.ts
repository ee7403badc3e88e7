import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, CurrentUser, type Principal } from '@app/identity';
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
    summary:
      'SSE stream of the practice events (message.created, message.status_changed, ...): ids and kinds only, ' +
      'heartbeat comments every 15 s; the stream ends when the access token expires (reconnect with a fresh one)',
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 401, description: 'unauthorized / token_expired' })
  @ApiResponse({
    status: 429,
    description: `too_many_streams (Retry-After): at most ${LIVE_STREAM_LIMITS.perStaffUser} open per user`,
  })
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
            if (await this.visibility.mayHear(user, event.conversationId))
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
