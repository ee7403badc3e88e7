import { setTimeout as wait } from 'node:timers/promises';

/** Waits `ms`; rejects with an AbortError when `signal` fires (the sandbox is shutting down). */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) {
    signal?.throwIfAborted();
    return;
  }
  await wait(ms, undefined, { signal });
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
}
