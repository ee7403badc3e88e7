import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authenticated, CurrentUser, type Principal } from '@app/identity';
import { LiveSubscriptions } from '../live/live-subscriptions.js';
import { openSseStream } from '../live/sse-stream.js';
import { type PublishedStaffEvent, StaffEvents } from '../staff-events.js';

/**
 * Expiry (ms) of the bearer token the global guard has just verified. Read here, not verified
 * again: the guard rejected the request already if signature or expiry were wrong.
 */
export function bearerExpiry(req: Request): number | undefined {
  const token = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1];
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
  constructor(
    private readonly staffEvents: StaffEvents,
    private readonly live: LiveSubscriptions,
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
  async stream(@CurrentUser() user: Principal, @Req() req: Request, @Res() res: Response): Promise<void> {
    const stream = openSseStream(req, res, { closeAt: bearerExpiry(req) });
    const unsubscribe = await this.live.subscribe(this.staffEvents.channelOf(user.tenantId), (payload) => {
      const event = JSON.parse(payload) as PublishedStaffEvent;
      // Defence in depth: the channel is per practice already.
      if (event.tenantId !== user.tenantId) return;
      stream.send({ id: event.id, event: event.type, data: view(event) });
    });
    const forget = this.live.closeOnShutdown(() => stream.close());
    stream.onClose(() => {
      unsubscribe();
      forget();
    });
    stream.send({ event: 'ready', data: {} });
  }
}
