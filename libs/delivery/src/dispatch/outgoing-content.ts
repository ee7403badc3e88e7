import { Inject, Injectable } from '@nestjs/common';
import {
  EmailChannels,
  type EmailChannelConfig,
  EmailThreads,
  type SmsChannel,
  SmsChannels,
} from '@app/channels';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { KeyRingService, TtlLruCache } from '@app/crypto';
import type { TenantTx } from '@app/database';
import { readPracticeSettings } from '@app/identity';
import type { DispatchMessage, OutboundRoute } from '../outbound/outbound-messages.js';
import { OutboundMessages } from '../outbound/outbound-messages.js';
import { type LinkToken, newLinkToken } from './link-tokens.js';
import { carriesOneTimeCode, newPortalCode, oneTimeCodeHash, PORTAL_CODE_MINUTES } from './portal-codes.js';
import { SYSTEM_TEXTS } from './system-texts.js';

export type SenderChannel =
  | { kind: 'sms'; channel: SmsChannel }
  | { kind: 'email'; id: string; config: EmailChannelConfig; apiKey: string };

/** Exactly what goes to the provider for one attempt. */
export interface Outgoing {
  route: OutboundRoute | 'system';
  text: string;
  /** Email only. */
  subject: string | null;
  replyTo: string | null;
  /** SMS only: our status webhook, naming our message id. */
  statusCallback: string | null;
}

const DAY_MS = 86_400_000;
const PRACTICE_CACHE_MS = 60_000;
const MAX_CACHED_PRACTICES = 10_000;

/**
 * Renders what a message sends on its route: the staff's text (plain), or a fixed PHI-free
 * template with a freshly minted link (secure notice, consent request) whose token is stored
 * only as a hash, in the same transaction that persists the attempt.
 */
@Injectable()
export class OutgoingContent {
  private readonly practices = new TtlLruCache<string, { name: string; secureLinkDays: number }>(
    PRACTICE_CACHE_MS,
    MAX_CACHED_PRACTICES,
  );

  constructor(
    private readonly smsChannels: SmsChannels,
    private readonly emailChannels: EmailChannels,
    private readonly threads: EmailThreads,
    private readonly outbound: OutboundMessages,
    private readonly keys: KeyRingService,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'PUBLIC_BASE_URL'>,
  ) {}

  /** The channel the message leaves from, with its credentials; null when it is gone. */
  async sender(tx: TenantTx, message: DispatchMessage): Promise<SenderChannel | null> {
    if (message.channel === 'sms') {
      const channel = await this.smsChannels.load(tx, message.senderChannelId);
      return channel ? { kind: 'sms', channel } : null;
    }
    const email = await this.emailChannels.sender(tx, message.senderChannelId);
    return email ? { kind: 'email', id: message.senderChannelId, ...email } : null;
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
    return {
      route,
      ...content,
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
      const unsubscribe = await this.storeUnsubscribeLink(tx, message);
      return {
        text: text + SYSTEM_TEXTS.unsubscribeFooter(practice.name, unsubscribe),
        subject: SYSTEM_TEXTS.plainEmailSubject(practice.name),
      };
    }
    if (carriesOneTimeCode(message.template)) {
      const code = await this.mintPortalCode(tx, message);
      if (!code) return null;
      if (message.template === 'chat_code')
        return sender.kind === 'sms'
          ? { text: SYSTEM_TEXTS.chatCodeSms(practice.name, code), subject: null }
          : SYSTEM_TEXTS.chatCodeEmail(practice.name, code);
      if (sender.kind === 'sms')
        return { text: SYSTEM_TEXTS.portalCodeSms(practice.name, code), subject: null };
      return SYSTEM_TEXTS.portalCodeEmail(practice.name, code);
    }
    // A secure notice or a consent request: a freshly minted link.
    const link = newLinkToken();
    if (route === 'secure_link') {
      await this.storeSecureLink(tx, message, link, practice.secureLinkDays);
      const url = `${this.config.PUBLIC_BASE_URL}/s/${link.token}`;
      if (sender.kind === 'sms')
        return { text: SYSTEM_TEXTS.secureNoticeSms(practice.name, url), subject: null };
      return SYSTEM_TEXTS.secureNoticeEmail(practice.name, url);
    }
    const live = await tx.execute(
      `UPDATE consent_requests SET token_hash = $3, message_id = $4
       WHERE tenant_id = $1 AND id = $2 AND status = 'live' AND expires_at > now()`,
      [tx.tenantId, message.consentRequestId, link.hash, message.id],
    );
    if (live === 0) return null;
    const url = `${this.config.PUBLIC_BASE_URL}/c/${link.token}`;
    if (sender.kind === 'sms')
      return { text: SYSTEM_TEXTS.consentRequestSms(practice.name, url), subject: null };
    return SYSTEM_TEXTS.consentRequestEmail(practice.name, url);
  }

  /** Hashes of every link token minted for this message (to recognise our own text at the provider). */
  async linkTokenHashes(tx: TenantTx, messageId: string): Promise<Buffer[]> {
    const rows = await tx.query<{ token_hash: Buffer }>(
      `SELECT token_hash FROM secure_links WHERE tenant_id = $1 AND message_id = $2
       UNION ALL
       SELECT token_hash FROM consent_requests WHERE tenant_id = $1 AND message_id = $2 AND token_hash IS NOT NULL`,
      [tx.tenantId, messageId],
    );
    return rows.map((r) => r.token_hash);
  }

  /**
   * Whether a text at the provider carries the one-time code last minted for this message (an SMS
   * has no id of ours; after a crash this is how the retry recognises the code it already sent).
   */
  async portalCodeMatcher(tx: TenantTx, messageId: string): Promise<(text: string) => boolean> {
    const [row] = await tx.query<{
      link_id: string | null;
      chat_session_id: string | null;
      code_hash: Buffer | null;
    }>(
      `SELECT link_id, chat_session_id, code_hash FROM portal_codes WHERE tenant_id = $1 AND message_id = $2`,
      [tx.tenantId, messageId],
    );
    if (!row?.code_hash) return () => false;
    const cipher = await this.keys.forTenant(tx);
    const hash = row.code_hash;
    return (text) => {
      const code = /\b(\d{6})\b/.exec(text)?.[1];
      return code !== undefined && oneTimeCodeHash(cipher, row, code).equals(hash);
    };
  }

  /**
   * The code is born here, when it is sent (so a retry sends a fresh one and the api never sees
   * it); only its keyed hash is stored. Null when the code is no longer wanted (the patient or chat
   * visitor asked for a newer one, or verified).
   */
  private async mintPortalCode(tx: TenantTx, message: DispatchMessage): Promise<string | null> {
    const [row] = await tx.query<{ id: string; link_id: string | null; chat_session_id: string | null }>(
      `SELECT id, link_id, chat_session_id FROM portal_codes
       WHERE tenant_id = $1 AND message_id = $2 AND used_at IS NULL`,
      [tx.tenantId, message.id],
    );
    if (!row) return null;
    const code = newPortalCode();
    const cipher = await this.keys.forTenant(tx);
    await tx.execute(
      `UPDATE portal_codes SET code_hash = $3, expires_at = now() + make_interval(mins => $4)
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, row.id, oneTimeCodeHash(cipher, row, code), PORTAL_CODE_MINUTES],
    );
    return code;
  }

  private async storeUnsubscribeLink(tx: TenantTx, message: DispatchMessage): Promise<string> {
    const link = newLinkToken();
    const cipher = await this.keys.forTenant(tx);
    await tx.execute(
      `INSERT INTO unsubscribe_links (id, tenant_id, contact_id, message_id, address_enc, address_bidx, token_hash)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)`,
      [
        tx.tenantId,
        message.contactId,
        message.id,
        cipher.encrypt('unsubscribe_links.address', message.address),
        message.addressIndex,
        link.hash,
      ],
    );
    return `${this.config.PUBLIC_BASE_URL}/u/${link.token}`;
  }

  private async storeSecureLink(
    tx: TenantTx,
    message: DispatchMessage,
    link: LinkToken,
    days: number,
  ): Promise<void> {
    const cipher = await this.keys.forTenant(tx);
    await tx.execute(
      `INSERT INTO secure_links (id, tenant_id, contact_id, message_id, channel, address_enc, address_bidx, token_hash, expires_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        tx.tenantId,
        message.contactId,
        message.id,
        message.channel,
        cipher.encrypt('secure_links.address', message.address),
        message.addressIndex,
        link.hash,
        new Date(Date.now() + days * DAY_MS),
      ],
    );
  }

  /** Name and link lifetime, cached briefly: they appear in every notice and change rarely. */
  private async practice(tx: TenantTx): Promise<{ name: string; secureLinkDays: number }> {
    const cached = this.practices.get(tx.tenantId);
    if (cached) return cached;
    const value = await this.readPractice(tx);
    this.practices.set(tx.tenantId, value);
    return value;
  }

  private async readPractice(tx: TenantTx): Promise<{ name: string; secureLinkDays: number }> {
    // Only the key needed (the settings may hold a logo), read by the practice settings' own rules.
    const [row] = await tx.query<{ name: string; settings: unknown }>(
      `SELECT name, jsonb_build_object('secureLinkDays', settings -> 'secureLinkDays') AS settings
       FROM practices WHERE id = $1`,
      [tx.tenantId],
    );
    return { name: row?.name ?? '', secureLinkDays: readPracticeSettings(row?.settings).secureLinkDays };
  }
}
