import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  ConsentLedger,
  ConsentRequestRepository,
  ConsentRequests,
  currentDisclosure,
  type Disclosure,
  findDisclosure,
} from '@app/consent';
import { type TenantTx } from '@app/database';
import { requestContext } from '@app/observability';
import { PortalLinkRepository } from '@app/delivery';

export interface ConsentRequestView {
  id: string;
  contactId: string;
  channel: 'sms' | 'email';
  /** live: may be answered; answered: shows the recorded answer; dead: the neutral page. */
  state: 'live' | 'answered' | 'dead';
  answer: 'granted' | 'declined' | null;
  disclosure: Disclosure;
}

/**
 * The consent page (`/c/:token`, QuickSend) and the "stop unencrypted email" page (`/u/:token`).
 * Answers are recorded in the consent ledger with the disclosure version and hash shown, the
 * client's address and user agent; a second submit changes nothing.
 */
@Injectable()
export class ConsentPages {
  constructor(
    private readonly ledger: ConsentLedger,
    private readonly requests: ConsentRequests,
    private readonly consentRequests: ConsentRequestRepository,
    private readonly links: PortalLinkRepository,
    private readonly audit: AuditService,
  ) {}

  async request(tx: TenantTx, id: string): Promise<ConsentRequestView | null> {
    return (await this.load(tx, id, false))?.view ?? null;
  }

  /** The request as the page shows it, with the address it was sent to (encrypted). */
  private async load(
    tx: TenantTx,
    id: string,
    forUpdate: boolean,
  ): Promise<{ view: ConsentRequestView; addressEnc: Buffer } | null> {
    const row = await this.consentRequests.forPage(tx, id, forUpdate);
    if (!row) return null;
    const view: ConsentRequestView = {
      id: row.id,
      contactId: row.contact_id,
      channel: row.channel,
      state: row.status === 'answered' ? 'answered' : row.status === 'live' && !row.expired ? 'live' : 'dead',
      answer: row.answer,
      disclosure: findDisclosure(row.disclosure_version) ?? currentDisclosure(row.channel),
    };
    return { view, addressEnc: row.address_enc };
  }

  opened(tx: TenantTx, request: ConsentRequestView): void {
    this.audit.record(tx, {
      action: 'consent.page_opened',
      actor: { type: 'patient', id: request.contactId },
      target: { type: 'consent_request', id: request.id },
      metadata: { state: request.state, disclosureVersion: request.disclosure.version },
    });
  }

  /** Records the answer once; a repeated submit returns the request as it is. */
  async answer(
    tx: TenantTx,
    id: string,
    decision: 'granted' | 'declined',
  ): Promise<ConsentRequestView | null> {
    const loaded = await this.load(tx, id, true);
    if (!loaded || loaded.view.state !== 'live') return loaded?.view ?? null;
    const request = loaded.view;
    const address = await this.consentRequests.decryptAddress(tx, loaded.addressEnc);
    const { ip, userAgent } = requestContext.get();
    await this.requests.recordAnswer(
      tx,
      {
        id: request.id,
        contactId: request.contactId,
        channel: request.channel,
        disclosureVersion: request.disclosure.version,
      },
      address,
      decision,
      { method: request.channel === 'email' ? 'email_link' : 'web_link', evidence: { ip, userAgent } },
    );
    return { ...request, state: 'answered', answer: decision };
  }

  /**
   * Revokes plain-email consent for the address the email went to (every contact holding it: the
   * mailbox is what is exposed). Idempotent: only current grants are revoked.
   */
  async unsubscribe(tx: TenantTx, id: string): Promise<boolean> {
    const link = await this.links.useUnsubscribeLink(tx, id);
    if (!link) return false;
    const { ip, userAgent } = requestContext.get();
    const revoked = await this.ledger.revokeAddress(tx, 'email', link.address, 'email_link', {
      actor: { type: 'patient', id: link.contactId },
      evidence: { ip, userAgent },
    });
    this.audit.record(tx, {
      action: 'consent.email_unsubscribed',
      actor: { type: 'patient', id: link.contactId },
      target: { type: 'unsubscribe_link', id },
      metadata: { revoked: revoked.length },
    });
    return true;
  }
}
