import { Injectable, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Fires when the app closes, so background work (status callbacks, event posts, retry pauses)
 * stops at once instead of keeping the process or a test run alive.
 */
@Injectable()
export class ShutdownSignal implements OnApplicationShutdown {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  onApplicationShutdown(): void {
    this.controller.abort();
  }
}
