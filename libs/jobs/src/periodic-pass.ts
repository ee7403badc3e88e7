import type { Logger } from '@nestjs/common';

/**
 * A background pass run every `everyMs` (relays polling the database for work Redis may have
 * lost): never two at once in one process, a failed pass logged (name only) and retried by the
 * next tick, and `stop` waits for a running pass so shutdown does not cut it off.
 */
export class PeriodicPass {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly pass: () => Promise<unknown>,
  ) {}

  start(everyMs: number): void {
    this.timer = setInterval(() => {
      this.running ??= this.pass()
        .then(() => undefined)
        .catch((err: Error) => this.logger.warn({ err: { name: err.name } }, `${this.what} failed`))
        .finally(() => (this.running = undefined));
    }, everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
