// Hand-written SQL, not the entity's repository (TenantTx.repository): the inbound webhook stores
// texts as group-committed multi-row INSERTs, one round trip per batch (measured hot path: `npm run
// bench webhooks`, docs/operations.md).
import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { GroupCommit, TenantDb } from '@app/database';
import { JobQueue } from '@app/jobs';
import { SmsInboundRepository } from './sms-inbound.repository.js';
import type { InboundSmsPayload } from './twilio-payloads.js';

/** Rows per INSERT. */
const MAX_BATCH = 500;

interface Arrival {
  channelId: string;
  sms: InboundSmsPayload;
}

/**
 * Texts acknowledged to Twilio and not yet turned into messages (sms_inbound, stored by
 * SmsInboundRepository).
 *
 * `accept` is the webhook's durable write, with group commit per practice (`GroupCommit`): under
 * load one multi-row INSERT stores many webhooks, alone a text pays one transaction and no
 * timer, and seq follows receipt order within this process. Each webhook is answered only after
 * its row committed.
 */
@Injectable()
export class PendingSmsStore {
  private readonly logger = new Logger('PendingSms');
  private readonly arrivals = new GroupCommit<Arrival, void>(
    (tenantId, batch) => this.store(tenantId, batch),
    MAX_BATCH,
  );

  constructor(
    private readonly db: TenantDb,
    private readonly pending: SmsInboundRepository,
    private readonly jobs: JobQueue,
  ) {}

  /** Resolves once the text is stored (a MessageSid stored before counts as stored). */
  accept(tenantId: string, channelId: string, sms: InboundSmsPayload): Promise<void> {
    return this.arrivals.submit(tenantId, { channelId, sms });
  }

  private async store(tenantId: string, batch: Arrival[]): Promise<void[]> {
    const firstId = await this.insert(tenantId, batch);
    this.enqueue(tenantId, firstId);
    return batch.map(() => undefined);
  }

  /**
   * One transaction for the batch, in one round trip (the INSERT rides in COMMIT's message).
   * Returns the id given to the batch's first row: the job that drains the practice is named
   * after it (if every row was a duplicate, that job finds nothing to do).
   */
  private async insert(tenantId: string, batch: Arrival[]): Promise<string> {
    const texts = batch.map((a) => ({ id: randomUUID(), channelId: a.channelId, sms: a.sms }));
    await this.db.forTenant(tenantId, (tx) => this.pending.insertBatchWithCommit(tx, texts));
    return texts[0]!.id;
  }

  /** After commit; if Redis is down the relay enqueues it later, so this never fails the webhook. */
  private enqueue(tenantId: string, firstId: string): void {
    this.jobs
      .add('sms.inbound', { tenantId }, { jobId: firstId })
      .catch((err: Error) =>
        this.logger.warn({ tenantId, err: { name: err.name } }, 'Enqueue failed; the relay will retry'),
      );
  }
}
