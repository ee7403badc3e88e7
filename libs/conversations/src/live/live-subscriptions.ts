import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { REDIS, type RedisClient, type Subscriber, createSubscriber } from '@app/redis';

export type LiveListener = (payload: string) => void;

/**
 * One Redis subscriber connection per process, shared by every open SSE stream: a listener per
 * stream, a Redis SUBSCRIBE (SSUBSCRIBE on a Cluster) per pub/sub channel while anyone listens to
 * it. Pub/sub crosses api instances, so a stream sees events published by any of them.
 */
@Injectable()
export class LiveSubscriptions implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('LiveSubscriptions');
  private subscriber: Subscriber | null = null;
  private readonly listeners = new Map<string, Set<LiveListener>>();
  /** The SUBSCRIBE of each channel, so a second listener waits for the same confirmation. */
  private readonly subscribed = new Map<string, Promise<unknown>>();
  private readonly streams = new Set<() => void>();

  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  /** Resolves once Redis confirmed the subscription; the returned function unsubscribes. */
  async subscribe(channel: string, listener: LiveListener): Promise<() => void> {
    const subscriber = this.connection();
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
    }
    set.add(listener);
    let confirmed = this.subscribed.get(channel);
    if (!confirmed) {
      confirmed = subscriber.subscribe(channel);
      this.subscribed.set(channel, confirmed);
    }
    try {
      await confirmed;
    } catch (err) {
      this.remove(channel, listener);
      throw err;
    }
    return () => this.remove(channel, listener);
  }

  /**
   * Ends `close` (an open stream) when the process shuts down: the HTTP server waits for open
   * connections, and a stream would otherwise hold shutdown until the client leaves.
   */
  closeOnShutdown(close: () => void): () => void {
    this.streams.add(close);
    return () => this.streams.delete(close);
  }

  beforeApplicationShutdown(): void {
    // Each close() removes itself from the set; deleting during Set iteration is well defined.
    for (const close of this.streams) close();
    this.streams.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = null;
    if (subscriber) await subscriber.close();
  }

  private connection(): Subscriber {
    if (this.subscriber) return this.subscriber;
    const subscriber = createSubscriber(this.redis, 'inbox-live');
    subscriber.onMessage((channel, payload) => {
      for (const listener of this.listeners.get(channel) ?? []) {
        try {
          listener(payload);
        } catch (err) {
          this.logger.warn({ err: { name: (err as Error).name } }, 'Live listener failed');
        }
      }
    });
    subscriber.onError((err) => this.logger.warn({ err: { name: err.name } }, 'Live subscriber error'));
    this.subscriber = subscriber;
    return subscriber;
  }

  private remove(channel: string, listener: LiveListener): void {
    const set = this.listeners.get(channel);
    if (!set?.delete(listener) || set.size > 0) return;
    this.listeners.delete(channel);
    this.subscribed.delete(channel);
    this.subscriber?.unsubscribe(channel).catch(() => undefined);
  }
}
