import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { forgetExpiredRequestTokens } from '@app/consent';
import { RoutedDb, TenantDb, type TenantTx } from '@app/database';
import {
  CONSENT_EVIDENCE_YEARS,
  type PracticeRetention,
  practicesForRetention,
  purgeEndedSessions,
  purgeExpiredResetTokens,
  purgeLapsedInvites,
} from '@app/identity';
import { type JobHandler, JobQueue } from '@app/jobs';
import type { Actor } from '@app/observability';
import { LegalHoldRepository } from './legal-hold.repository.js';
import { MessagePurgeHooks, type PurgeCounts } from './message-purge-hooks.js';
import { MessagePurgeRepository, type PurgeWindow } from './message-purge.repository.js';

/** How often the worker runs the retention sweep. */
export const RETENTION_SWEEP_EVERY_MS = 60 * 60_000;
/** Rows one purge transaction deletes at most (per kind, for tokens). */
export const PURGE_BATCH = 1_000;
/** Transactions of one kind per practice in one run; the next run goes on from there. */
const MAX_BATCHES_PER_RUN = 50;
/** Spent sessions, invitations and tokens stay this long after they stopped working. */
export const SPENT_TOKEN_GRACE_DAYS = 30;
const PRACTICES_PER_PAGE = 500;
const DAY_MS = 86_400_000;
const SWEEP_ACTOR: Actor = { type: 'system', id: 'retention_sweep' };

export interface PracticePurge {
  /** A legal hold on the practice: nothing was purged. */
  held: boolean;
  messages: number;
  attachments: number;
  tokens: number;
}

export interface RetentionSweepCounts extends PracticePurge {
  practices: number;
}

/**
 * Retention, per practice (issue 24). The worker's sweep visits every practice (a cross-practice
 * read of practices under `app.retention_sweep`, ids and retention only) and, in the practice's
 * own transactions, unless a legal hold is on the practice:
 * - deletes spent sessions with their refresh tokens, lapsed invitations and reset tokens,
 *   forgets expired consent-request link tokens, and each purge hook's expired data;
 * - deletes messages older than `messageRetentionDays` with their dependants (each owner's
 *   hook deletes its own rows first), except those `KEPT_MESSAGE` keeps (holds, consent
 *   evidence) and those a hook keeps;
 * - deletes attachments older than `attachmentRetentionDays` (else the message period).
 * Each transaction takes at most PURGE_BATCH rows, keyset by id, `SKIP LOCKED`, and records a
 * `retention.purged` audit event with its counts (never content, never which rows), so what
 * committed is audited and a crashed run is simply run again. Audit events and consent
 * records are never purged.
 */
@Injectable()
export class RetentionSweep {
  private readonly logger = new Logger('RetentionSweep');

  constructor(
    private readonly routed: RoutedDb,
    private readonly db: TenantDb,
    private readonly holds: LegalHoldRepository,
    private readonly purge: MessagePurgeRepository,
    private readonly hooks: MessagePurgeHooks,
    private readonly audit: AuditService,
  ) {}

  /** One run over every practice at `now` (tests pass a fake clock). */
  async run(now: Date = new Date()): Promise<RetentionSweepCounts> {
    const totals: RetentionSweepCounts = {
      practices: 0,
      held: false,
      messages: 0,
      attachments: 0,
      tokens: 0,
    };
    totals.tokens += await this.dropExpiredPartitions(now);
    let failed = 0;
    let after: string | null = null;
    for (;;) {
      const page: PracticeRetention[] = await this.routed.sweep('retentionSweep', (tx) =>
        practicesForRetention(tx, after, PRACTICES_PER_PAGE),
      );
      for (const practice of page) {
        // One practice's failure must not keep the others (after it in id order, every run)
        // from being purged; the run still fails, so the job shows it.
        try {
          const done = await this.practice(practice, now);
          totals.messages += done.messages;
          totals.attachments += done.attachments;
          totals.tokens += done.tokens;
        } catch (err) {
          failed++;
          this.logger.warn(
            { practiceId: practice.practiceId, err: { name: (err as Error).name } },
            'Retention sweep failed for a practice',
          );
        }
        totals.practices += 1;
      }
      if (page.length < PRACTICES_PER_PAGE) break;
      after = page.at(-1)!.practiceId;
    }
    if (totals.messages || totals.attachments || totals.tokens) this.logger.log(totals, 'Retention sweep');
    if (failed) throw new Error(`Retention sweep failed for ${failed} practice(s)`);
    return totals;
  }

  /**
   * Whole month partitions of expired sweep data (SendGrid event ids), across practices, each
   * drop audited per practice (`retention.purged`, counts only) in the drop's own transaction
   * by the database function; then those practices' audit outboxes are sealed (a failure
   * leaves the events queued for their next seal).
   */
  private async dropExpiredPartitions(now: Date): Promise<number> {
    let total = 0;
    for (const hook of this.hooks.all()) {
      if (!hook.dropExpiredPartitions) continue;
      const dropped = await hook.dropExpiredPartitions(now);
      for (const { tenantId, counts } of dropped) {
        total += Object.values(counts).reduce((sum, n) => sum + n, 0);
        await this.audit
          .seal(tenantId)
          .catch((err: Error) =>
            this.logger.warn(
              { tenantId, err: { name: err.name } },
              'Audit seal after a partition drop deferred',
            ),
          );
      }
    }
    return total;
  }

  /** One practice's run: tokens, then messages, then attachments. */
  async practice(practice: PracticeRetention, now: Date): Promise<PracticePurge> {
    const hooks = this.hooks.all();
    const done: PracticePurge = { held: false, messages: 0, attachments: 0, tokens: 0 };
    const messageCutoff = practice.messageRetentionDays
      ? new Date(now.getTime() - practice.messageRetentionDays * DAY_MS)
      : null;
    const attachmentDays = practice.attachmentRetentionDays ?? practice.messageRetentionDays;
    const attachmentCutoff = attachmentDays ? new Date(now.getTime() - attachmentDays * DAY_MS) : null;
    const evidenceSince = new Date(now);
    evidenceSince.setUTCFullYear(evidenceSince.getUTCFullYear() - CONSENT_EVIDENCE_YEARS);
    const retention = {
      messageRetentionDays: practice.messageRetentionDays,
      attachmentRetentionDays: practice.attachmentRetentionDays,
    };

    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const round = await this.db.forTenant(practice.practiceId, async (tx) => {
        if ((await this.holds.coverage(tx)).practice) return null;
        const before = new Date(now.getTime() - SPENT_TOKEN_GRACE_DAYS * DAY_MS);
        const counts: PurgeCounts = {
          sessions: await purgeEndedSessions(tx, before, PURGE_BATCH),
          invites: await purgeLapsedInvites(tx, before, PURGE_BATCH),
          resetTokens: await purgeExpiredResetTokens(tx, before, PURGE_BATCH),
          consentRequestTokens: await forgetExpiredRequestTokens(tx, before, PURGE_BATCH),
        };
        for (const hook of hooks)
          Object.assign(counts, await hook.purgeExpired(tx, { now, messageCutoff, limit: PURGE_BATCH }));
        this.recordPurge(tx, { kind: 'tokens', ...counts });
        return counts;
      });
      if (round === null) return { ...done, held: true };
      const values = Object.values(round);
      done.tokens += values.reduce((sum, n) => sum + n, 0);
      if (values.every((n) => n < PURGE_BATCH)) break;
    }

    if (messageCutoff) {
      let afterId: string | null = null;
      for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
        const round = await this.db.forTenant(practice.practiceId, async (tx) => {
          const coverage = await this.holds.coverage(tx);
          if (coverage.practice) return null;
          const window: PurgeWindow = {
            cutoff: messageCutoff,
            evidenceSince,
            heldContactIds: coverage.contactIds,
            afterId,
            limit: PURGE_BATCH,
          };
          const candidates = await this.purge.expiredMessages(tx, window);
          let ids = candidates;
          for (const hook of hooks) {
            const kept = (await hook.kept?.(tx, ids)) ?? new Set<string>();
            if (kept.size > 0) ids = ids.filter((id) => !kept.has(id));
          }
          if (ids.length === 0) return { candidates, messages: 0, attachments: 0 };
          const dependants: PurgeCounts = {};
          for (const hook of hooks) Object.assign(dependants, await hook.deleteDependants?.(tx, ids));
          const deleted = await this.purge.deleteMessages(tx, ids);
          this.recordPurge(tx, { kind: 'messages', ...retention, ...deleted, ...dependants });
          return { candidates, ...deleted };
        });
        if (round === null) return { ...done, held: true };
        done.messages += round.messages;
        done.attachments += round.attachments;
        if (round.candidates.length < PURGE_BATCH) break;
        afterId = round.candidates.at(-1)!;
      }
    }

    if (attachmentCutoff) {
      let afterId: string | null = null;
      for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
        const round = await this.db.forTenant(practice.practiceId, async (tx) => {
          const coverage = await this.holds.coverage(tx);
          if (coverage.practice) return null;
          const candidates = await this.purge.expiredAttachments(tx, {
            cutoff: attachmentCutoff,
            evidenceSince,
            heldContactIds: coverage.contactIds,
            afterId,
            limit: PURGE_BATCH,
          });
          const attachments = candidates.length ? await this.purge.deleteAttachments(tx, candidates) : 0;
          this.recordPurge(tx, { kind: 'attachments', ...retention, attachments });
          return { candidates, attachments };
        });
        if (round === null) return { ...done, held: true };
        done.attachments += round.attachments;
        if (round.candidates.length < PURGE_BATCH) break;
        afterId = round.candidates.at(-1)!;
      }
    }
    return done;
  }

  /** The batch's audit event, in its transaction, when it deleted anything: counts only. */
  private recordPurge(tx: TenantTx, metadata: Record<string, string | number | null>): void {
    const deleted = Object.entries(metadata).some(
      ([key, value]) => typeof value === 'number' && !key.endsWith('RetentionDays') && value > 0,
    );
    if (!deleted) return;
    this.audit.record(tx, {
      action: 'retention.purged',
      actor: SWEEP_ACTOR,
      target: { type: 'practice', id: tx.tenantId },
      metadata,
    });
  }
}

/** `conversation.retention_sweep`: one run of the sweep. */
@Injectable()
export class RetentionSweepJob implements JobHandler<'conversation.retention_sweep'> {
  readonly job = 'conversation.retention_sweep' as const;
  constructor(private readonly sweep: RetentionSweep) {}

  async handle(): Promise<void> {
    await this.sweep.run();
  }
}

/** Registers the hourly sweep when the worker starts. */
@Injectable()
export class RetentionSweepSchedule implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every('conversation.retention_sweep', {}, RETENTION_SWEEP_EVERY_MS);
  }
}
