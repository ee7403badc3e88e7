import { Inject, Injectable } from '@nestjs/common';
import { type RedisClient, isCluster } from './redis-client.js';
import { REDIS } from './redis-token.js';

/** Messages published within this long of the first go to Redis together. */
export const PUBLISH_WINDOW_MS = 5;

interface Pending {
  channel: string;
  message: string;
  onError: (err: Error) => void;
}

/**
 * Pub/sub publishing in small batches: what is published within PUBLISH_WINDOW_MS goes to Redis
 * as one pipeline, in order (one write and one wake-up of Redis for many webhooks' events, at the
 * price of a few milliseconds on a live hint). On a Cluster each message is an SPUBLISH to its
 * channel's slot, all sent at once (a pipeline may not span nodes); a channel's messages still go
 * in order, over the one connection to its slot's master. Pub/sub is fire-and-forget: a message
 * that could not be published is reported to its `onError` and not retried.
 */
@Injectable()
export class RedisPublisher {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  publish(channel: string, message: string, onError: (err: Error) => void): void {
    this.pending.push({ channel, message, onError });
    this.timer ??= setTimeout(() => void this.flush(), PUBLISH_WINDOW_MS);
  }

  /** Publishes what waits now (at shutdown, before the connection closes). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const redis = this.redis;
    if (isCluster(redis)) {
      await Promise.all(
        batch.map(({ channel, message, onError }) =>
          redis.spublish(channel, message).then(
            () => undefined,
            (err: Error) => onError(err),
          ),
        ),
      );
      return;
    }
    const pipeline = redis.pipeline();
    for (const { channel, message } of batch) pipeline.publish(channel, message);
    try {
      const results = await pipeline.exec();
      results?.forEach(([err], i) => err && batch[i]!.onError(err));
    } catch (err) {
      for (const { onError } of batch) onError(err as Error);
    }
  }
}
