import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, IdParam, type Principal, RequirePermission } from '@app/identity';
import { addressBlocksView } from '@app/conversations';
import { ApiErrors, ApiZodBody, ApiZodResponse, ValidBody } from '@app/observability';
import {
  type ConsentRecordView,
  consentLedgerSchema,
  consentRecordExample,
  consentRecordSchema,
  consentRecordView,
  consentRequestSentSchema,
  suppressionLiftedSchema,
} from './consent-views.js';
import { ConsentsService } from './consents.service.js';

const channel = z.enum(['sms', 'email']);
const address = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .optional()
  .meta({
    description:
      "The contact's phone number (sms) or email address (email) on file, in any common format; defaults to it " +
      '(400 validation_failed if it is not a phone number or email; 422 address_not_on_contact if another)',
  });

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

/** A contact's consent: the ledger (audited read), QuickSend requests, staff-attested records. */
@ApiTags('consent')
// A malformed id answers 404 like an unknown one (IdParam): documented as a uuid.
@ApiParam({ name: 'id', description: 'Contact id', schema: { type: 'string', format: 'uuid' } })
@ApiErrors({ 404: ['not_found'] })
@Controller('v1/contacts/:id')
export class ConsentsController {
  constructor(private readonly service: ConsentsService) {}

  @Get('consents')
  @RequirePermission('contacts.read')
  @ApiOperation({
    summary:
      'Current consent per channel + address, the full history (newest first), and the standing SMS opt-out and ' +
      'email suppression of the addresses on file (shown even when no consent was ever recorded)',
  })
  @ApiZodResponse(200, consentLedgerSchema, {
    description: 'The consent ledger of the contact (an audited read)',
    example: {
      current: [consentRecordExample],
      history: [consentRecordExample],
      smsOptOut: null,
      emailSuppression: null,
    },
  })
  async consents(@IdParam('id', 'Contact') id: string): Promise<z.output<typeof consentLedgerSchema>> {
    const { current, history, blocks } = await this.service.ledgerOf(id);
    return {
      current: current.map(consentRecordView),
      history: history.map(consentRecordView),
      ...addressBlocksView(blocks),
    };
  }

  @Post('consent-requests')
  @HttpCode(202)
  @RequirePermission('consent.record')
  @ApiOperation({
    summary: 'Send a PHI-free consent request (SMS: YES/NO + link; email: link)',
    description:
      'One live request per contact and channel (409 consent_request_live), a few a day (429 ' +
      'consent_request_rate_limited); never to a number that opted out (409 recipient_opted_out).',
  })
  @ApiZodBody(consentRequestSchema)
  @ApiZodResponse(202, consentRequestSentSchema, {
    description: 'Queued for delivery',
    example: {
      requestId: '6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a',
      expiresAt: '2026-03-09T14:05:09.123Z',
      messageId: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
    },
  })
  @ApiErrors({
    409: ['consent_request_live', 'recipient_opted_out'],
    422: ['no_reachable_address', 'no_sender_channel'],
    429: ['consent_request_rate_limited'],
  })
  async request(
    @CurrentUser() user: Principal,
    @IdParam('id', 'Contact') id: string,
    @ValidBody(consentRequestSchema) body: z.infer<typeof consentRequestSchema>,
  ): Promise<z.output<typeof consentRequestSentSchema>> {
    const sent = await this.service.request(id, body.channel, user.userId);
    return { requestId: sent.requestId, expiresAt: sent.expiresAt.toISOString(), messageId: sent.messageId };
  }

  @Post('consents')
  @RequirePermission('consent.record')
  @ApiOperation({ summary: 'Record consent the patient gave verbally or in writing (attested by you)' })
  @ApiZodBody(recordConsentSchema)
  @ApiZodResponse(201, consentRecordSchema, {
    description: 'The record added to the ledger',
    example: consentRecordExample,
  })
  @ApiErrors({ 422: ['no_reachable_address', 'address_not_on_contact'] })
  async record(
    @CurrentUser() user: Principal,
    @IdParam('id', 'Contact') id: string,
    @ValidBody(recordConsentSchema) body: z.infer<typeof recordConsentSchema>,
  ): Promise<ConsentRecordView> {
    return consentRecordView(await this.service.recordAttested(id, body, user.userId));
  }

  @Post('consents/revoke')
  @RequirePermission('consent.record')
  @ApiOperation({ summary: 'Revoke consent for a channel + address (plain delivery stops at once)' })
  @ApiZodBody(revokeConsentSchema)
  @ApiZodResponse(201, consentRecordSchema, {
    description: 'The revocation added to the ledger',
    example: {
      ...consentRecordExample,
      decision: 'revoked',
      method: 'staff_revoked',
      disclosureVersion: null,
      disclosureHash: null,
    },
  })
  @ApiErrors({ 422: ['no_reachable_address', 'address_not_on_contact'] })
  async revoke(
    @CurrentUser() user: Principal,
    @IdParam('id', 'Contact') id: string,
    @ValidBody(revokeConsentSchema) body: z.infer<typeof revokeConsentSchema>,
  ): Promise<ConsentRecordView> {
    return consentRecordView(await this.service.revoke(id, body, user.userId));
  }

  @Post('email-suppression/lift')
  @HttpCode(200)
  @RequirePermission('consent.record')
  @ApiOperation({
    summary:
      "Lift the suppression of the contact's email address (set by a hard bounce, drop, spam report or unsubscribe) once it works again",
    description:
      '409 not_suppressed when it is not suppressed; 422 no_reachable_address when the contact has no email.',
  })
  @ApiZodResponse(200, suppressionLiftedSchema, {
    description: 'The address may be emailed again',
    example: { channel: 'email', address: 'jane@example.com', suppressed: false },
  })
  @ApiErrors({ 409: ['not_suppressed'], 422: ['no_reachable_address'] })
  async liftEmailSuppression(
    @IdParam('id', 'Contact') id: string,
  ): Promise<z.output<typeof suppressionLiftedSchema>> {
    const lifted = await this.service.liftEmailSuppression(id);
    return { channel: 'email', address: lifted.address, suppressed: false };
  }
}
