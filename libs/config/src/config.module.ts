import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { ProcessEnv } from './schema.js';

/** Injection token of the validated configuration object. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export type ApiConfig = ProcessEnv<'api'>;
export type WorkerConfig = ProcessEnv<'worker'>;
export type SandboxConfig = ProcessEnv<'sandbox'>;
/** What the shared libraries may read: the worker's variables, which the api has too. */
export type CoreConfig = WorkerConfig;

@Global()
@Module({})
export class ConfigModule {
  /** The config is validated by the entry point (before Nest boots) and handed in here. */
  static forRoot(config: ApiConfig | WorkerConfig | SandboxConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: Object.freeze(config) }],
      exports: [APP_CONFIG],
    };
  }
}
