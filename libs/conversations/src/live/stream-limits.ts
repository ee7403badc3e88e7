import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@app/observability';
import { REDIS, type RedisClient, RedisKeys } from '@app/redis';
import { SSE_HEARTBEAT_MS, type SseStream, openSseStream } from './sse-stream.js';

/**
 * Open live-event streams allowed at once. Each costs a connection (a file descriptor) and
 * ~90 KB of memory for as long as the client keeps it; a widget or a staff screen needs one,
 * a few tabs need a few.
 */
export const LIVE_STREAM_LIMITS = {
  perChatSession: 3,
  /**
   * Anonymous chat streams from one client address (an IPv6 client by its /64). Staff streams
   * are not counted per address: a practice's staff share their office's one address, and
   * each of them is capped by user.
   */
  perChatAddress: 20,
  perStaffUser: 5,
} as const;

/**
 * How long a stream holds its slot without a heartbeat renewing it: an api instance that dies
 * with streams open stops renewing, and its slots lapse within this.
 */
export const STREAM_LEASE_MS = SSE_HEARTBEAT_MS * 3;
export const STREAM_LEASE_OPTIONS = Symbol('STREAM_LEASE_OPTIONS');

/** One limit a stream counts against: `limit` streams at once per `subject` within `scope`. */
export interface StreamQuota {
  scope: string;
  subject: string;
  limit: number;
}

// One sorted set per quota subject: a member per open stream, scored by its lease's expiry.
// Lapsed leases are dropped first; then either every quota has room and the stream joins them
// all, or none is touched. Redis's clock, so api instances need not agree on the time.
const ACQUIRE = `
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local lease = tonumber(ARGV[2])
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  if redis.call('ZCARD', key) >= tonumber(ARGV[i + 2]) then return i end
end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + lease, ARGV[1])
  redis.call('PEXPIRE', key, lease)
end
return 0`;

const RENEW = `
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + tonumber(ARGV[2]), ARGV[1])
  redis.call('PEXPIRE', key, ARGV[2])
end
return 0`;

const RELEASE = `
for _, key in ipairs(KEYS) do redis.call('ZREM', key, ARGV[1]) end
return 0`;

/** A stream's place in its quotas, renewed while it is open and released when it ends. */
export class StreamSlot {
  private released = false;

  constructor(
    private readonly limits: LiveStreamLimits,
    readonly id: string,
    readonly keys: string[],
  ) {}

  /** Opens the SSE answer holding this slot: each heartbeat renews it, the end releases it. */
  open(req: FastifyRequest, res: FastifyReply, opts: { closeAt?: number } = {}): SseStream {
    const stream = openSseStream(req, res, { ...opts, onHeartbeat: () => void this.renew() });
    stream.onClose(() => void this.release());
    return stream;
  }

  renew(): Promise<void> {
    return this.released ? Promise.resolve() : this.limits.renew(this);
  }

  release(): Promise<void> {
    if (this.released) return Promise.resolve();
    this.released = true;
    return this.limits.release(this);
  }
}

/**
 * Caps open live-event streams (staff events, chat) per chat session, staff user and client
 * address, counted in Redis so the caps hold across api instances.
 */
@Injectable()
export class LiveStreamLimits {
  private readonly logger = new Logger('LiveStreamLimits');
  private readonly leaseMs: number;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    @Optional() @Inject(STREAM_LEASE_OPTIONS) options?: { leaseMs: number },
  ) {
    this.leaseMs = options?.leaseMs ?? STREAM_LEASE_MS;
  }

  /**
   * A slot in every quota, or 429 too_many_streams (Retry-After on `res`) when any is full.
   * Call before the stream's answer starts, so the refusal is a plain JSON error.
   */
  async acquire(res: FastifyReply, quotas: StreamQuota[]): Promise<StreamSlot> {
    const slot = new StreamSlot(
      this,
      randomUUID(),
      quotas.map((q) => this.keyOf(q)),
    );
    const full = (await this.redis.eval(
      ACQUIRE,
      slot.keys.length,
      ...slot.keys,
      slot.id,
      String(this.leaseMs),
      ...quotas.map((q) => String(q.limit)),
    )) as number;
    if (full === 0) return slot;
    // A lapsed lease (an instance that died) is gone by then; a live stream may still hold on.
    const retryAfterSeconds = Math.ceil(this.leaseMs / 1000);
    res.header('Retry-After', String(retryAfterSeconds));
    throw new AppError(
      429,
      'too_many_streams',
      'Too many live-event streams are open; close one or try again later',
      { retryAfterSeconds },
    );
  }

  /** @internal through StreamSlot */
  async renew(slot: StreamSlot): Promise<void> {
    try {
      await this.redis.eval(RENEW, slot.keys.length, ...slot.keys, slot.id, String(this.leaseMs));
    } catch (err) {
      // The stream stays up; a slot not renewed lapses, which only ever loosens the cap.
      this.logger.warn({ err: { name: (err as Error).name } }, 'Stream slot not renewed');
    }
  }

  /** @internal through StreamSlot */
  async release(slot: StreamSlot): Promise<void> {
    try {
      await this.redis.eval(RELEASE, slot.keys.length, ...slot.keys, slot.id);
    } catch (err) {
      // It lapses on its own within the lease.
      this.logger.warn({ err: { name: (err as Error).name } }, 'Stream slot not released');
    }
  }

  /**
   * Subjects (session and user ids, client addresses) are hashed: no address sits in Redis.
   * Every quota key carries one hash tag (one Cluster slot): a stream's quotas (its chat session
   * and its client address, which any practice's chat shares) are taken together by one script.
   * A write per stream per heartbeat is little for one slot.
   */
  private keyOf(quota: StreamQuota): string {
    const digest = createHash('sha256').update(quota.subject).digest('base64url').slice(0, 32);
    return this.keys.key(this.keys.tag('live-streams'), quota.scope, digest);
  }
}
