import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuditService } from '@app/audit';
import { ConsentLedger, type ConsentRecord, currentDisclosure } from '@app/consent';
import { ContactRepository } from '@app/contacts';
import { TenantDb, type TenantTx } from '@app/database';
import { CurrentUser, IdParam, type Principal, RequirePermission } from '@app/identity';
import { ApiZodBody, AppError, ValidBody } from '@app/observability';
import { type ContactAddress, GateFacts } from '../outbound/gate-facts.js';
import { ConsentRequests } from './consent-requests.js';

const channel = z.enum(['sms', 'email']);
const address = z.string().trim().min(3).max(320).optional();

export const consentRequestSchema = z.strictObject({ channel });
export const recordConsentSchema = z.strictObject({
  channel,
  address,
  decision: z.enum(['granted', 'declined']),
  method: z.enum(['verbal_attested', 'written_attested']),
  attestation: z.string().trim().min(5).max(2000),
});
export const revokeConsentSchema = z.strictObject({
  channel,
  address,
  reason: z.string().trim().max(2000).optional(),
});

function recordView(record: ConsentRecord) {
  return {
    id: record.id,
    channel: record.channel,
    address: record.address,
    decision: record.decision,
    method: record.method,
    actor: record.actor,
    consentRequestId: record.consentRequestId,
    // The web form whose ticked box led to the request this record answers (intent, then confirmed).
    formSubmissionId: record.evidence?.formSubmissionId ?? null,
    disclosureVersion: record.disclosureVersion,
    disclosureHash: record.disclosureHash,
    at: record.at.toISOString(),
  };
}

/** A contact's consent: the ledger (audited read), QuickSend requests, staff-attested records. */
@ApiTags('consent')
@Controller('v1/contacts/:id')
export class ConsentsController {
  constructor(
    private readonly db: TenantDb,
    private readonly ledger: ConsentLedger,
    private readonly requests: ConsentRequests,
    private readonly contacts: ContactRepository,
    private readonly gate: GateFacts,
    private readonly audit: AuditService,
  ) {}

  @Get('consents')
  @RequirePermission('contacts.read')
  @ApiOperation({ summary: 'Current consent per channel + address, and the full history (newest first)' })
  consents(@IdParam('id', 'Contact') id: string) {
    return this.db.transaction(async (tx) => {
      await this.contactOr404(tx, id);
      const [current, history] = await Promise.all([
        this.ledger.current(tx, id),
        this.ledger.history(tx, id),
      ]);
      this.audit.record(tx, { action: 'consent.viewed', target: { type: 'contact', id } });
      return { current: current.map(recordView), history: history.map(recordView) };
    });
  }

  @Post('consent-requests')
  @HttpCode(202)
  @RequirePermission('consent.record')
  @ApiOperation({ summary: 'Send a PHI-free consent request (SMS: YES/NO + link; email: link)' })
  @ApiZodBody(consentRequestSchema)
  async request(
    @CurrentUser() user: Principal,
    @IdParam('id', 'Contact') id: string,
    @ValidBody(consentRequestSchema) body: z.infer<typeof consentRequestSchema>,
  ) {
    const sent = await this.db.transaction((tx) => this.requests.request(tx, id, body.channel, user.userId));
    return { requestId: sent.requestId, expiresAt: sent.expiresAt.toISOString(), messageId: sent.messageId };
  }

  @Post('consents')
  @RequirePermission('consent.record')
  @ApiOperation({ summary: 'Record consent the patient gave verbally or in writing (attested by you)' })
  @ApiZodBody(recordConsentSchema)
  record(
    @CurrentUser() user: Principal,
    @IdParam('id', 'Contact') id: string,
    @ValidBody(recordConsentSchema) body: z.infer<typeof recordConsentSchema>,
  ) {
    return this.db.transaction(async (tx) => {
      const { address: target } = await this.addressOf(tx, id, body.channel, body.address);
      const disclosure = currentDisclosure(body.channel);
      const record = await this.ledger.record(tx, {
        contactId: id,
        channel: body.channel,
        address: target,
        decision: body.decision,
        method: body.method,
        actor: { type: 'user', id: user.userId },
        evidence: { attestation: body.attestation },
        disclosure: { version: disclosure.version, hash: disclosure.hash },
      });
      return recordView(record);
    });
  }

  @Post('consents/revoke')
  @RequirePermission('consent.record')
  @ApiOperation({ summary: 'Revoke consent for a channel + address (plain delivery stops at once)' })
  @ApiZodBody(revokeConsentSchema)
  revoke(
    @CurrentUser() user: Principal,
    @IdParam('id', 'Contact') id: string,
    @ValidBody(revokeConsentSchema) body: z.infer<typeof revokeConsentSchema>,
  ) {
    return this.db.transaction(async (tx) => {
      const { address: target } = await this.addressOf(tx, id, body.channel, body.address);
      const record = await this.ledger.record(tx, {
        contactId: id,
        channel: body.channel,
        address: target,
        decision: 'revoked',
        method: 'staff_revoked',
        actor: { type: 'user', id: user.userId },
        evidence: body.reason ? { attestation: body.reason } : undefined,
      });
      return recordView(record);
    });
  }

  @Post('email-suppression/lift')
  @HttpCode(200)
  @RequirePermission('consent.record')
  @ApiOperation({
    summary:
      "Lift the suppression of the contact's email address (set by a hard bounce, drop, spam report or unsubscribe) once it works again; 409 not_suppressed otherwise",
  })
  liftEmailSuppression(@IdParam('id', 'Contact') id: string) {
    return this.db.transaction(async (tx) => {
      const target = await this.addressOf(tx, id, 'email');
      if (!(await this.ledger.liftEmailSuppression(tx, target.index, id)))
        throw new AppError(409, 'not_suppressed', "The contact's email address is not suppressed");
      return { channel: 'email', address: target.address, suppressed: false };
    });
  }

  private async contactOr404(tx: TenantTx, id: string) {
    const contact = await this.contacts.get(tx, id);
    if (!contact) throw AppError.notFound('Contact');
    return contact;
  }

  /** The contact's address on file for the channel (with its blind index); a given one must be that address. */
  private async addressOf(
    tx: TenantTx,
    id: string,
    kind: 'sms' | 'email',
    given?: string,
  ): Promise<ContactAddress> {
    const contact = await this.contactOr404(tx, id);
    const onFile = await this.gate.address(tx, kind, kind === 'sms' ? contact.phone : contact.email);
    if (!onFile)
      throw new AppError(422, 'no_reachable_address', 'The contact has no address for this channel');
    if (given !== undefined) {
      const asked = await this.gate.address(tx, kind, given);
      if (!asked)
        throw AppError.validation([
          { path: 'address', message: `not a valid ${kind === 'sms' ? 'phone number' : 'email'}` },
        ]);
      if (asked.address !== onFile.address)
        throw new AppError(
          422,
          'address_not_on_contact',
          'Consent is recorded for the address on file; update the contact first',
        );
    }
    return onFile;
  }
}
