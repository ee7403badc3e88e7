import {
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { AttachmentRepository, ConversationsModule, StaffEvents } from '@app/conversations';
import { RoutedDb, TenantDb } from '@app/database';
import { PeriodicPass } from '@app/jobs';
import { ChannelStoreModule } from '../channel-store.module.js';
import { SmsChannels } from './sms-channels.js';
import { type MediaFailure, type MediaFetchResult, TwilioMediaFetcher } from './twilio-media-fetcher.js';

/** The webhook path had its chance: a download still pending this long was cut off (crash, restart). */
const RETRY_AFTER_SECONDS = 120;
/** Twilio keeps media until it is deleted; after a day of failed tries the attachment is failed. */
const GIVE_UP_AFTER_SECONDS = 24 * 60 * 60;
const BATCH = 100;
const SWEEP_EVERY_MS = 60_000;
const TRANSIENT: ReadonlySet<MediaFailure> = new Set(['fetch_failed', 'timeout']);

/**
 * MMS media whose download never finished (the process died between storing the message and
 * storing its media) would stay `pending` for ever. Every minute the worker looks for such
 * attachments across practices (ids only, through their own read policy), downloads each again
 * with its channel's credentials in its practice's transaction, and stores it, retries later
 * (network trouble) or fails it with a reason. Several workers may sweep: the updates only move
 * an attachment out of `pending`, so a second download changes nothing.
 */
@Injectable()
export class PendingMediaSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PendingMediaSweeper');
  private readonly passes = new PeriodicPass(this.logger, 'Media sweep pass', () => this.sweepOnce());

  constructor(
    private readonly routed: RoutedDb,
    private readonly db: TenantDb,
    private readonly attachments: AttachmentRepository,
    private readonly smsChannels: SmsChannels,
    private readonly media: TwilioMediaFetcher,
    private readonly events: StaffEvents,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start(SWEEP_EVERY_MS);
  }

  /** One pass; returns how many pending attachments it tried. */
  async sweepOnce(olderThanSeconds = RETRY_AFTER_SECONDS): Promise<number> {
    const due = await this.routed.sweep('mediaSweep', (tx) =>
      this.attachments.stalePendingAcrossPractices(tx, olderThanSeconds, BATCH),
    );
    for (const row of due) {
      try {
        await this.retry(row.tenant_id, row.id);
      } catch (err) {
        // One row that cannot be tried (its practice's keys do not open, say) must not stop the
        // pass, nor head every later batch: logged by name, tried again a retry period later.
        this.logger.warn(
          { tenantId: row.tenant_id, attachmentId: row.id, err: { name: (err as Error).name } },
          'Pending media retry failed',
        );
        await this.db
          .forTenant(row.tenant_id, (tx) => this.attachments.postpone(tx, row.id))
          .catch(() => undefined);
      }
    }
    if (due.length) this.logger.log({ count: due.length }, 'Pending MMS media retried');
    return due.length;
  }

  private async retry(tenantId: string, attachmentId: string): Promise<void> {
    const pending = await this.db.forTenant(tenantId, async (tx) => {
      const row = await this.attachments.pendingWithMessage(tx, attachmentId);
      if (!row) return null;
      const channel = row.channel_id
        ? await this.smsChannels.load(tx, row.channel_id, { includeDeleted: true })
        : null;
      return { ...row, channel, source: await this.attachments.pendingSource(tx, attachmentId) };
    });
    if (!pending) return;
    const outcome: MediaFetchResult =
      pending.channel && pending.source
        ? await this.media.fetch(pending.source.url, pending.channel)
        : { ok: false, reason: 'fetch_failed' };
    const giveUp = pending.age_seconds >= GIVE_UP_AFTER_SECONDS || !pending.channel || !pending.source;
    await this.db.forTenant(tenantId, async (tx) => {
      if (outcome.ok) await this.attachments.markStored(tx, attachmentId, outcome);
      else if (TRANSIENT.has(outcome.reason) && !giveUp) {
        await this.attachments.postpone(tx, attachmentId);
        return;
      } else await this.attachments.markFailed(tx, attachmentId, outcome.reason);
      this.events.publishAfterCommit(tx, {
        type: 'message.attachments_updated',
        conversationId: pending.conversation_id,
        messageId: pending.message_id,
      });
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }
}

/** The worker's media sweeper with what it needs (the api does not sweep). */
@Module({
  imports: [ChannelStoreModule, ConversationsModule],
  providers: [TwilioMediaFetcher, PendingMediaSweeper],
})
export class PendingMediaModule {}
