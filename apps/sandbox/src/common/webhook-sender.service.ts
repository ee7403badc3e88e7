import { Injectable, Logger } from '@nestjs/common';
import { SandboxSettings } from './sandbox-settings.service.js';
import { ShutdownSignal } from './shutdown-signal.js';
import { isAbortError, sleep } from './sleep.js';

export interface OutgoingWebhook {
  /** Names the webhook in logs, e.g. "twilio status callback SM... (sent)". */
  label: string;
  url: string;
  headers: Record<string, string>;
  body: string | FormData;
}

export interface WebhookAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/** Posts webhooks the way the providers do: with retries in the background, or once for simulations. */
@Injectable()
export class WebhookSender {
  private readonly logger = new Logger(WebhookSender.name);

  constructor(
    private readonly settings: SandboxSettings,
    private readonly shutdown: ShutdownSignal,
  ) {}

  /** One attempt whose answer (or network error) goes back to the caller. */
  async sendOnce(hook: OutgoingWebhook): Promise<WebhookAnswer> {
    // Aborted by its own timeout or the shutdown, both let go as soon as it is answered
    // (`AbortSignal.any` with `AbortSignal.timeout` keeps a timer and a listener on the shutdown
    // signal alive for the whole timeout: thousands at once under load).
    const controller = new AbortController();
    const timeout = setTimeout(
      () => controller.abort(new DOMException('The webhook timed out', 'TimeoutError')),
      this.settings.webhookTimeoutMs,
    );
    const onShutdown = () => controller.abort(this.shutdown.signal.reason);
    this.shutdown.signal.addEventListener('abort', onShutdown, { once: true });
    try {
      this.shutdown.signal.throwIfAborted();
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: hook.headers,
        body: hook.body,
        redirect: 'manual',
        signal: controller.signal,
      });
      return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        body: await response.text(),
      };
    } finally {
      clearTimeout(timeout);
      this.shutdown.signal.removeEventListener('abort', onShutdown);
    }
  }

  /**
   * Background delivery: retries network errors, 429 and 5xx with doubling pauses; never throws,
   * because a target that is down must not take the sandbox with it. Returns the last answer, if any.
   */
  async deliver(hook: OutgoingWebhook): Promise<WebhookAnswer | null> {
    const attempts = Math.max(1, this.settings.webhookAttempts);
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const answer = await this.sendOnce(hook);
        if (!isRetryable(answer.status)) {
          if (answer.status >= 400) this.logger.warn(`${hook.label}: ${hook.url} answered ${answer.status}`);
          return answer;
        }
        this.logger.warn(
          `${hook.label}: ${hook.url} answered ${answer.status} (attempt ${attempt}/${attempts})`,
        );
        if (attempt === attempts) return answer;
      } catch (err) {
        if (this.shutdown.signal.aborted) return null;
        const reason = isAbortError(err) ? 'timed out' : describe(err);
        this.logger.warn(`${hook.label}: ${hook.url} failed: ${reason} (attempt ${attempt}/${attempts})`);
        if (attempt === attempts) return null;
      }
      if (!(await this.pause(this.settings.webhookRetryBaseMs * 2 ** (attempt - 1)))) return null;
    }
    return null;
  }

  /** False when the sandbox shut down during the pause. */
  private async pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, this.shutdown.signal);
      return true;
    } catch {
      return false;
    }
  }
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // fetch hides the socket error (ECONNREFUSED, ...) in `cause`.
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
}
