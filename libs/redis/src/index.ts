export { RedisModule, REDIS, RedisKeys, createRedis } from './redis.module.js';
