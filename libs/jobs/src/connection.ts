import { Logger } from '@nestjs/common';
import type { QueueBase } from 'bullmq';
import { type RedisClient, createRedisClient, logRedisErrors, redisErrorLog } from '@app/redis';

/**
 * BullMQ's connections (a single server or a Cluster, as REDIS_URL says): workers block on
 * Redis, so no per-request retry limit.
 */
export function bullConnection(url: string, role: 'producer' | 'worker'): RedisClient {
  const connectionName = `inbox-jobs-${role}`;
  return logRedisErrors(
    createRedisClient(url, { name: connectionName, maxRetriesPerRequest: null }),
    connectionName,
  );
}

const logger = new Logger('Jobs');

/**
 * A BullMQ queue's or worker's errors (its own connections, which BullMQ duplicates, included)
 * go to the JSON log, each kind once a minute at most; without a listener BullMQ prints each
 * one to the console, several times a second while Redis is down.
 */
export function logQueueErrors<T extends QueueBase>(emitter: T): T {
  const errors = redisErrorLog((fields) =>
    logger.error({ queue: emitter.name, ...fields }, 'Queue connection error'),
  );
  emitter.on('error', errors.report);
  return emitter;
}
