import type { Logger } from '@nestjs/common';

/** A BullMQ Worker or Queue, as far as shutting it down goes. */
interface Closable {
  readonly name: string;
  close(): Promise<void>;
  disconnect(): Promise<void>;
}

/** How long a forced disconnect may take before shutdown goes on without it. */
const DISCONNECT_WAIT_MS = 1000;

/** Resolves 'late' after `ms`, without keeping the process alive for it. */
const after = (ms: number) =>
  new Promise<'late'>((resolve) => {
    const timer: NodeJS.Timeout = setTimeout(() => resolve('late'), ms);
    timer.unref();
  });

/**
 * Closes gracefully (a worker waits for its running jobs), but not forever: BullMQ's close waits
 * on connections still in their reconnect backoff, so with Redis unreachable a SIGTERM would hang
 * until the orchestrator's SIGKILL. Past `graceMs` the connections are cut instead; a job cut off
 * this way is one a SIGKILL would have cut too (its lease runs out and it runs again).
 */
export async function closeWithin(target: Closable, graceMs: number, logger: Logger): Promise<void> {
  const closing = target.close().then(() => 'closed' as const);
  if ((await Promise.race([closing, after(graceMs)])) === 'closed') return;
  logger.warn(
    { queue: target.name, graceMs },
    'Did not close within the shutdown grace (Redis unreachable?); disconnecting',
  );
  closing.catch(() => undefined);
  await Promise.race([target.disconnect().catch(() => undefined), after(DISCONNECT_WAIT_MS)]);
}
