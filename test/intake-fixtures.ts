import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { type PublicChannel, type PublicChannelType, PublicChannels } from '@app/channels';
import { KeyRingService } from '@app/crypto';
import { TenantDb } from '@app/database';

/** Shared by the web form, chat and staff events e2e tests. */

export const SITE = 'https://www.riverside-clinic.test';
export const OTHER_SITE = 'https://evil.example';

/** A practice with keys and one web form or chat widget allowing SITE. */
export async function createPublicChannel(
  app: INestApplication,
  owner: pg.Pool,
  type: PublicChannelType,
  opts: { tenantId?: string; allowedOrigins?: string[] } = {},
): Promise<PublicChannel> {
  const tenantId = opts.tenantId ?? randomUUID();
  if (!opts.tenantId) {
    await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Intake test practice')`, [tenantId]);
    await app.get(TenantDb).forTenant(tenantId, (tx) => app.get(KeyRingService).createTenantKeys(tx));
  }
  return app
    .get(TenantDb)
    .forTenant(tenantId, (tx) =>
      app
        .get(PublicChannels)
        .insert(tx, { type, name: `Website ${type}`, allowedOrigins: opts.allowedOrigins ?? [SITE] }),
    );
}

/** Counts of every table public intake may write for the tenant, to prove that nothing was written. */
export async function intakeRowCounts(owner: pg.Pool, tenantId: string): Promise<Record<string, number>> {
  const { rows } = await owner.query(
    `SELECT (SELECT count(*)::int FROM contacts WHERE tenant_id = $1) AS contacts,
            (SELECT count(*)::int FROM conversations WHERE tenant_id = $1) AS conversations,
            (SELECT count(*)::int FROM messages WHERE tenant_id = $1) AS messages,
            (SELECT count(*)::int FROM form_submissions WHERE tenant_id = $1) AS submissions,
            (SELECT count(*)::int FROM consent_records WHERE tenant_id = $1) AS consents,
            (SELECT count(*)::int FROM chat_sessions WHERE tenant_id = $1) AS chat_sessions,
            (SELECT count(*)::int FROM audit_outbox WHERE tenant_id = $1)
              + (SELECT count(*)::int FROM audit_events WHERE tenant_id = $1) AS audit`,
    [tenantId],
  );
  return rows[0];
}

export interface SseEvent {
  event: string;
  id?: string;
  data: unknown;
}

/**
 * An SSE client over fetch (what the chat widget does too: EventSource cannot send a bearer
 * header). Collects events; `next` waits for one matching a predicate.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  status = 0;
  ended = false;
  private readonly controller = new AbortController();
  private waiters: Array<() => void> = [];

  static async open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const client = new SseClient();
    const res = await fetch(url, { headers, signal: client.controller.signal });
    client.status = res.status;
    if (res.ok && res.body) void client.pump(res.body);
    else client.ended = true;
    return client;
  }

  async next(match: (e: SseEvent) => boolean, timeoutMs = 5_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) return found;
      if (this.ended) throw new Error('SSE stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('SSE event timed out');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once the server has ended the stream. */
  async closed(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error('SSE stream still open');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  close(): void {
    this.controller.abort();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          this.parse(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by close(), or the connection dropped.
    } finally {
      this.ended = true;
      this.wake();
    }
  }

  private parse(block: string): void {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length === 0) return;
    this.events.push({ event, id, data: JSON.parse(data.join('\n')) });
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
