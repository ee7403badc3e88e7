export { RedisModule, RedisKeys, createRedis, logRedisErrors, redisErrorLog } from './redis.module.js';
export { RedisPublisher, PUBLISH_WINDOW_MS } from './redis-publisher.js';
export { REDIS } from './redis-token.js';
