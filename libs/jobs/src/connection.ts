import { Redis } from 'ioredis';

/** BullMQ's connections: workers block on Redis, so no per-request retry limit. */
export function bullConnection(url: string, role: 'producer' | 'worker'): Redis {
  return new Redis(url, {
    connectionName: `inbox-jobs-${role}`,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
  });
}
