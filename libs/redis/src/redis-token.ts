/** The process's shared Redis connection (rate limits, pub/sub publishing, health). */
export const REDIS = Symbol('REDIS');
