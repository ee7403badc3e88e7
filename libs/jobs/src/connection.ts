import { Redis } from 'ioredis';
import { logRedisErrors } from '@app/redis';

/** BullMQ's connections: workers block on Redis, so no per-request retry limit. */
export function bullConnection(url: string, role: 'producer' | 'worker'): Redis {
  const connectionName = `inbox-jobs-${role}`;
  return logRedisErrors(
    new Redis(url, { connectionName, maxRetriesPerRequest: null, enableReadyCheck: true }),
    connectionName,
  );
}
