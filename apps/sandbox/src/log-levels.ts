import type { LogLevel } from '@nestjs/common';
import type { SandboxConfig } from '@app/config';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const THRESHOLD: Record<SandboxConfig['LOG_LEVEL'], LogLevel | null> = {
  silent: null,
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  info: 'log',
  debug: 'debug',
  trace: 'verbose',
};

/** Nest's logger levels for the project's LOG_LEVEL (pino names). */
export function nestLogLevels(level: SandboxConfig['LOG_LEVEL']): LogLevel[] | false {
  const threshold = THRESHOLD[level];
  return threshold ? ORDER.slice(0, ORDER.indexOf(threshold) + 1) : false;
}
