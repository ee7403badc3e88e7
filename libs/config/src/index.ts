export { envSchema, PROCESS_VARIABLES, type Env, type ProcessName, type ProcessEnv } from './schema.js';
export { loadConfig, loadConfigOrExit, ConfigError } from './load.js';
export {
  ConfigModule,
  APP_CONFIG,
  type ApiConfig,
  type WorkerConfig,
  type SandboxConfig,
  type CoreConfig,
} from './config.module.js';
