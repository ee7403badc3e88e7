import { Inject, Injectable } from '@nestjs/common';
import {
  EmailChannels,
  type EmailChannelConfig,
  EmailThreads,
  type SmsChannel,
  SmsChannels,
} from '@app/channels';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import type { DispatchMessage, OutboundRoute } from '../outbound/outbound-messages.js';
import { OutboundMessages } from '../outbound/outbound-messages.js';
import type { LinkToken } from './link-tokens.js';
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

export const SECURE_LINK_DAYS_SETTING = 'secureLinkDays';
export const DEFAULT_SECURE_LINK_DAYS = 14;
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
  private readonly practices = new Map<
    string,
    { value: { name: string; secureLinkDays: number }; until: number }
  >();

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

  /** Null when a consent request is no longer live (nothing to send). */
  async render(
    tx: TenantTx,
    message: DispatchMessage,
    route: OutboundRoute | 'system',
    sender: SenderChannel,
    link: LinkToken,
  ): Promise<Outgoing | null> {
    const practice = await this.practice(tx);
    const statusCallback =
      sender.kind === 'sms'
        ? `${this.config.PUBLIC_BASE_URL}/webhooks/twilio/${sender.channel.id}/status?messageId=${message.id}`
        : null;
    const replyTo =
      sender.kind === 'email'
        ? await this.threads.issueReplyAddress(
            tx,
            { id: sender.id, inboundAddress: sender.config.inboundAddress },
            message.conversationId,
          )
        : null;
    const base = { route, replyTo, statusCallback };

    if (route === 'plain') {
      const text = await this.outbound.body(tx, message);
      return {
        ...base,
        text,
        subject: sender.kind === 'email' ? SYSTEM_TEXTS.plainEmailSubject(practice.name) : null,
      };
    }
    if (route === 'secure_link') {
      await this.storeSecureLink(tx, message, link, practice.secureLinkDays);
      const url = `${this.config.PUBLIC_BASE_URL}/s/${link.token}`;
      if (sender.kind === 'sms')
        return { ...base, text: SYSTEM_TEXTS.secureNoticeSms(practice.name, url), subject: null };
      return { ...base, ...SYSTEM_TEXTS.secureNoticeEmail(practice.name, url) };
    }
    const live = await tx.execute(
      `UPDATE consent_requests SET token_hash = $3, message_id = $4
       WHERE tenant_id = $1 AND id = $2 AND status = 'live' AND expires_at > now()`,
      [tx.tenantId, message.consentRequestId, link.hash, message.id],
    );
    if (live === 0) return null;
    const url = `${this.config.PUBLIC_BASE_URL}/c/${link.token}`;
    if (sender.kind === 'sms')
      return { ...base, text: SYSTEM_TEXTS.consentRequestSms(practice.name, url), subject: null };
    return { ...base, ...SYSTEM_TEXTS.consentRequestEmail(practice.name, url) };
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

  /** Links minted by an attempt that never reached the provider die with it. */
  async retractLinks(tx: TenantTx, messageId: string): Promise<void> {
    await tx.execute(
      `UPDATE secure_links SET retracted_at = now() WHERE tenant_id = $1 AND message_id = $2 AND retracted_at IS NULL`,
      [tx.tenantId, messageId],
    );
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
    if (cached && cached.until > Date.now()) return cached.value;
    const value = await this.readPractice(tx);
    if (this.practices.size >= MAX_CACHED_PRACTICES) this.practices.clear();
    this.practices.set(tx.tenantId, { value, until: Date.now() + PRACTICE_CACHE_MS });
    return value;
  }

  private async readPractice(tx: TenantTx): Promise<{ name: string; secureLinkDays: number }> {
    const [row] = await tx.query<{ name: string; days: unknown }>(
      `SELECT name, settings -> '${SECURE_LINK_DAYS_SETTING}' AS days FROM practices WHERE id = $1`,
      [tx.tenantId],
    );
    const days = row?.days;
    return {
      name: row?.name ?? '',
      secureLinkDays:
        typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 90
          ? days
          : DEFAULT_SECURE_LINK_DAYS,
    };
  }
}
