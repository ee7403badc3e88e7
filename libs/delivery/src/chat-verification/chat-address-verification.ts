import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  type ChatAddressVerifier,
  type ChatCodeChannel,
  type ChatSession,
  ChatSessionProof,
  invalidSession,
} from '@app/channels';
import { ConsentLedger } from '@app/consent';
import { type Contact, ContactMerge, ContactRepository } from '@app/contacts';
import { ConversationRepository, StaffEvents } from '@app/conversations';
import { KeyRingService } from '@app/crypto';
import { TenantDb, type TenantTx } from '@app/database';
import type { Actor } from '@app/observability';
import {
  DeliveryError,
  DeliveryErrorCode as E,
  emailSuppressed,
  noSenderChannel,
} from '../delivery.errors.js';
import { OneTimeCodeMessages } from '../dispatch/one-time-code-messages.js';
import { chatCodeHash, PORTAL_CODE_MINUTES } from '../dispatch/portal-codes.js';
import { type ContactAddress, GateFacts } from '../outbound/gate-facts.js';
import { PortalCodeRepository } from '../outbound/portal-codes.repository.js';
import { SenderChannels } from '../outbound/sender-channels.js';
import { ChatVerificationRepository, type LiveChatCode } from './chat-verification.repository.js';

/** Wrong codes after which a session can no longer verify (someone may be guessing). */
export const MAX_WRONG_CHAT_CODES = 5;
/**
 * Chat codes one address receives in CODES_TO_ADDRESS_WINDOW_MINUTES, from any number of chats:
 * whoever types someone's number cannot flood that phone with texts.
 */
export const MAX_CODES_TO_ADDRESS = 5;
export const CODES_TO_ADDRESS_WINDOW_MINUTES = 15;

const VISITOR: Actor = { type: 'patient', id: 'chat_visitor' };

interface SessionState {
  contactId: string;
  failures: number;
  locked: boolean;
}

type Outcome = 'verified' | 'wrong' | 'locked';

const invalidCode = () => new DeliveryError(E.InvalidCode, 'The code is not valid');
const verificationLocked = () =>
  new DeliveryError(E.VerificationLocked, 'Too many wrong codes: this chat can no longer verify an address');

/**
 * A chat visitor proves the phone or email they typed: a one-time code goes there through the
 * outbox and the delivery worker (which mints it at send time and keeps only its keyed hash, as
 * for the portal; STOP and suppression honoured at both ends), and comes back in the chat.
 * Proven, a claim joins the one contact that holds the address, and the session is proven for
 * it: staff replies asked for in the chat reach it there. Five wrong codes lock the session.
 */
@Injectable()
export class ChatAddressVerification implements ChatAddressVerifier {
  constructor(
    private readonly db: TenantDb,
    private readonly contacts: ContactRepository,
    private readonly conversations: ConversationRepository,
    private readonly gate: GateFacts,
    private readonly ledger: ConsentLedger,
    private readonly senders: SenderChannels,
    private readonly codeMessages: OneTimeCodeMessages,
    private readonly codes: PortalCodeRepository,
    private readonly verification: ChatVerificationRepository,
    private readonly keys: KeyRingService,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
    private readonly contactMerge: ContactMerge,
    private readonly sessionProof: ChatSessionProof,
  ) {}

  sendCode(session: ChatSession, channel: ChatCodeChannel): Promise<{ expiresInSeconds: number }> {
    return this.db.forTenant(session.tenantId, async (tx) => {
      const state = await this.lockSession(tx, session.id);
      if (state.locked) throw verificationLocked();
      const contact = await this.contacts.get(tx, state.contactId);
      const address = contact && (await this.addressOf(tx, contact, channel));
      if (!contact || !address)
        throw new DeliveryError(
          E.NoClaimedAddress,
          `The chat has no ${channel === 'sms' ? 'phone number' : 'email address'} to send a code to`,
        );
      const facts = await this.ledger.addressFacts(tx, contact.id, channel, address.index);
      if (facts.optedOut)
        throw new DeliveryError(E.RecipientOptedOut, 'The number opted out of text messages');
      if (facts.suppressed) throw emailSuppressed();
      await this.limitCodesTo(tx, channel, address.index);
      // The code is part of the visitor's own conversation (staff see it was sent, never the code).
      const conversation = await this.conversations.activeFor(tx, contact.id, 0);
      const sender = await this.senders.pick(tx, conversation.id, channel);
      if (!sender) throw noSenderChannel(channel);
      const messageId = await this.codeMessages.queue(
        tx,
        { chatSessionId: session.id },
        {
          conversationId: conversation.id,
          contactId: contact.id,
          senderChannelId: sender,
          channel,
          address: address.address,
          addressIndex: address.index,
          template: 'chat_code',
        },
      );
      this.audit.record(tx, {
        action: 'chat.code_sent',
        actor: VISITOR,
        target: { type: 'chat_session', id: session.id },
        metadata: { channel, contactId: contact.id, messageId },
      });
      return { expiresInSeconds: PORTAL_CODE_MINUTES * 60 };
    });
  }

  async confirm(session: ChatSession, code: string): Promise<void> {
    // Decided in one transaction that commits whatever the outcome (a wrong code counts).
    const outcome = await this.db.forTenant(session.tenantId, async (tx): Promise<Outcome> => {
      const state = await this.lockSession(tx, session.id);
      if (state.locked) return 'locked';
      const live = await this.verification.liveCodeForUpdate(tx, session.id);
      const cipher = await this.keys.forTenant(tx);
      if (!live || !chatCodeHash(cipher, session.id, code).equals(live.code_hash))
        return this.wrongCode(tx, session.id, state);
      const contact = await this.contacts.get(tx, state.contactId);
      const address = contact && (await this.addressOf(tx, contact, live.channel));
      // Staff changed the address since the code went out: it proves nothing about this chat.
      if (!contact || !address?.index.equals(live.to_address_bidx))
        return this.wrongCode(tx, session.id, state);
      await this.proven(tx, session.id, contact, live);
      return 'verified';
    });
    if (outcome === 'locked') throw verificationLocked();
    if (outcome === 'wrong') throw invalidCode();
  }

  /** The visitor holds the address: the code is spent, a claim joins its holder, the session is proven. */
  private async proven(tx: TenantTx, sessionId: string, contact: Contact, code: LiveChatCode): Promise<void> {
    await this.codes.markUsed(tx, code.id);
    const holder = contact.claimOf
      ? await this.contacts.soleHolderOf(tx, code.channel === 'sms' ? 'phone' : 'email', code.to_address_bidx)
      : null;
    if (holder) {
      const merged = await this.contactMerge.merge(tx, holder, contact.id);
      this.audit.record(tx, {
        action: 'contact.merged',
        actor: VISITOR,
        target: { type: 'contact', id: holder },
        metadata: {
          mergedContactId: contact.id,
          via: 'chat_verification',
          conversationsMoved: merged.conversationsMoved,
          messagesMoved: merged.messagesMoved,
          consentsCopied: merged.consentsCopied,
          foldedConversationId: merged.foldedConversationId,
        },
      });
    }
    const contactId = holder ?? contact.id;
    // After the merge (which takes proof from every session of both contacts): this one proved it.
    await this.sessionProof.addressVerified(tx, sessionId, contactId);
    this.audit.record(tx, {
      action: 'chat.address_verified',
      actor: VISITOR,
      target: { type: 'chat_session', id: sessionId },
      metadata: {
        channel: code.channel,
        contactId,
        joinedFrom: holder ? contact.id : null,
        // A claim whose address several contacts (or none) hold joins nobody: staff decide.
        unjoinedClaim: contact.claimOf !== null && holder === null,
      },
    });
    const conversationId = await this.verification.conversationOfMessage(tx, code.message_id);
    this.events.publishAfterCommit(tx, {
      type: 'chat.address_verified',
      conversationId,
      contactId,
      sessionId,
    });
  }

  private async wrongCode(tx: TenantTx, sessionId: string, state: SessionState): Promise<Outcome> {
    const failures = state.failures + 1;
    const locked = failures >= MAX_WRONG_CHAT_CODES;
    await this.sessionProof.verificationFailed(tx, sessionId, failures, locked);
    this.audit.record(tx, {
      action: 'chat.verify_failed',
      actor: VISITOR,
      outcome: 'failure',
      target: { type: 'chat_session', id: sessionId },
      metadata: { attempt: failures },
    });
    if (!locked) return 'wrong';
    await this.codeMessages.retire(tx, { chatSessionId: sessionId });
    this.audit.record(tx, {
      action: 'chat.verification_locked',
      actor: VISITOR,
      outcome: 'denied',
      target: { type: 'chat_session', id: sessionId },
      metadata: { contactId: state.contactId, failures },
    });
    // The attempt that locks is still just a wrong code to the visitor.
    return 'wrong';
  }

  /**
   * The address a code goes to: what a claim typed (kept apart, unindexed), else the contact's
   * own; normalized, with the blind index the consent gate and contacts use.
   */
  private addressOf(
    tx: TenantTx,
    contact: Contact,
    channel: ChatCodeChannel,
  ): Promise<ContactAddress | null> {
    const field = channel === 'sms' ? 'phone' : 'email';
    const raw = contact.claimReason ? (contact.claimed?.[field] ?? null) : contact[field];
    return this.gate.address(tx, channel, raw);
  }

  /** 429 once the address got its share of chat codes lately (counted under its address lock). */
  private async limitCodesTo(tx: TenantTx, channel: ChatCodeChannel, index: Buffer): Promise<void> {
    const recent = await this.verification.lockAndCountCodesTo(
      tx,
      channel,
      index,
      CODES_TO_ADDRESS_WINDOW_MINUTES,
    );
    if (recent >= MAX_CODES_TO_ADDRESS)
      throw new DeliveryError(
        E.CodesToAddressRateLimited,
        'Too many codes were sent to this address; try again later',
        { retryAfterSeconds: CODES_TO_ADDRESS_WINDOW_MINUTES * 60 },
      );
  }

  private async lockSession(tx: TenantTx, sessionId: string): Promise<SessionState> {
    const row = await this.verification.lockSession(tx, sessionId);
    if (!row) throw invalidSession();
    return { contactId: row.contact_id, failures: row.code_failures, locked: row.locked };
  }
}
