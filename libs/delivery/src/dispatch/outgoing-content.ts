import { Inject, Injectable } from '@nestjs/common';
import { type EmailReplyHeaders, EmailThreads } from '@app/channels';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { TtlLruCache } from '@app/crypto';
import type { TenantTx } from '@app/database';
import { practiceSettingsFor } from '@app/identity';
import type { DispatchMessage } from '../outbound/dispatch-read.js';
import { OutboundMessages, type OutboundRoute } from '../outbound/outbound-messages.js';
import { isWithinWindow } from '../reminders/reminder-window.js';
import { SecureReminderRepository } from '../reminders/secure-reminders.repository.js';
import { newLinkToken } from './link-tokens.js';
import { OutgoingLinks } from './outgoing-links.repository.js';
import { carriesOneTimeCode } from './portal-codes.js';
import type { SenderChannel } from './sender-credentials.js';
import { SYSTEM_TEXTS } from './system-texts.js';

/** Exactly what goes to the provider for one attempt. */
export interface Outgoing {
  route: OutboundRoute | 'system';
  text: string;
  /** Email only. */
  subject: string | null;
  replyTo: string | null;
  /**
   * Email only: In-Reply-To/References of the patient's last email of the conversation (staff's
   * messages), or `Auto-Submitted: auto-replied` (an auto-reply, RFC 3834); null: none.
   */
  headers: EmailReplyHeaders | typeof AUTO_REPLY_HEADERS | null;
  /** SMS only: our status webhook, naming our message id. */
  statusCallback: string | null;
}

/** What an auto-reply email says of itself (RFC 3834), so the patient's own autoresponder does not answer it. */
export const AUTO_REPLY_HEADERS = { 'Auto-Submitted': 'auto-replied' } as const;

const PRACTICE_CACHE_MS = 60_000;
const MAX_CACHED_PRACTICES = 10_000;

/** What a notice needs of its practice. */
interface NoticePractice {
  name: string;
  secureLinkDays: number;
  /** Reminders of an unopened secure message: how many (0: none) and after how long. */
  secureReminderMax: number;
  secureReminderDelayHours: number;
  /** The local hours a reminder may go out in. */
  reminderWindow: { timeZone: string; startHour: number; endHour: number };
}

/**
 * Renders what a message sends on its route: the staff's text (plain), or a fixed PHI-free
 * template with a freshly minted link (secure notice, consent request) or one-time code, whose
 * token is stored only as a hash (`OutgoingLinks`), in the same transaction that persists the
 * attempt.
 */
@Injectable()
export class OutgoingContent {
  private readonly practices = new TtlLruCache<string, NoticePractice>(
    PRACTICE_CACHE_MS,
    MAX_CACHED_PRACTICES,
  );

  constructor(
    private readonly threads: EmailThreads,
    private readonly outbound: OutboundMessages,
    private readonly links: OutgoingLinks,
    private readonly reminders: SecureReminderRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'PUBLIC_BASE_URL'>,
  ) {}

  /**
   * Whether a reminder may go out at `at`: inside the practice's reminder hours. The sweep
   * enqueues only inside them; a reminder whose send slipped past them (retries, a backlog) is
   * asked again here, at send time.
   */
  async inReminderHours(tx: TenantTx, at: Date): Promise<boolean> {
    return isWithinWindow(at, (await this.practice(tx)).reminderWindow);
  }

  /** Null when a consent request is no longer live or a code no longer wanted (nothing to send). */
  async render(
    tx: TenantTx,
    message: DispatchMessage,
    route: OutboundRoute | 'system',
    sender: SenderChannel,
  ): Promise<Outgoing | null> {
    const content = await this.content(tx, message, route, sender);
    if (!content) return null;
    // Staff's messages (plain or the secure notice) thread under the patient's last email in their
    // mail client; the subject stays the fixed, PHI-free one (never the patient's own subject).
    const headers =
      sender.kind !== 'email'
        ? null
        : route !== 'system'
          ? await this.threads.replyHeaders(tx, message.conversationId)
          : message.template === 'auto_reply'
            ? AUTO_REPLY_HEADERS
            : null;
    return {
      route,
      ...content,
      subject: headers && route !== 'system' && content.subject ? `Re: ${content.subject}` : content.subject,
      headers,
      statusCallback:
        sender.kind === 'sms'
          ? `${this.config.PUBLIC_BASE_URL}/webhooks/twilio/${sender.channel.id}/status?messageId=${message.id}`
          : null,
      // Issued only for an email that goes out: the patient's answer threads into this conversation.
      replyTo:
        sender.kind === 'email'
          ? await this.threads.issueReplyAddress(
              tx,
              { id: sender.id, inboundAddress: sender.config.inboundAddress },
              message.conversationId,
            )
          : null,
    };
  }

  /** The text (and an email's subject) on this route; null when there is nothing to send. */
  private async content(
    tx: TenantTx,
    message: DispatchMessage,
    route: OutboundRoute | 'system',
    sender: SenderChannel,
  ): Promise<{ text: string; subject: string | null } | null> {
    const practice = await this.practice(tx);
    if (route === 'plain') {
      const text = await this.outbound.body(tx, message);
      if (sender.kind === 'sms') return { text, subject: null };
      // Every plain PHI email carries a one-click "stop unencrypted email" link (/u/:token).
      const unsubscribe = newLinkToken();
      await this.links.storeUnsubscribeLink(tx, message, unsubscribe);
      const url = `${this.config.PUBLIC_BASE_URL}/u/${unsubscribe.token}`;
      return {
        text: text + SYSTEM_TEXTS.unsubscribeFooter(practice.name, url),
        subject: SYSTEM_TEXTS.plainEmailSubject(practice.name),
      };
    }
    if (message.template === 'auto_reply') {
      // Rendered from the practice's PHI-free template when it was queued, and stored as sent.
      const text = await this.outbound.body(tx, message);
      return {
        text,
        subject: sender.kind === 'email' ? SYSTEM_TEXTS.autoReplyEmailSubject(practice.name) : null,
      };
    }
    if (carriesOneTimeCode(message.template)) {
      const code = await this.links.mintOneTimeCode(tx, message);
      if (!code) return null;
      if (message.template === 'chat_code')
        return sender.kind === 'sms'
          ? { text: SYSTEM_TEXTS.chatCodeSms(practice.name, code), subject: null }
          : SYSTEM_TEXTS.chatCodeEmail(practice.name, code);
      if (sender.kind === 'sms')
        return { text: SYSTEM_TEXTS.portalCodeSms(practice.name, code), subject: null };
      return SYSTEM_TEXTS.portalCodeEmail(practice.name, code);
    }
    // A secure notice, its reminder or a consent request: a freshly minted link.
    const link = newLinkToken();
    if (message.template === 'secure_reminder') {
      // A fresh link to the message reminded of; nothing to send once it was read or retracted.
      const secureMessageId = await this.reminders.unreadRemindedBy(tx, message.id);
      if (!secureMessageId) return null;
      await this.links.storeSecureLink(tx, message, link, practice.secureLinkDays, secureMessageId);
      const url = `${this.config.PUBLIC_BASE_URL}/s/${link.token}`;
      if (sender.kind === 'sms')
        return { text: SYSTEM_TEXTS.secureReminderSms(practice.name, url), subject: null };
      return SYSTEM_TEXTS.secureReminderEmail(practice.name, url);
    }
    if (route === 'secure_link') {
      await this.links.storeSecureLink(tx, message, link, practice.secureLinkDays);
      // Its reminders start with the notice (a retried attempt keeps the first due time).
      if (practice.secureReminderMax > 0)
        await this.reminders.start(tx, message.id, message.conversationId, practice.secureReminderDelayHours);
      const url = `${this.config.PUBLIC_BASE_URL}/s/${link.token}`;
      if (sender.kind === 'sms')
        return { text: SYSTEM_TEXTS.secureNoticeSms(practice.name, url), subject: null };
      return SYSTEM_TEXTS.secureNoticeEmail(practice.name, url);
    }
    if (!(await this.links.attachConsentRequestToken(tx, message, link))) return null;
    const url = `${this.config.PUBLIC_BASE_URL}/c/${link.token}`;
    if (sender.kind === 'sms')
      return { text: SYSTEM_TEXTS.consentRequestSms(practice.name, url), subject: null };
    return SYSTEM_TEXTS.consentRequestEmail(practice.name, url);
  }

  /** Name, link lifetime and reminders, cached briefly: they appear in every notice and change rarely. */
  private async practice(tx: TenantTx): Promise<NoticePractice> {
    const cached = this.practices.get(tx.tenantId);
    if (cached) return cached;
    const value = await this.readPractice(tx);
    this.practices.set(tx.tenantId, value);
    return value;
  }

  private async readPractice(tx: TenantTx): Promise<NoticePractice> {
    const { name, settings } = await practiceSettingsFor(tx, [
      'secureLinkDays',
      'secureReminderMax',
      'secureReminderDelayHours',
      'timeZone',
      'reminderWindowStartHour',
      'reminderWindowEndHour',
    ]);
    return {
      name,
      secureLinkDays: settings.secureLinkDays,
      secureReminderMax: settings.secureReminderMax,
      secureReminderDelayHours: settings.secureReminderDelayHours,
      reminderWindow: {
        timeZone: settings.timeZone,
        startHour: settings.reminderWindowStartHour,
        endHour: settings.reminderWindowEndHour,
      },
    };
  }
}
