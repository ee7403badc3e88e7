import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { ConsentRecord } from '@app/consent';
import { CurrentUser, IdParam, type Principal, RequirePermission } from '@app/identity';
import { ApiZodBody, ValidBody } from '@app/observability';
import { ConsentsService } from './consents.service.js';

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
  constructor(private readonly service: ConsentsService) {}

  @Get('consents')
  @RequirePermission('contacts.read')
  @ApiOperation({ summary: 'Current consent per channel + address, and the full history (newest first)' })
  async consents(@IdParam('id', 'Contact') id: string) {
    const { current, history } = await this.service.ledgerOf(id);
    return { current: current.map(recordView), history: history.map(recordView) };
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
    const sent = await this.service.request(id, body.channel, user.userId);
    return { requestId: sent.requestId, expiresAt: sent.expiresAt.toISOString(), messageId: sent.messageId };
  }

  @Post('consents')
  @RequirePermission('consent.record')
  @ApiOperation({ summary: 'Record consent the patient gave verbally or in writing (attested by you)' })
  @ApiZodBody(recordConsentSchema)
  async record(
    @CurrentUser() user: Principal,
    @IdParam('id', 'Contact') id: string,
    @ValidBody(recordConsentSchema) body: z.infer<typeof recordConsentSchema>,
  ) {
    return recordView(await this.service.recordAttested(id, body, user.userId));
  }

  @Post('consents/revoke')
  @RequirePermission('consent.record')
  @ApiOperation({ summary: 'Revoke consent for a channel + address (plain delivery stops at once)' })
  @ApiZodBody(revokeConsentSchema)
  async revoke(
    @CurrentUser() user: Principal,
    @IdParam('id', 'Contact') id: string,
    @ValidBody(revokeConsentSchema) body: z.infer<typeof revokeConsentSchema>,
  ) {
    return recordView(await this.service.revoke(id, body, user.userId));
  }

  @Post('email-suppression/lift')
  @HttpCode(200)
  @RequirePermission('consent.record')
  @ApiOperation({
    summary:
      "Lift the suppression of the contact's email address (set by a hard bounce, drop, spam report or unsubscribe) once it works again; 409 not_suppressed otherwise",
  })
  async liftEmailSuppression(@IdParam('id', 'Contact') id: string) {
    const lifted = await this.service.liftEmailSuppression(id);
    return { channel: 'email', address: lifted.address, suppressed: false };
  }
}
