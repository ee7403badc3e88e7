import { Injectable, Logger } from '@nestjs/common';
import { isKeyProblem } from '@app/crypto';
import { TenantDb } from '@app/database';
import { SmsInboundRepository } from './sms-inbound.repository.js';
import { SmsChannels } from './sms-channels.js';
import { SmsIngest } from './sms-ingest.js';

/**
 * The worker's half of an acknowledged text (job `sms.inbound`): contact, conversation,
 * encrypted message, counters, audit (system actor: Twilio), staff event, hooks, then media;
 * the same SmsIngest the webhook uses for keywords. One text per transaction, oldest first,
 * under the practice's lock: a conversation's messages follow receipt order.
 */
@Injectable()
export class PendingSmsProcessor {
  private readonly logger = new Logger('PendingSms');

  constructor(
    private readonly db: TenantDb,
    private readonly pending: SmsInboundRepository,
    private readonly channels: SmsChannels,
    private readonly sms: SmsIngest,
  ) {}

  /** Processes every pending text of the practice; returns how many. */
  async drain(tenantId: string): Promise<number> {
    let count = 0;
    while (await this.processNext(tenantId)) count++;
    return count;
  }

  private async processNext(tenantId: string): Promise<boolean> {
    let current: string | null = null;
    try {
      const done = await this.db.forTenant(tenantId, async (tx) => {
        const row = await this.pending.lockNextPending(tx);
        if (!row) return null;
        current = row.id;
        const sms = await this.pending.openPayload(tx, row);
        // Acknowledged while the channel was live: a later deletion does not lose the text.
        const channel = await this.channels.load(tx, row.channelId, { includeDeleted: true });
        if (!channel) throw new Error('Channel of a pending text not found');
        const stored = await this.sms.store(tx, channel, sms);
        if (stored.replied) {
          // Hooks claim the texts they answer (beforeAck); this one was already acknowledged.
          this.logger.warn(
            { tenantId, messageId: stored.result.messageId },
            'Hook reply to an acknowledged text dropped',
          );
        }
        await this.pending.remove(tx, row.id);
        return { channel, sms, result: stored.result };
      });
      if (!done) return false;
      await this.sms.fetchMedia(tenantId, done.channel, done.sms, done.result);
      return true;
    } catch (err) {
      const failed = current as string | null;
      if (failed && isKeyProblem(err)) {
        // The keys, not the text: every text of the practice would fail alike. Not counted, so
        // nothing is parked; the job's backoff, then the relay, retry until the keys are fixed.
        this.logger.error(
          { tenantId, pendingId: failed, err: { name: (err as Error).name } },
          'Pending text waits: the practice keys do not open (MASTER_KEY / MASTER_KEY_PREVIOUS?)',
        );
      } else if (failed) {
        this.logger.warn(
          { tenantId, pendingId: failed, err: { name: (err as Error).name } },
          'Pending text not processed',
        );
        // Its transaction rolled back: counted in a transaction of its own.
        await this.db.forTenant(tenantId, (tx) => this.pending.countFailedAttempt(tx, failed));
      }
      throw err;
    }
  }
}
