// Hand-written SQL, not the entity's repository (TenantTx.repository): the inbound webhook stores
// texts as group-committed multi-row INSERTs, one round trip per batch (measured hot path: `npm run
// bench webhooks`, docs/operations.md).
import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { GroupCommit, type Statement, TenantDb } from '@app/database';
import { JobQueue } from '@app/jobs';
import { type ArrivedText, SmsInboundRepository } from './sms-inbound.repository.js';
import type { InboundSmsPayload } from './twilio-payloads.js';

/** Texts per transaction (over all the practices in it). */
const MAX_BATCH = 500;

/**
 * Batches in flight at once per process. A practice always falls in the same lane, so its texts
 * are stored in receipt order (one batch in flight per lane); a lane's batch holds the texts of
 * every practice that arrived meanwhile, so traffic spread over thousands of practices still
 * makes few, full transactions (one per practice was one round trip and one WAL flush per
 * webhook: `npm run bench webhooks-practices`).
 */
const LANES = 4;

interface Arrival {
  tenantId: string;
  channelId: string;
  sms: InboundSmsPayload;
}

/**
 * Texts acknowledged to Twilio and not yet turned into messages (sms_inbound, stored by
 * SmsInboundRepository).
 *
 * `accept` is the webhook's durable write, with group commit (`GroupCommit`) per lane of
 * practices: under load one transaction stores many webhooks of many practices (one multi-row
 * INSERT per practice, `TenantDb.writeForTenants`), alone a text pays one transaction and no
 * timer, and seq follows receipt order within a practice in this process. Each webhook is
 * answered only after its row committed.
 */
@Injectable()
export class PendingSmsStore {
  private readonly logger = new Logger('PendingSms');
  private readonly arrivals = new GroupCommit<Arrival, Error | null>(
    (_lane, batch) => this.store(batch),
    MAX_BATCH,
  );

  constructor(
    private readonly db: TenantDb,
    private readonly pending: SmsInboundRepository,
    private readonly jobs: JobQueue,
  ) {}

  /** Resolves once the text is stored (a MessageSid stored before counts as stored). */
  async accept(tenantId: string, channelId: string, sms: InboundSmsPayload): Promise<void> {
    const failed = await this.arrivals.submit(laneOf(tenantId), { tenantId, channelId, sms });
    if (failed) throw failed;
  }

  /**
   * One transaction for the batch, in one round trip (BEGIN, per practice its tenant and its
   * INSERT, COMMIT), the practices in id order (see `insertStatement`). A practice whose texts
   * cannot be sealed (its keys unreadable) fails alone; a failed transaction fails every text
   * of the batch (their webhooks answer 5xx and Twilio retries them).
   */
  private async store(batch: Arrival[]): Promise<Array<Error | null>> {
    const byTenant = new Map<string, ArrivedText[]>();
    for (const a of batch) {
      const texts = byTenant.get(a.tenantId) ?? [];
      if (texts.length === 0) byTenant.set(a.tenantId, texts);
      texts.push({ id: randomUUID(), channelId: a.channelId, sms: a.sms });
    }
    const tenantIds = [...byTenant.keys()].toSorted();
    const built = await Promise.allSettled(
      tenantIds.map((t) => this.pending.insertStatement(t, byTenant.get(t)!)),
    );
    const unsealed = new Map<string, Error>();
    const parts: Array<{ tenantId: string; statements: Statement[] }> = [];
    built.forEach((b, i) => {
      if (b.status === 'fulfilled') parts.push({ tenantId: tenantIds[i]!, statements: [b.value] });
      else unsealed.set(tenantIds[i]!, b.reason instanceof Error ? b.reason : new Error(String(b.reason)));
    });
    await this.db.writeForTenants(parts);
    // The job that drains a practice is named after the id of its first row of the batch (if
    // every row was a duplicate, that job finds nothing to do).
    this.enqueue(parts.map(({ tenantId }) => ({ tenantId, firstId: byTenant.get(tenantId)![0]!.id })));
    return batch.map((a) => unsealed.get(a.tenantId) ?? null);
  }

  /**
   * After commit, one job per practice in one round trip; if Redis is down the relay enqueues
   * them later, so this never fails the webhooks.
   */
  private enqueue(stored: Array<{ tenantId: string; firstId: string }>): void {
    this.jobs
      .addMany(
        'sms.inbound',
        stored.map(({ tenantId, firstId }) => ({ data: { tenantId }, jobId: firstId })),
      )
      .catch((err: Error) =>
        this.logger.warn(
          { practices: stored.length, err: { name: err.name } },
          'Enqueue failed; the relay will retry',
        ),
      );
  }
}

/** The lane of a practice: the same for every text of it. */
export function laneOf(tenantId: string): string {
  return String(Number.parseInt(tenantId.slice(0, 8), 16) % LANES);
}
