import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import { EMAIL_REF_INDEX_FIELD, EmailThreadRepository } from './email-thread.repository.js';

/** A Message-ID we send back verbatim: visible ASCII only (no line break can smuggle a header), no brackets. */
const SENDABLE_MESSAGE_ID = /^[\x21-\x3b\x3d\x3f-\x7e]{1,900}$/;

export type EmailReplyHeaders = {
  'In-Reply-To': string;
  References: string;
};

/** `reply+<40 lower-case hex>@domain`: 160 random bits, lower-case so MTAs that fold case keep it. */
const REPLY_LOCAL_PART = /^reply\+([0-9a-f]{40})$/;

/**
 * How an inbound email finds its conversation before the sender is consulted:
 * 1. a per-conversation reply address (`reply+<token>@<inbound domain>`): the token is random,
 *    carries nothing about the patient and is stored only as its SHA-256, scoped to the tenant,
 *    so it cannot be guessed nor point into another practice;
 * 2. In-Reply-To / References naming a Message-ID of the conversation (stored as keyed blind
 *    indexes, never the header itself).
 */
@Injectable()
export class EmailThreads {
  constructor(
    private readonly threads: EmailThreadRepository,
    private readonly keys: KeyRingService,
  ) {}

  /** A new reply address for an outbound email of `conversationId` (delivery uses it as Reply-To). */
  async issueReplyAddress(
    tx: TenantTx,
    channel: { id: string; inboundAddress: string },
    conversationId: string,
  ): Promise<string> {
    const token = randomBytes(20).toString('hex');
    await this.threads.insertReplyToken(tx, {
      hash: sha256(token),
      channelId: channel.id,
      conversationId,
    });
    return `reply+${token}@${domainOf(channel.inboundAddress)}`;
  }

  /** The conversation named by a reply address among the recipients (only at this channel's domain). */
  async byReplyAddress(
    tx: TenantTx,
    channel: { id: string; inboundAddress: string },
    recipients: readonly string[],
  ): Promise<string | null> {
    const domain = domainOf(channel.inboundAddress);
    const hashes = recipients
      .map((address) => address.toLowerCase().split('@'))
      .filter((parts) => parts.length === 2 && parts[1] === domain)
      .map((parts) => REPLY_LOCAL_PART.exec(parts[0]!)?.[1])
      .filter((token): token is string => token !== undefined)
      .map(sha256);
    if (hashes.length === 0) return null;
    return this.threads.conversationByReplyTokens(tx, channel.id, hashes);
  }

  /** The conversation of the newest referenced Message-ID we know (refs are newest first). */
  async byReferences(tx: TenantTx, refs: readonly string[]): Promise<string | null> {
    if (refs.length === 0) return null;
    return this.threads.conversationByReferences(tx, refs);
  }

  /** Remembers a stored email's Message-ID so replies to it thread here. */
  async recordMessageId(
    tx: TenantTx,
    messageIdHeader: string,
    stored: { messageId: string; conversationId: string },
  ): Promise<void> {
    await this.threads.insertMessageRef(tx, messageIdHeader, stored);
  }

  /**
   * The headers that thread our email under the patient's last email of the conversation in
   * their mail client (In-Reply-To and References naming its Message-ID); null when the patient
   * never emailed in it (or their Message-ID is not one we can send back safely).
   */
  async replyHeaders(tx: TenantTx, conversationId: string): Promise<EmailReplyHeaders | null> {
    const messageId = await this.threads.latestInboundMessageId(tx, conversationId);
    if (!messageId || !SENDABLE_MESSAGE_ID.test(messageId)) return null;
    return { 'In-Reply-To': `<${messageId}>`, References: `<${messageId}>` };
  }

  /**
   * The provider id an inbound email is deduplicated on: a keyed index of its Message-ID (or of
   * the whole post when it has none), so the store never holds the header or the content.
   */
  async providerMessageId(
    tx: TenantTx,
    email: { messageId: string | null; fingerprint: string },
  ): Promise<string> {
    const cipher = await this.keys.forTenant(tx);
    return email.messageId
      ? `mid:${cipher.blindIndex(EMAIL_REF_INDEX_FIELD, email.messageId).toString('hex')}`
      : `sha:${cipher.blindIndex('email.fingerprint', sha256(email.fingerprint).toString('hex')).toString('hex')}`;
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function domainOf(address: string): string {
  return (address.split('@')[1] ?? '').toLowerCase();
}
