import { envSchema, PROCESS_VARIABLES, type ProcessEnv, type ProcessName, redisPrefixFor } from './schema.js';

/** Thrown when the environment is wrong; the message names every bad variable and never echoes a value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig<P extends ProcessName>(
  processName: P,
  source: NodeJS.ProcessEnv = process.env,
): ProcessEnv<P> {
  const keys = PROCESS_VARIABLES[processName];
  const picked = envSchema.pick(Object.fromEntries(keys.map((k) => [k, true])) as never);
  // Empty strings count as unset, so `FOO=` in an .env file behaves like a missing variable.
  const input = Object.fromEntries(keys.map((k) => [k, source[k] === '' ? undefined : source[k]]));
  const problems: string[] = [];
  if ((keys as readonly string[]).includes('REDIS_PREFIX')) {
    const redis = redisPrefixFor(input.REDIS_URL, input.REDIS_PREFIX);
    input.REDIS_PREFIX = redis.prefix;
    if (redis.problem) problems.push(`REDIS_PREFIX: ${redis.problem}`);
  }
  const result = picked.safeParse(input);
  if (!result.success) {
    problems.push(...result.error.issues.map((issue) => `${String(issue.path[0] ?? '?')}: ${issue.message}`));
    throw new ConfigError(problems);
  }
  if (problems.length) throw new ConfigError(problems);
  return result.data as ProcessEnv<P>;
}

/** For process entry points: print the problem and exit non-zero instead of booting half-configured. */
export function loadConfigOrExit<P extends ProcessName>(processName: P): ProcessEnv<P> {
  try {
    return loadConfig(processName);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${processName}: ${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
