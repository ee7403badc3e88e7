import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { ConsentLedger, currentDisclosure, type DeliveryChannel, findDisclosure } from '@app/consent';
import { UnusableSenderAddressError } from '@app/contacts';
import { IngestService } from '@app/conversations';
import { KeyRingService, normalizeEmail, normalizePhone } from '@app/crypto';
import { type Actor, TenantDb, type TenantTx } from '@app/database';
import { AppError } from '@app/observability';
import type { FormSubmission } from './form-submission.schema.js';
import type { PublicChannel } from './public-channels.js';

const VISITOR: Actor = { type: 'patient', id: 'web_visitor' };
const COL = { fields: 'form_submissions.fields' } as const;

export interface SubmissionClient {
  ip?: string;
  userAgent?: string;
}

/**
 * Stores a web form submission in one transaction: contact (lead, stage `new`) and conversation
 * through IngestService, the structured fields encrypted, and each ticked consent box as a
 * `form_checkbox` record with the disclosure shown, the client address and user agent as evidence.
 * Anything invalid fails before or inside that transaction, so nothing is half-written.
 */
@Injectable()
export class FormSubmissionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly ingest: IngestService,
    private readonly ledger: ConsentLedger,
    private readonly keys: KeyRingService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'DEFAULT_PHONE_REGION'>,
  ) {}

  async submit(channel: PublicChannel, input: FormSubmission, client: SubmissionClient): Promise<void> {
    this.checkAddresses(input);
    const disclosures = this.disclosures(input);
    await this.db.forTenant(channel.tenantId, async (tx) => {
      const result = await this.store(tx, channel, input);
      const submissionId = randomUUID();
      const cipher = await this.keys.forTenant(tx);
      await tx.execute(
        `INSERT INTO form_submissions (id, tenant_id, channel_id, contact_id, message_id, fields_enc)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          submissionId,
          tx.tenantId,
          channel.id,
          result.contactId,
          result.messageId,
          input.fields ? cipher.encrypt(COL.fields, JSON.stringify(input.fields)) : null,
        ],
      );
      for (const [consentChannel, disclosure] of disclosures) {
        await this.ledger.record(tx, {
          contactId: result.contactId!,
          channel: consentChannel,
          address: consentChannel === 'sms' ? input.phone! : input.email!,
          decision: 'granted',
          method: 'form_checkbox',
          actor: VISITOR,
          inboundMessageId: result.messageId,
          evidence: { ip: client.ip, userAgent: client.userAgent?.slice(0, 512) },
          disclosure: { version: disclosure.version, hash: disclosure.hash },
        });
      }
      this.audit.record(tx, {
        action: 'webform.submitted',
        actor: VISITOR,
        target: { type: 'form_submission', id: submissionId },
        metadata: {
          channelId: channel.id,
          messageId: result.messageId,
          contactId: result.contactId,
          consents: disclosures.map(([c]) => c).join(','),
        },
      });
    });
  }

  private async store(tx: TenantTx, channel: PublicChannel, input: FormSubmission) {
    try {
      return await this.ingest.ingestInbound(tx, {
        channelId: channel.id,
        channel: 'webform',
        from: { phone: input.phone, email: input.email, name: input.name },
        body: input.message ?? '',
        actor: VISITOR,
      });
    } catch (err) {
      if (err instanceof UnusableSenderAddressError)
        throw AppError.validation([
          { path: 'email', message: 'an email address or a phone number is required' },
        ]);
      throw err;
    }
  }

  /** Addresses that do not normalize are refused up front (a typo must not become a lead without a way back). */
  private checkAddresses(input: FormSubmission): void {
    const problems: Array<{ path: string; message: string }> = [];
    if (input.phone && !normalizePhone(input.phone, this.config.DEFAULT_PHONE_REGION))
      problems.push({ path: 'phone', message: 'must be a valid phone number' });
    if (input.email && !normalizeEmail(input.email))
      problems.push({ path: 'email', message: 'must be a valid email address' });
    if (problems.length) throw AppError.validation(problems);
  }

  /**
   * The disclosure shown for each ticked box. `disclosureVersion` names the text the form showed;
   * it must be a known version. A box of the other channel than that version's gets its
   * channel's current text (one form may show both disclosures but carry one version field).
   */
  private disclosures(input: FormSubmission): Array<[DeliveryChannel, ReturnType<typeof currentDisclosure>]> {
    const version = input.consent?.disclosureVersion;
    const named = version === undefined ? undefined : findDisclosure(version);
    if (version !== undefined && !named)
      throw AppError.validation([
        { path: 'consent.disclosureVersion', message: 'unknown disclosure version' },
      ]);
    const ticked = (['sms', 'email'] as const).filter((c) => input.consent?.[c] === true);
    return ticked.map((c) => [c, named?.channel === c ? named : currentDisclosure(c)]);
  }
}
