import type { LoggerService, LogLevel } from '@nestjs/common';

/** How the sandbox behaves; every field has a default suitable for dev and tests. */
export interface SandboxOptions {
  /** Pause before each status callback / event webhook post (default 50 ms). */
  callbackDelayMs?: number;
  /** Pause before answering each Twilio/SendGrid API call (default 0). */
  responseDelayMs?: number;
  /** Attempts per outgoing webhook when the target is down or answers 5xx/429 (default 4). */
  webhookAttempts?: number;
  /** First retry pause, doubled on every further attempt (default 200 ms). */
  webhookRetryBaseMs?: number;
  /** An outgoing webhook attempt not answered within this long is abandoned and retried (default 10 s). */
  webhookTimeoutMs?: number;
  /** Oldest sent messages are forgotten beyond this many (default 10 000), so a long demo stays small. */
  maxStoredMessages?: number;
}

export type ResolvedSandboxOptions = Required<SandboxOptions>;

export interface SandboxAppOptions extends SandboxOptions {
  /** Nest logger setting; default: log, warn, error. */
  logger?: LoggerService | LogLevel[] | false;
}

export const SANDBOX_OPTIONS = Symbol('SANDBOX_OPTIONS');

export function resolveSandboxOptions(options: SandboxOptions = {}): ResolvedSandboxOptions {
  return {
    callbackDelayMs: options.callbackDelayMs ?? 50,
    responseDelayMs: options.responseDelayMs ?? 0,
    webhookAttempts: options.webhookAttempts ?? 4,
    webhookRetryBaseMs: options.webhookRetryBaseMs ?? 200,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    maxStoredMessages: options.maxStoredMessages ?? 10_000,
  };
}
