import type { Cluster, Redis } from 'ioredis';
import { type RedisClient, isCluster } from './redis-client.js';

/** How soon a Cluster subscriber follows a failover: live hints published meanwhile are missed. */
export const SUBSCRIBER_SLOTS_REFRESH_MS = 1000;

/**
 * A subscriber connection. On a single server: SUBSCRIBE. On a Cluster: sharded pub/sub
 * (SSUBSCRIBE, Redis 7): a channel lives on the master of its slot, ioredis keeps one
 * subscriber connection per master and follows a failover, and a message crosses no other node.
 */
export interface Subscriber {
  subscribe(channel: string): Promise<unknown>;
  unsubscribe(channel: string): Promise<unknown>;
  onMessage(listener: (channel: string, message: string) => void): void;
  onError(listener: (err: Error) => void): void;
  close(): Promise<void>;
}

/** A new subscriber connection beside `redis` (same server or Cluster, same credentials). */
export function createSubscriber(redis: RedisClient, name: string): Subscriber {
  if (isCluster(redis)) {
    const cluster: Cluster = redis.duplicate([], {
      shardedSubscribers: true,
      // A subscriber sends no command that a MOVED would answer: it learns of a failover (and
      // subscribes again on the slot's new master) by asking for the slots this often.
      slotsRefreshInterval: SUBSCRIBER_SLOTS_REFRESH_MS,
      // No ready check: its INFO would race the first SSUBSCRIBE and be refused in subscriber mode.
      redisOptions: {
        ...redis.options.redisOptions,
        connectionName: name,
        enableReadyCheck: false,
        maxRetriesPerRequest: null,
      },
    });
    return {
      subscribe: (channel) => cluster.ssubscribe(channel),
      unsubscribe: (channel) => cluster.sunsubscribe(channel),
      onMessage: (listener) => void cluster.on('smessage', listener),
      onError: (listener) => void cluster.on('error', listener),
      close: () => close(cluster),
    };
  }
  // No ready check: its INFO would race the first SUBSCRIBE and be refused in subscriber mode.
  const single: Redis = redis.duplicate({
    connectionName: name,
    enableReadyCheck: false,
    maxRetriesPerRequest: null,
  });
  return {
    subscribe: (channel) => single.subscribe(channel),
    unsubscribe: (channel) => single.unsubscribe(channel),
    onMessage: (listener) => void single.on('message', listener),
    onError: (listener) => void single.on('error', listener),
    close: () => close(single),
  };
}

async function close(connection: RedisClient): Promise<void> {
  await connection.quit().then(
    () => undefined,
    () => connection.disconnect(),
  );
}
