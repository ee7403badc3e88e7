export { RedisModule } from './redis.module.js';
export { RedisKeys, hashTag, queuePrefix } from './redis-keys.js';
export {
  type RedisClient,
  type RedisClientOptions,
  createRedis,
  createRedisClient,
  clusterRetryDelay,
  isCluster,
  logRedisErrors,
  redisErrorLog,
} from './redis-client.js';
export { type Subscriber, SUBSCRIBER_SLOTS_REFRESH_MS, createSubscriber } from './redis-pubsub.js';
export { RedisPublisher, PUBLISH_WINDOW_MS } from './redis-publisher.js';
export { REDIS } from './redis-token.js';
