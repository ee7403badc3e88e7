import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ContactRepository } from '@app/contacts';
import type { TenantTx } from '@app/database';
import type { Actor } from '@app/observability';
import { lockAddressForChange } from '../address-lock.js';
import { ConsentLedger, type RecordConsentInput } from '../consent-ledger.js';
import { currentDisclosure, findDisclosure } from '../disclosures.js';
import type { DeliveryChannel } from '../reply-gate.js';
import { ConsentRequestSenders, type IndexedAddress } from './consent-request-sender.js';
import { ConsentRequestRepository } from './consent-request.repository.js';

export const CONSENT_REQUEST_DAYS = 7;
/** Requests per contact and channel per rolling day: staff cannot spam a patient. */
export const MAX_REQUESTS_PER_DAY = 3;
const DAY_MS = 86_400_000;

export type SmsAnswerOutcome =
  'recorded_granted' | 'recorded_declined' | 'no_live_request' | 'ambiguous' | 'not_delivered';

/** Why no request went out (staff get it as an error; a web form only records it). */
export type ConsentRequestRefusal =
  | 'contact_not_found'
  | 'no_reachable_address'
  | 'recipient_opted_out'
  | 'rate_limited'
  | 'no_sender_channel'
  | 'already_requested';

export interface SentConsentRequest {
  requestId: string;
  expiresAt: Date;
  messageId: string;
}

/** Who asked: a staff user, or the ticked box of a web form (the request names the submission). */
type RequestOrigin =
  { kind: 'staff'; userId: string } | { kind: 'form'; formSubmissionId: string; actor: Actor };

/**
 * QuickSend consent requests: a PHI-free request by SMS (reply YES/NO, or the link) or email
 * (the link), one live request per contact and channel, expiring after 7 days. An SMS YES/NO
 * counts only as the answer to a live request the carrier delivered to that same number. A web
 * form's consent box asks the same way (double opt-in): the box is the intent, the answer from
 * the address is the consent.
 */
@Injectable()
export class ConsentRequests {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly ledger: ConsentLedger,
    private readonly senders: ConsentRequestSenders,
    private readonly consentRequests: ConsentRequestRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Staff ask: a live request of the contact on this channel is superseded. A refusal is the
   * caller's to turn into its error (inside this transaction, so nothing of the attempt stays).
   */
  request(
    tx: TenantTx,
    contactId: string,
    channel: DeliveryChannel,
    requestedBy: string,
  ): Promise<SentConsentRequest | { refused: ConsentRequestRefusal }> {
    return this.send(tx, contactId, channel, { kind: 'staff', userId: requestedBy });
  }

  /**
   * A web form's consent box was ticked for the contact's address: the request goes to that
   * address, which alone can grant. Never supersedes a live request (a form post, anonymous,
   * must not re-send one) and never throws for the address's state: the poster learns nothing
   * (opted out, no sender); the outcome is for the audit trail.
   */
  async requestForForm(
    tx: TenantTx,
    contactId: string,
    channel: DeliveryChannel,
    formSubmissionId: string,
    actor: Actor,
  ): Promise<SentConsentRequest | { refused: ConsentRequestRefusal }> {
    return this.send(tx, contactId, channel, { kind: 'form', formSubmissionId, actor });
  }

  private async send(
    tx: TenantTx,
    contactId: string,
    channel: DeliveryChannel,
    origin: RequestOrigin,
  ): Promise<SentConsentRequest | { refused: ConsentRequestRefusal }> {
    const contact = await this.contacts.get(tx, contactId);
    if (!contact) return { refused: 'contact_not_found' };
    const address = await this.address(tx, channel, channel === 'sms' ? contact.phone : contact.email);
    if (!address) return { refused: 'no_reachable_address' };
    // Serializes requests for this contact (the rate limit and the one-live rule are read-then-write).
    await this.consentRequests.lockContactChannel(tx, contactId, channel);
    if (channel === 'sms' && (await this.ledger.isSmsOptedOut(tx, address.address)))
      return { refused: 'recipient_opted_out' };
    if ((await this.consentRequests.countSentToday(tx, contactId, channel)) >= MAX_REQUESTS_PER_DAY)
      return { refused: 'rate_limited' };
    if (origin.kind === 'form' && (await this.consentRequests.hasLive(tx, contactId, channel)))
      return { refused: 'already_requested' };

    const sender = this.senders.get();
    const route = await sender.routeFor(tx, contactId, channel);
    if (!route) return { refused: 'no_sender_channel' };

    const superseded = await this.consentRequests.supersedeLive(tx, contactId, channel);
    const requestId = randomUUID();
    const expiresAt = new Date(Date.now() + CONSENT_REQUEST_DAYS * DAY_MS);
    const requestedBy = origin.kind === 'staff' ? origin.userId : null;
    const formSubmissionId = origin.kind === 'form' ? origin.formSubmissionId : null;
    await this.consentRequests.insertLive(tx, {
      id: requestId,
      contactId,
      channel,
      address,
      disclosureVersion: currentDisclosure(channel).version,
      requestedBy,
      expiresAt,
      formSubmissionId,
    });
    const { messageId } = await sender.queue(tx, route, {
      consentRequestId: requestId,
      contactId,
      channel,
      address,
      requestedBy,
    });
    this.audit.record(tx, {
      action: 'consent.requested',
      ...(origin.kind === 'form' ? { actor: origin.actor } : {}),
      target: { type: 'contact', id: contactId },
      metadata: {
        channel,
        consentRequestId: requestId,
        messageId,
        superseded,
        ...(formSubmissionId ? { formSubmissionId } : {}),
      },
    });
    return { requestId, expiresAt, messageId };
  }

  /**
   * A bare YES / NO from `phone`. It answers the live, unexpired request sent to this number when
   * exactly one contact has one, and only once the carrier confirmed delivering it: the answer
   * records consent under that request's disclosure, which the patient must have received
   * (invariant 1). A request whose message failed is no longer live (the messages trigger of
   * migration ConsentDoubleOptIn); one not confirmed yet records nothing (its link still works).
   */
  async answerBySms(
    tx: TenantTx,
    phone: string,
    answer: 'granted' | 'declined',
    inboundMessageId: string,
  ): Promise<SmsAnswerOutcome> {
    const address = await this.address(tx, 'sms', phone);
    if (!address) return 'no_live_request';
    // Before touching any request row: a concurrent send of a request to this number finishes first.
    await lockAddressForChange(tx, 'sms', address.index);
    const live = await this.consentRequests.liveSmsRequestsToForUpdate(tx, address.index);
    if (live.length === 0) return 'no_live_request';
    if (new Set(live.map((r) => r.contact_id)).size > 1) {
      this.audit.record(tx, {
        action: 'consent.answer_ambiguous',
        target: { type: 'message', id: inboundMessageId },
        metadata: { requests: live.length },
      });
      return 'ambiguous';
    }
    const request = live[0]!;
    if (!request.delivered) {
      this.audit.record(tx, {
        action: 'consent.answer_not_delivered',
        target: { type: 'message', id: inboundMessageId },
        metadata: { consentRequestId: request.id },
      });
      return 'not_delivered';
    }
    await this.recordAnswer(
      tx,
      {
        id: request.id,
        contactId: request.contact_id,
        channel: 'sms',
        disclosureVersion: request.disclosure_version,
      },
      address.address,
      answer,
      { method: 'sms_keyword', inboundMessageId },
    );
    return answer === 'granted' ? 'recorded_granted' : 'recorded_declined';
  }

  /**
   * The patient's answer to a live request (the caller holds its row): a consent record under
   * the disclosure the request showed, and the request closed, together. By text (YES/NO) or on
   * the consent page. A request a web form's box led to names that submission in the evidence:
   * the intent, confirmed now from the address.
   */
  async recordAnswer(
    tx: TenantTx,
    request: { id: string; contactId: string; channel: DeliveryChannel; disclosureVersion: string },
    address: string,
    decision: 'granted' | 'declined',
    how: Pick<RecordConsentInput, 'method' | 'inboundMessageId' | 'evidence'>,
  ): Promise<void> {
    const { formSubmissionId } = await this.consentRequests.markAnswered(tx, request.id, decision);
    const evidence = formSubmissionId ? { ...how.evidence, formSubmissionId } : how.evidence;
    const disclosure = findDisclosure(request.disclosureVersion) ?? currentDisclosure(request.channel);
    await this.ledger.record(tx, {
      contactId: request.contactId,
      channel: request.channel,
      address,
      decision,
      ...how,
      evidence,
      actor: { type: 'patient', id: request.contactId },
      consentRequestId: request.id,
      disclosure: { version: disclosure.version, hash: disclosure.hash },
    });
  }

  /**
   * The number opted out (a STOP keyword, or the provider saying so: Twilio 21610): recorded for
   * the practice, every PHI consent on it revoked (siblings sharing it too), and live SMS
   * requests to it cancelled, so a later YES counts for nothing.
   */
  async optOutNumber(
    tx: TenantTx,
    phone: string,
    origin: { source: 'keyword'; keyword: string; inboundMessageId: string } | { source: 'provider' },
  ): Promise<void> {
    const address = await this.address(tx, 'sms', phone);
    if (!address) return;
    const inboundMessageId = origin.source === 'keyword' ? origin.inboundMessageId : undefined;
    await this.ledger.recordSmsOptOut(tx, {
      phone: address.address,
      action: 'opt_out',
      source: origin.source,
      keyword: origin.source === 'keyword' ? origin.keyword : undefined,
      inboundMessageId,
    });
    await this.ledger.revokeAddress(
      tx,
      'sms',
      address.address,
      origin.source === 'keyword' ? 'opt_out_keyword' : 'provider_opt_out',
      { inboundMessageId },
    );
    await this.consentRequests.cancelLiveSmsTo(tx, address.index);
  }

  /**
   * The link token of the request's message, minted when the message is sent (the `/c/` page
   * finds the request by its hash), if the request is still live (false: superseded, answered,
   * cancelled or expired: the message must not go).
   */
  attachToken(tx: TenantTx, requestId: string, tokenHash: Buffer, messageId: string): Promise<boolean> {
    return this.consentRequests.attachToken(tx, requestId, tokenHash, messageId);
  }

  /** Normalized address + blind index, or null when the value is not a valid phone / email. */
  private async address(
    tx: TenantTx,
    channel: DeliveryChannel,
    raw: string | null,
  ): Promise<IndexedAddress | null> {
    const address = raw ? this.ledger.normalize(channel, raw) : null;
    if (!address) return null;
    return { address, index: await this.ledger.addressIndex(tx, channel, address) };
  }
}
