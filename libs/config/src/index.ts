export {
  envSchema,
  PROCESS_VARIABLES,
  parseRedisUrl,
  isSingleSlotPrefix,
  type Env,
  type ProcessName,
  type ProcessEnv,
  type RedisNode,
  type RedisTarget,
} from './schema.js';
export { loadConfig, loadConfigOrExit, ConfigError } from './load.js';
export {
  ConfigModule,
  APP_CONFIG,
  type ApiConfig,
  type WorkerConfig,
  type SandboxConfig,
  type CoreConfig,
} from './config.module.js';
