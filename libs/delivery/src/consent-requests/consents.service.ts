import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  type AddressBlocks,
  ConsentLedger,
  type ConsentRecord,
  type ConsentRequestRefusal,
  ConsentRequests,
  currentDisclosure,
  type DeliveryChannel,
  MAX_REQUESTS_PER_DAY,
  type SentConsentRequest,
} from '@app/consent';
import { ContactRepository } from '@app/contacts';
import { TenantDb, type TenantTx } from '@app/database';
import {
  contactNotFound,
  DeliveryError,
  DeliveryErrorCode,
  noReachableAddress,
  noSenderChannel,
} from '../delivery.errors.js';
import { type ContactAddress, GateFacts } from '../outbound/gate-facts.js';

/** Consent staff attest to: given verbally or in writing, on the address on file unless another is named. */
export interface AttestedConsent {
  channel: DeliveryChannel;
  address?: string;
  decision: 'granted' | 'declined';
  method: 'verbal_attested' | 'written_attested';
  attestation: string;
}

export interface StaffRevocation {
  channel: DeliveryChannel;
  address?: string;
  reason?: string;
}

/**
 * Staff's consent use cases for one contact, each in a transaction of its own: the ledger read
 * (audited), a QuickSend request, an attested record, a revocation, lifting an email suppression.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly db: TenantDb,
    private readonly ledger: ConsentLedger,
    private readonly requests: ConsentRequests,
    private readonly contacts: ContactRepository,
    private readonly gate: GateFacts,
    private readonly audit: AuditService,
  ) {}

  /**
   * Current consent per channel and address, the full history (newest first), and what blocks
   * the addresses on file whatever consent says (a standing opt-out or suppression).
   */
  ledgerOf(
    contactId: string,
  ): Promise<{ current: ConsentRecord[]; history: ConsentRecord[]; blocks: AddressBlocks }> {
    return this.db.transaction(async (tx) => {
      const contact = await this.contactOr404(tx, contactId);
      const [current, history, blocks] = await Promise.all([
        this.ledger.current(tx, contactId),
        this.ledger.history(tx, contactId),
        this.ledger.addressBlocks(tx, contact),
      ]);
      this.audit.record(tx, { action: 'consent.viewed', target: { type: 'contact', id: contactId } });
      return { current, history, blocks };
    });
  }

  request(contactId: string, channel: DeliveryChannel, userId: string): Promise<SentConsentRequest> {
    return this.db.transaction(async (tx) => {
      const sent = await this.requests.request(tx, contactId, channel, userId);
      if ('refused' in sent) throw refusalError(sent.refused, channel);
      return sent;
    });
  }

  recordAttested(contactId: string, consent: AttestedConsent, userId: string): Promise<ConsentRecord> {
    return this.db.transaction(async (tx) => {
      const { address } = await this.addressOf(tx, contactId, consent.channel, consent.address);
      const disclosure = currentDisclosure(consent.channel);
      return this.ledger.record(tx, {
        contactId,
        channel: consent.channel,
        address,
        decision: consent.decision,
        method: consent.method,
        actor: { type: 'user', id: userId },
        evidence: { attestation: consent.attestation },
        disclosure: { version: disclosure.version, hash: disclosure.hash },
      });
    });
  }

  revoke(contactId: string, revocation: StaffRevocation, userId: string): Promise<ConsentRecord> {
    return this.db.transaction(async (tx) => {
      const { address } = await this.addressOf(tx, contactId, revocation.channel, revocation.address);
      return this.ledger.record(tx, {
        contactId,
        channel: revocation.channel,
        address,
        decision: 'revoked',
        method: 'staff_revoked',
        actor: { type: 'user', id: userId },
        evidence: revocation.reason ? { attestation: revocation.reason } : undefined,
      });
    });
  }

  /** The contact's email address, no longer suppressed; 409 not_suppressed when it was not. */
  liftEmailSuppression(contactId: string): Promise<{ address: string }> {
    return this.db.transaction(async (tx) => {
      const target = await this.addressOf(tx, contactId, 'email');
      if (!(await this.ledger.liftEmailSuppression(tx, target.index, contactId)))
        throw new DeliveryError(
          DeliveryErrorCode.NotSuppressed,
          "The contact's email address is not suppressed",
        );
      return { address: target.address };
    });
  }

  private async contactOr404(tx: TenantTx, id: string) {
    const contact = await this.contacts.get(tx, id);
    if (!contact) throw contactNotFound();
    return contact;
  }

  /** The contact's address on file for the channel (with its blind index); a given one must be that address. */
  private async addressOf(
    tx: TenantTx,
    id: string,
    kind: DeliveryChannel,
    given?: string,
  ): Promise<ContactAddress> {
    const contact = await this.contactOr404(tx, id);
    const onFile = await this.gate.address(tx, kind, kind === 'sms' ? contact.phone : contact.email);
    if (!onFile) throw noReachableAddress();
    if (given !== undefined) {
      const asked = await this.gate.address(tx, kind, given);
      if (!asked)
        throw DeliveryError.validation([
          { path: 'address', message: `not a valid ${kind === 'sms' ? 'phone number' : 'email'}` },
        ]);
      if (asked.address !== onFile.address)
        throw new DeliveryError(
          DeliveryErrorCode.AddressNotOnContact,
          'Consent is recorded for the address on file; update the contact first',
        );
    }
    return onFile;
  }
}

/** A refusal as staff see it. */
function refusalError(refusal: ConsentRequestRefusal, channel: DeliveryChannel): DeliveryError {
  switch (refusal) {
    case 'contact_not_found':
      return contactNotFound();
    case 'no_reachable_address':
      return noReachableAddress();
    case 'recipient_opted_out':
      return new DeliveryError(
        DeliveryErrorCode.RecipientOptedOut,
        'The number opted out of text messages (STOP)',
      );
    case 'rate_limited':
      return new DeliveryError(
        DeliveryErrorCode.ConsentRequestRateLimited,
        `At most ${MAX_REQUESTS_PER_DAY} consent requests per contact and channel per day`,
      );
    case 'no_sender_channel':
      return noSenderChannel(channel);
    case 'already_requested':
      return new DeliveryError(
        DeliveryErrorCode.ConsentRequestLive,
        'A consent request to this contact is still live',
      );
  }
}
