import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ConversationRepository, StaffEvents } from '@app/conversations';
import { RoutedDb, TenantDb, type TenantTx } from '@app/database';
import { type PracticeSettings, practiceSettingsFor } from '@app/identity';
import { type JobHandler, JobQueue } from '@app/jobs';
import { GateFacts } from '../outbound/gate-facts.js';
import { OutboundMessages } from '../outbound/outbound-messages.js';
import { isWithinWindow, nextWindowOpening, type ReminderWindow } from './reminder-window.js';
import { SecureReminderRepository, UNOPENED } from './secure-reminders.repository.js';

/** How often the worker looks for unread secure messages whose next reminder step is due. */
export const SECURE_REMINDER_SWEEP_EVERY_MS = 5 * 60_000;

const HOUR_MS = 3_600_000;

/** What one due step did. */
export type ReminderStep = 'reminded' | 'postponed' | 'flagged' | 'ended' | 'not_due';

type ReminderSettings = Pick<
  PracticeSettings,
  | 'timeZone'
  | 'secureReminderDelayHours'
  | 'secureReminderMax'
  | 'reminderWindowStartHour'
  | 'reminderWindowEndHour'
>;

/**
 * Reminds patients of secure messages they have not opened. A due step, in its practice's
 * transaction with the reminder row locked: ends when the message was read, retracted or never
 * delivered, reminders are off, or the address is opted out or suppressed (the consent gate
 * blocks it); after the last reminder flags the conversation `secureMessageUnread` and tells
 * staff; waits for the practice's reminder window (local hours); else enqueues one PHI-free
 * reminder (a system message through the ordinary dispatch, so rate limits, opt-outs,
 * suppressions and the send-time gate apply again) and records the step with it, so a retried
 * or crashed sweep never sends a step twice.
 */
@Injectable()
export class SecureReminderSweep {
  private readonly logger = new Logger('SecureReminderSweep');

  constructor(
    private readonly routed: RoutedDb,
    private readonly db: TenantDb,
    private readonly reminders: SecureReminderRepository,
    private readonly outbound: OutboundMessages,
    private readonly gate: GateFacts,
    private readonly conversations: ConversationRepository,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  /** One pass over every practice's due steps at `now` (tests pass a fake clock). */
  async run(now: Date = new Date()): Promise<Record<ReminderStep, number>> {
    const due = await this.routed.sweep('secureReminderSweep', (tx) =>
      this.reminders.dueAcrossPractices(tx, now),
    );
    const counts: Record<ReminderStep, number> = {
      reminded: 0,
      postponed: 0,
      flagged: 0,
      ended: 0,
      not_due: 0,
    };
    for (const row of due)
      counts[await this.db.forTenant(row.tenant_id, (tx) => this.step(tx, row.message_id, now))] += 1;
    if (counts.reminded || counts.flagged) this.logger.log(counts, 'Secure message reminders');
    return counts;
  }

  async step(tx: TenantTx, messageId: string, now: Date): Promise<ReminderStep> {
    const due = await this.reminders.lockDue(tx, messageId, now);
    if (!due) return 'not_due';
    const settings = await this.settings(tx);
    const unopened = (UNOPENED as readonly string[]).includes(due.messageStatus) && !due.retracted;
    const message = unopened ? await this.outbound.lockForDispatch(tx, messageId) : null;
    if (!message || settings.secureReminderMax === 0 || this.gate.forSend(message).route === 'blocked') {
      await this.reminders.finish(tx, messageId, null);
      return 'ended';
    }
    if (due.remindersSent >= settings.secureReminderMax) {
      await this.flag(tx, messageId, due.conversationId, due.remindersSent, now);
      return 'flagged';
    }
    const window: ReminderWindow = {
      timeZone: settings.timeZone,
      startHour: settings.reminderWindowStartHour,
      endHour: settings.reminderWindowEndHour,
    };
    if (!isWithinWindow(now, window)) {
      await this.reminders.postpone(tx, messageId, nextWindowOpening(now, window));
      return 'postponed';
    }
    const step = due.remindersSent + 1;
    const reminder = await this.outbound.create(tx, {
      conversationId: message.conversationId,
      contactId: message.contactId,
      senderChannelId: message.senderChannelId,
      channel: message.channel,
      address: message.address,
      addressIndex: message.addressIndex,
      authorUserId: null,
      content: { kind: 'system', template: 'secure_reminder' },
    });
    await this.reminders.recordStep(
      tx,
      messageId,
      step,
      reminder.id,
      new Date(now.getTime() + settings.secureReminderDelayHours * HOUR_MS),
    );
    this.audit.record(tx, {
      action: 'secure_message.reminder_queued',
      target: { type: 'message', id: messageId },
      metadata: { reminderMessageId: reminder.id, step, channel: message.channel },
    });
    return 'reminded';
  }

  private async flag(
    tx: TenantTx,
    messageId: string,
    conversationId: string,
    reminders: number,
    now: Date,
  ): Promise<void> {
    await this.reminders.finish(tx, messageId, now);
    await this.conversations.flagSecureMessageUnread(tx, conversationId);
    this.audit.record(tx, {
      action: 'secure_message.unread_flagged',
      target: { type: 'conversation', id: conversationId },
      metadata: { messageId, reminders },
    });
    this.events.publishAfterCommit(tx, { type: 'secure_message.unread', conversationId, messageId });
  }

  private async settings(tx: TenantTx): Promise<ReminderSettings> {
    const { settings } = await practiceSettingsFor(tx, [
      'timeZone',
      'secureReminderDelayHours',
      'secureReminderMax',
      'reminderWindowStartHour',
      'reminderWindowEndHour',
    ]);
    return settings;
  }
}

/** `delivery.secure_reminder_sweep`: one pass of the sweep. */
@Injectable()
export class SecureReminderSweepJob implements JobHandler<'delivery.secure_reminder_sweep'> {
  readonly job = 'delivery.secure_reminder_sweep' as const;
  constructor(private readonly sweep: SecureReminderSweep) {}

  async handle(): Promise<void> {
    await this.sweep.run();
  }
}

/** Registers the periodic sweep when the worker starts. */
@Injectable()
export class SecureReminderSweepSchedule implements OnApplicationBootstrap {
  constructor(private readonly jobs: JobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every('delivery.secure_reminder_sweep', {}, SECURE_REMINDER_SWEEP_EVERY_MS);
  }
}
