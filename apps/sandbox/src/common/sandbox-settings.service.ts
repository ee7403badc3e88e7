import { Inject, Injectable } from '@nestjs/common';
import { type ResolvedSandboxOptions, SANDBOX_OPTIONS } from './sandbox-options.js';

export interface RuntimeSettings {
  callbackDelayMs: number;
  responseDelayMs: number;
}

/** Timing knobs that tests may change at runtime through `PUT /sandbox/config`. */
@Injectable()
export class SandboxSettings {
  private current: RuntimeSettings;

  constructor(@Inject(SANDBOX_OPTIONS) private readonly options: ResolvedSandboxOptions) {
    this.current = { callbackDelayMs: options.callbackDelayMs, responseDelayMs: options.responseDelayMs };
  }

  get callbackDelayMs(): number {
    return this.current.callbackDelayMs;
  }

  get responseDelayMs(): number {
    return this.current.responseDelayMs;
  }

  get webhookAttempts(): number {
    return this.options.webhookAttempts;
  }

  get webhookRetryBaseMs(): number {
    return this.options.webhookRetryBaseMs;
  }

  get webhookTimeoutMs(): number {
    return this.options.webhookTimeoutMs;
  }

  get maxStoredMessages(): number {
    return this.options.maxStoredMessages;
  }

  snapshot(): RuntimeSettings {
    return { ...this.current };
  }

  update(patch: Partial<RuntimeSettings>): RuntimeSettings {
    const given = Object.entries(patch).filter(([, value]) => value !== undefined);
    this.current = { ...this.current, ...Object.fromEntries(given) };
    return this.snapshot();
  }
}
