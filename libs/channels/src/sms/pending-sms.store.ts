// Hand-written SQL, not the entity's repository (TenantTx.repository): the inbound webhook stores
// texts as group-committed multi-row INSERTs, one round trip per batch (measured hot path: `npm run
// bench webhooks`, docs/operations.md).
import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import { GroupCommit, TenantDb, type TenantTx } from '@app/database';
import { JobQueue } from '@app/jobs';
import type { InboundSmsPayload } from './twilio-payloads.js';

/** Failed processing runs after which a row no longer holds up its practice's later texts. */
export const MAX_PROCESSING_ATTEMPTS = 8;
/** Rows per INSERT. */
const MAX_BATCH = 500;
const PAYLOAD = 'sms_inbound.payload';

/** An acknowledged text waiting for the worker, as stored (payload encrypted). */
export interface PendingRow {
  id: string;
  channelId: string;
  payload: Buffer;
}

interface Arrival {
  channelId: string;
  sms: InboundSmsPayload;
}

/**
 * sms_inbound: texts acknowledged to Twilio and not yet turned into messages.
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
    private readonly keys: KeyRingService,
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
   * One transaction for the batch, in one round trip (BEGIN, tenant, INSERT and COMMIT in one
   * message). Returns the id given to the batch's first row: the job that drains the practice
   * is named after it (if every row was a duplicate, that job finds nothing to do).
   *
   * seq is drawn in receipt order, but the rows go in sorted by (channel, MessageSid): two api
   * instances holding the same MessageSids (Twilio retrying a webhook at another instance) then
   * wait on each other's rows in one order, never in a cycle (a deadlock, which would fail both
   * batches' webhooks).
   */
  private async insert(tenantId: string, batch: Arrival[]): Promise<string> {
    const ids = batch.map(() => randomUUID());
    await this.db.forTenant(tenantId, async (tx) => {
      const cipher = await this.keys.forTenant(tx);
      // Columns as arrays (unnest): planned in constant time, where a VALUES list of hundreds of
      // rows costs a millisecond of planning per batch. seq is drawn as unnest reads them
      // (receipt order), and the sort reads every row before the first is inserted. DO NOTHING
      // also settles duplicates inside one batch: the later row meets the earlier one.
      tx.sendWithCommit(
        `WITH arrived AS MATERIALIZED (
           SELECT nextval('sms_inbound_seq_seq') AS seq, a.*
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::bytea[]) AS a (id, channel_id, message_sid, payload))
         INSERT INTO sms_inbound (seq, id, tenant_id, channel_id, message_sid, payload)
         SELECT seq, id, $1, channel_id, message_sid, payload FROM arrived
         ORDER BY channel_id, message_sid COLLATE "C"
         ON CONFLICT (channel_id, message_sid) DO NOTHING`,
        [
          tenantId,
          ids,
          batch.map((a) => a.channelId),
          batch.map((a) => a.sms.messageSid),
          batch.map((a) => cipher.encrypt(PAYLOAD, JSON.stringify(a.sms))),
        ],
      );
    });
    return ids[0]!;
  }

  /** After commit; if Redis is down the relay enqueues it later, so this never fails the webhook. */
  private enqueue(tenantId: string, firstId: string): void {
    this.jobs
      .add('sms.inbound', { tenantId }, { jobId: firstId })
      .catch((err: Error) =>
        this.logger.warn({ tenantId, err: { name: err.name } }, 'Enqueue failed; the relay will retry'),
      );
  }

  /**
   * The practice's oldest pending text, under a practice-wide lock held until `tx` ends, so
   * texts are processed one at a time in receipt order (seq) however many jobs run.
   */
  async next(tx: TenantTx): Promise<PendingRow | null> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`sms_inbound:${tx.tenantId}`]);
    const [row] = await tx.query<{ id: string; channel_id: string; payload: Buffer }>(
      `SELECT id, channel_id, payload FROM sms_inbound WHERE tenant_id = $1 AND attempts < $2
       ORDER BY seq LIMIT 1`,
      [tx.tenantId, MAX_PROCESSING_ATTEMPTS],
    );
    return row ? { id: row.id, channelId: row.channel_id, payload: row.payload } : null;
  }

  /** The text as the webhook received it. */
  async open(tx: TenantTx, row: PendingRow): Promise<InboundSmsPayload> {
    const cipher = await this.keys.forTenant(tx);
    return JSON.parse((await cipher.decrypt(PAYLOAD, row.payload)).toString('utf8')) as InboundSmsPayload;
  }

  /** Done: the text is a message now (or was one already). */
  async remove(tx: TenantTx, id: string): Promise<void> {
    await tx.execute(`DELETE FROM sms_inbound WHERE id = $1`, [id]);
  }

  /** A processing run failed (its transaction rolled back); counted in a transaction of its own. */
  async recordFailure(tenantId: string, id: string): Promise<void> {
    await this.db.forTenant(tenantId, (tx) =>
      tx.execute(`UPDATE sms_inbound SET attempts = attempts + 1 WHERE id = $1`, [id]),
    );
  }
}
