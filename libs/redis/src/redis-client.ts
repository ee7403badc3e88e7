import { Logger } from '@nestjs/common';
import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';
import { parseRedisUrl } from '@app/config';

/** A connection to one Redis server or to a Redis Cluster (REDIS_URL decides which). */
export type RedisClient = Redis | Cluster;

/** How a connection behaves; the same for a single server and for each node of a Cluster. */
export interface RedisClientOptions {
  /** CLIENT SETNAME, and the `connection` field of logged errors. */
  name: string;
  /** Retries of a command while reconnecting; null: wait for ever (BullMQ's blocking connections). */
  maxRetriesPerRequest?: number | null;
  lazyConnect?: boolean;
  connectTimeout?: number;
  enableOfflineQueue?: boolean;
  enableReadyCheck?: boolean;
  /** False: give up after the first failed connection (boot checks) instead of reconnecting. */
  reconnect?: boolean;
}

/** Cluster-wide reconnection: quickly at first, then every 2 s, for ever. */
export function clusterRetryDelay(times: number): number {
  return Math.min(100 * 2 ** Math.min(times - 1, 5), 2000);
}

/**
 * A Redis or Cluster client for REDIS_URL. A Cluster (`redis+cluster://` seed nodes) reads and
 * writes on masters only (`scaleReads: 'master'`: a replica may lag, and sessions, limits and
 * queues must read what was just written), follows MOVED/ASK redirections and a failover's new
 * master, and retries while a failover leaves slots without a master.
 */
export function createRedisClient(url: string, options: RedisClientOptions): RedisClient {
  const target = parseRedisUrl(url);
  const perNode: RedisOptions = {
    connectionName: options.name,
    maxRetriesPerRequest: options.maxRetriesPerRequest === undefined ? 3 : options.maxRetriesPerRequest,
    enableReadyCheck: options.enableReadyCheck ?? true,
    ...(options.connectTimeout === undefined ? {} : { connectTimeout: options.connectTimeout }),
    ...(options.enableOfflineQueue === undefined ? {} : { enableOfflineQueue: options.enableOfflineQueue }),
    ...(options.reconnect === false ? { retryStrategy: () => null } : {}),
  };
  if (target.kind === 'single')
    return new Redis(target.url, { ...perNode, lazyConnect: options.lazyConnect });
  const clusterOptions: ClusterOptions = {
    scaleReads: 'master',
    enableReadyCheck: options.enableReadyCheck ?? true,
    lazyConnect: options.lazyConnect,
    ...(options.enableOfflineQueue === undefined ? {} : { enableOfflineQueue: options.enableOfflineQueue }),
    clusterRetryStrategy: options.reconnect === false ? () => null : clusterRetryDelay,
    // A failover: the slots' old master refuses, the replica is promoted within a second or two.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
    retryDelayOnTryAgain: 200,
    slotsRefreshTimeout: 2000,
    // Besides MOVED answers: notices a failover or resharding within this long.
    slotsRefreshInterval: 5000,
    // TLS endpoints (managed clusters) are verified by the name they announce.
    ...(target.tls ? { dnsLookup: (address, callback) => callback(null, address) } : {}),
    redisOptions: {
      ...perNode,
      ...(target.username ? { username: target.username } : {}),
      ...(target.password ? { password: target.password } : {}),
      ...(target.tls ? { tls: {} } : {}),
    },
  };
  return new Cluster(target.nodes, clusterOptions);
}

export function isCluster(redis: RedisClient): redis is Cluster {
  return redis.isCluster;
}

/** The process's shared connection, its errors logged. */
export function createRedis(url: string, name: string): RedisClient {
  return logRedisErrors(createRedisClient(url, { name }), name);
}

const logger = new Logger('Redis');

/** The same error again within this long is not logged again (while Redis stays down). */
const REPEAT_QUIET_MS = 60_000;

/**
 * Logs errors through the JSON logger, each kind (name and code) once a minute at most, and at
 * once again after `reset()`: while Redis is down, clients reconnect (and fail) several times a
 * second. Only the name and code are logged (a message may name hosts).
 */
export function redisErrorLog(
  log: (fields: { err: { name: string; code?: string } }) => void,
  now: () => number = Date.now,
): { report: (err: Error & { code?: string }) => void; reset: () => boolean } {
  let last: { kind: string; at: number } | null = null;
  return {
    report(err) {
      const kind = `${err.name}:${err.code ?? ''}`;
      if (last?.kind === kind && now() - last.at < REPEAT_QUIET_MS) return;
      last = { kind, at: now() };
      log({ err: { name: err.name, code: err.code } });
    },
    reset() {
      const had = last !== null;
      last = null;
      return had;
    },
  };
}

/**
 * A connection's errors go to the JSON log (without a listener ioredis prints each one to the
 * console); logged again at once after it was ready again.
 */
export function logRedisErrors<R extends RedisClient>(redis: R, connection: string): R {
  const errors = redisErrorLog((fields) => logger.error({ connection, ...fields }, 'Redis connection error'));
  redis.on('error', errors.report);
  redis.on('ready', () => {
    if (errors.reset()) logger.log({ connection }, 'Redis connection ready again');
  });
  return redis;
}
