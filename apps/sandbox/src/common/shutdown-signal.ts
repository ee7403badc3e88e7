import { setMaxListeners } from 'node:events';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Fires when the app closes, so background work (status callbacks, event posts, retry pauses)
 * stops at once instead of keeping the process or a test run alive.
 */
@Injectable()
export class ShutdownSignal implements OnApplicationShutdown {
  private readonly controller = new AbortController();

  constructor() {
    // Every pending callback pause and webhook listens to it: thousands at once under load.
    setMaxListeners(0, this.controller.signal);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  onApplicationShutdown(): void {
    this.controller.abort();
  }
}
