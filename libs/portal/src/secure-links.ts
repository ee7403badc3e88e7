import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ContactRepository } from '@app/contacts';
import { StaffEvents } from '@app/conversations';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import { OneTimeCodeMessages, PortalLinkRepository, portalCodeHash } from '@app/delivery';

/** Failed verifications after which a link is locked for good. */
export const MAX_FAILED_VERIFICATIONS = 5;

export interface SecureLink {
  id: string;
  contactId: string;
  messageId: string;
  conversationId: string;
  channelId: string;
  channel: 'sms' | 'email';
  addressEnc: Buffer;
  addressIndex: Buffer;
  /** usable; locked (too many failures); dead (expired, retracted: shown like an unknown link). */
  state: 'usable' | 'locked' | 'dead';
  failedAttempts: number;
}

export type VerifyOutcome =
  { kind: 'verified' } | { kind: 'failed'; remaining: number } | { kind: 'locked' } | { kind: 'no_code' };

/**
 * A secure-message link and its identity check: a one-time code sent (by the delivery workers)
 * to the very address the link went to, plus the date of birth when the practice asks for it
 * and it is on file. Five failures lock the link, tell staff and are audited.
 */
@Injectable()
export class SecureLinks {
  constructor(
    private readonly codeMessages: OneTimeCodeMessages,
    private readonly links: PortalLinkRepository,
    private readonly contacts: ContactRepository,
    private readonly keys: KeyRingService,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
  ) {}

  async load(tx: TenantTx, id: string, forUpdate = false): Promise<SecureLink | null> {
    const row = await this.links.secureLink(tx, id, forUpdate);
    if (!row) return null;
    return {
      id: row.id,
      contactId: row.contact_id,
      messageId: row.message_id,
      conversationId: row.conversation_id,
      channelId: row.channel_id,
      channel: row.channel,
      addressEnc: row.address_enc,
      addressIndex: row.address_bidx,
      state: row.dead ? 'dead' : row.locked ? 'locked' : 'usable',
      failedAttempts: row.failed_attempts,
    };
  }

  /**
   * The date of birth the identity check also asks for: the link's own contact's (a sibling's
   * on a shared phone does not pass), when the practice requires it and one is on file; else null.
   */
  async expectedDateOfBirth(tx: TenantTx, link: SecureLink, required: boolean): Promise<string | null> {
    if (!required) return null;
    return (await this.contacts.get(tx, link.contactId))?.dateOfBirth || null;
  }

  /** A code was asked for within its lifetime (the code form is shown). */
  hasLiveCode(tx: TenantTx, link: SecureLink): Promise<boolean> {
    return this.links.hasLiveCode(tx, link.id);
  }

  /** Queues a code to the address the link went to (minted by the worker); earlier unused codes stop counting. */
  async sendCode(tx: TenantTx, link: SecureLink): Promise<void> {
    const address = await this.links.secureLinkAddress(tx, link.addressEnc);
    const messageId = await this.codeMessages.queue(
      tx,
      { linkId: link.id },
      {
        conversationId: link.conversationId,
        contactId: link.contactId,
        senderChannelId: link.channelId,
        channel: link.channel,
        address,
        addressIndex: link.addressIndex,
        template: 'portal_code',
      },
    );
    this.audit.record(tx, {
      action: 'secure_link.code_sent',
      target: { type: 'secure_link', id: link.id },
      metadata: { channel: link.channel, messageId },
    });
  }

  /** Checks a code (and date of birth); the caller commits whatever the outcome. */
  async verify(
    tx: TenantTx,
    link: SecureLink,
    input: { code: string; dateOfBirth: string | null; requireDateOfBirth: boolean },
  ): Promise<VerifyOutcome> {
    if (link.state === 'locked') return { kind: 'locked' };
    const live = await this.links.liveCodeForUpdate(tx, link.id);
    if (!live) return { kind: 'no_code' };
    const cipher = await this.keys.forTenant(tx);
    const codeOk = portalCodeHash(cipher, link.id, input.code).equals(live.code_hash);
    const expected = await this.expectedDateOfBirth(tx, link, input.requireDateOfBirth);
    const dobOk = expected === null || expected === input.dateOfBirth;
    if (codeOk && dobOk) {
      await this.links.codeAccepted(tx, link.id, live.id);
      this.audit.record(tx, {
        action: 'secure_link.verified',
        target: { type: 'secure_link', id: link.id },
        metadata: { contactId: link.contactId },
      });
      return { kind: 'verified' };
    }
    const failed = link.failedAttempts + 1;
    const locked = failed >= MAX_FAILED_VERIFICATIONS;
    await this.links.verificationFailed(tx, link.id, failed, locked);
    this.audit.record(tx, {
      action: 'secure_link.verify_failed',
      outcome: 'failure',
      target: { type: 'secure_link', id: link.id },
      metadata: { attempt: failed, codeMatched: codeOk },
    });
    if (!locked) return { kind: 'failed', remaining: MAX_FAILED_VERIFICATIONS - failed };
    await this.codeMessages.retire(tx, { linkId: link.id });
    this.audit.record(tx, {
      action: 'secure_link.locked',
      outcome: 'denied',
      target: { type: 'secure_link', id: link.id },
      metadata: { messageId: link.messageId, conversationId: link.conversationId, failures: failed },
    });
    this.events.publishAfterCommit(tx, {
      type: 'secure_link.locked',
      conversationId: link.conversationId,
      messageId: link.messageId,
      linkId: link.id,
    });
    return { kind: 'locked' };
  }

  /** The patient opened the link (before any verification). */
  opened(tx: TenantTx, link: SecureLink, verifiedSession: boolean): void {
    this.audit.record(tx, {
      action: 'secure_link.opened',
      outcome: link.state === 'usable' ? 'success' : 'denied',
      target: { type: 'secure_link', id: link.id },
      metadata: { state: link.state, session: verifiedSession },
    });
  }
}
