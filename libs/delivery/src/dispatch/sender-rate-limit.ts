import { Inject, Injectable } from '@nestjs/common';
import { REDIS, type RedisClient, RedisKeys } from '@app/redis';

/**
 * Reserves up to ARGV[3] consecutive send slots of a sender, one per interval, starting at its
 * next free slot, provided that slot is at most ARGV[4] ms away. Returns {ms until the first
 * reserved slot, slots reserved}; none reserved means the next free slot is further off, and the
 * first number is how far. Atomic in Redis, so every worker process shares one budget.
 */
const RESERVE_SLOTS = `
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local horizon = tonumber(ARGV[4])
local first = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
if first - now > horizon then return {first - now, 0} end
local last = first + (wanted - 1) * interval
redis.call('SET', KEYS[1], last + interval, 'PX', last + 2 * interval - now)
return {first - now, wanted}`;

/** A slot this far away is reserved (the send waits for it); a free slot further off delays the job. */
const INLINE_WAIT_MS = 50;
/** Slots reserved ahead for this process's next sends: fast senders only (a short code, 100/s). */
const MAX_RESERVED = 8;
/** A reservation spans at most this long, so a slot is never held far ahead of its use. */
const RESERVATION_SPAN_MS = 25;

/** A sender's slot: reserved at `at`, or none free before `at` (epoch ms). */
export interface SendSlot {
  reserved: boolean;
  at: number;
}

/** Slots this process reserved and has not used yet: `left` of them, from `next` on. */
interface Reserved {
  next: number;
  interval: number;
  left: number;
}

/**
 * One send slot per interval per sender (a long code sends about 1 message/s; a short code 100/s).
 * The slots are reserved in Redis; a fast sender's are reserved a few at a time (spanning at most
 * RESERVATION_SPAN_MS) and used by this process's next sends, which saves a Redis round trip
 * per message. A reserved slot is used within RESERVATION_SPAN_MS of its time or dropped, so a
 * sender exceeds its rate in no window by more than one reservation (MAX_RESERVED messages).
 */
@Injectable()
export class SenderRateLimit {
  private readonly reserved = new Map<string, Reserved>();
  private readonly reserving = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  /**
   * A slot at `at` (epoch ms; reserved: the caller sends no earlier), or none before `at` (the
   * job is delayed instead: a 1/s long code, the worker serves other senders meanwhile). A
   * reserved slot is at most INLINE_WAIT_MS away.
   */
  async take(senderKey: string, perSecond: number): Promise<SendSlot> {
    const interval = Math.max(1, Math.round(1000 / perSecond));
    // One reservation in flight per sender: the sends that wait for it use what it reserved.
    for (;;) {
      const slot = this.useReserved(senderKey, interval);
      if (slot) return slot;
      const inFlight = this.reserving.get(senderKey);
      if (!inFlight) break;
      await inFlight.catch(() => undefined);
    }
    const reservation = this.reserve(senderKey, interval);
    this.reserving.set(senderKey, reservation);
    try {
      return await reservation;
    } finally {
      this.reserving.delete(senderKey);
    }
  }

  private useReserved(senderKey: string, interval: number): SendSlot | null {
    const local = this.reserved.get(senderKey);
    if (!local) return null;
    const now = Date.now();
    // Passed unused for longer than a reservation spans, or the sender's rate changed: dropped.
    if (local.interval !== interval || local.next < now - RESERVATION_SPAN_MS) {
      this.reserved.delete(senderKey);
      return null;
    }
    const slot = local.next;
    if (--local.left === 0) this.reserved.delete(senderKey);
    else local.next += interval;
    return { reserved: true, at: slot };
  }

  private async reserve(senderKey: string, interval: number): Promise<SendSlot> {
    const now = Date.now();
    const wanted = Math.max(1, Math.min(MAX_RESERVED, Math.floor(RESERVATION_SPAN_MS / interval)));
    const [ms, granted] = (await this.redis.eval(
      RESERVE_SLOTS,
      1,
      this.keys.key('send-rate', senderKey),
      now,
      interval,
      wanted,
      INLINE_WAIT_MS,
    )) as [number, number];
    if (granted > 1) this.reserved.set(senderKey, { next: now + ms + interval, interval, left: granted - 1 });
    return { reserved: granted > 0, at: now + ms };
  }
}
