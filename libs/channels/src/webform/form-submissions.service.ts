import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { currentDisclosure, type DeliveryChannel, type Disclosure, findDisclosure } from '@app/consent';
import { ContactMatcher, UnusableSenderAddressError } from '@app/contacts';
import { IngestService } from '@app/conversations';
import { normalizeEmail, normalizePhone } from '@app/crypto';
import { TenantDb, type TenantTx } from '@app/database';
import type { Actor } from '@app/observability';
import { ChannelsError } from '../channels.errors.js';
import { FORM_CONSENT_REQUESTS, type FormConsentRequester } from './form-consent.js';
import { FormSubmissionRepository } from './form-submission.repository.js';
import type { FormSubmission } from './form-submission.schema.js';
import type { PublicChannel } from './public-channel.repository.js';

const VISITOR: Actor = { type: 'patient', id: 'web_visitor' };

export interface SubmissionClient {
  ip?: string;
  userAgent?: string;
}

type TickedBox = [DeliveryChannel, Disclosure];

/**
 * Stores a web form submission in one transaction. The phone and email typed into the form are
 * claims (invariant 11, `ContactMatcher.contactForClaim`): addresses nobody holds make a new lead
 * with them; an address a contact already holds makes a separate contact recording the claim,
 * flagged for staff, so the submission never joins that contact's conversation. A ticked consent
 * box is the visitor's intent, never consent: the submission keeps what the form showed and the
 * client's address and user agent, and a consent request goes to the address (double opt-in), which
 * alone can grant. A claim contact has no address of its own, so nothing is sent for its boxes.
 * Anything invalid fails before or inside that transaction, so nothing is half-written.
 */
@Injectable()
export class FormSubmissionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly matcher: ContactMatcher,
    private readonly ingest: IngestService,
    private readonly submissions: FormSubmissionRepository,
    private readonly audit: AuditService,
    @Inject(FORM_CONSENT_REQUESTS) private readonly consentRequests: FormConsentRequester,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'DEFAULT_PHONE_REGION'>,
  ) {}

  async submit(channel: PublicChannel, input: FormSubmission, client: SubmissionClient): Promise<void> {
    this.checkAddresses(input);
    const boxes = this.tickedBoxes(input);
    await this.db.forTenant(channel.tenantId, async (tx) => {
      const { contactId, claimOf } = await this.contactFor(tx, channel, input);
      const result = await this.ingest.ingestInbound(tx, {
        channelId: channel.id,
        channel: 'webform',
        from: { phone: input.phone, email: input.email, name: input.name },
        contactId,
        body: input.message ?? '',
        actor: VISITOR,
      });
      const submissionId = randomUUID();
      await this.insertSubmission(tx, channel, input, client, boxes, {
        id: submissionId,
        contactId,
        messageId: result.messageId,
      });
      const requests = await this.askConsent(tx, contactId, claimOf, boxes, submissionId);
      this.audit.record(tx, {
        action: 'webform.submitted',
        actor: VISITOR,
        target: { type: 'form_submission', id: submissionId },
        metadata: {
          channelId: channel.id,
          messageId: result.messageId,
          contactId,
          consents: boxes.map(([c]) => c).join(','),
          consentRequests: requests.join(','),
        },
      });
    });
  }

  /** The visitor's contact: new with the addresses, or a claim on the contact that holds one. */
  private async contactFor(tx: TenantTx, channel: PublicChannel, input: FormSubmission) {
    try {
      const contact = await this.matcher.contactForClaim(tx, input, {
        channel: 'webform',
        channelId: channel.id,
      });
      this.audit.record(tx, {
        action: 'contact.created',
        actor: VISITOR,
        target: { type: 'contact', id: contact.contactId },
        metadata: {
          source: 'webform',
          channelId: channel.id,
          ...(contact.claimOf ? { claimOf: contact.claimOf } : {}),
        },
      });
      return contact;
    } catch (err) {
      if (err instanceof UnusableSenderAddressError)
        throw ChannelsError.validation([
          { path: 'email', message: 'an email address or a phone number is required' },
        ]);
      throw err;
    }
  }

  /** The fields, and for ticked boxes the evidence of intent: each disclosure shown, IP, user agent. */
  private async insertSubmission(
    tx: TenantTx,
    channel: PublicChannel,
    input: FormSubmission,
    client: SubmissionClient,
    boxes: TickedBox[],
    row: { id: string; contactId: string; messageId: string },
  ): Promise<void> {
    const shown = Object.fromEntries(
      boxes.map(([c, d]) => [c, { version: d.version, hash: d.hash.toString('hex') }]),
    );
    const evidence = { ip: client.ip, userAgent: client.userAgent?.slice(0, 512) };
    await this.submissions.insert(tx, {
      ...row,
      channelId: channel.id,
      fields: input.fields,
      consentDisclosures: boxes.length ? shown : null,
      clientEvidence: boxes.length ? evidence : null,
    });
  }

  /** Per ticked box, what became of it: `requested`, why not (e.g. `recipient_opted_out`), or `claim`. */
  private async askConsent(
    tx: TenantTx,
    contactId: string,
    claimOf: string | null,
    boxes: TickedBox[],
    submissionId: string,
  ): Promise<string[]> {
    const outcomes: string[] = [];
    for (const [channel] of boxes) {
      // The claimed address belongs to another contact: the claimant has none to ask.
      if (claimOf) {
        outcomes.push(`${channel}:claim`);
        continue;
      }
      const sent = await this.consentRequests.requestForForm(tx, contactId, channel, submissionId, VISITOR);
      outcomes.push(`${channel}:${'refused' in sent ? sent.refused : 'requested'}`);
    }
    return outcomes;
  }

  /** Addresses that do not normalize are refused up front (a typo must not become a lead without a way back). */
  private checkAddresses(input: FormSubmission): void {
    const problems: Array<{ path: string; message: string }> = [];
    if (input.phone && !normalizePhone(input.phone, this.config.DEFAULT_PHONE_REGION))
      problems.push({ path: 'phone', message: 'must be a valid phone number' });
    if (input.email && !normalizeEmail(input.email))
      problems.push({ path: 'email', message: 'must be a valid email address' });
    if (problems.length) throw ChannelsError.validation(problems);
  }

  /**
   * The disclosure shown for each ticked box. `disclosureVersion` names the text the form showed;
   * it must be a known version. A box of the other channel than that version's gets its
   * channel's current text (one form may show both disclosures but carry one version field).
   */
  private tickedBoxes(input: FormSubmission): TickedBox[] {
    const version = input.consent?.disclosureVersion;
    const named = version === undefined ? undefined : findDisclosure(version);
    if (version !== undefined && !named)
      throw ChannelsError.validation([
        { path: 'consent.disclosureVersion', message: 'unknown disclosure version' },
      ]);
    const ticked = (['sms', 'email'] as const).filter((c) => input.consent?.[c] === true);
    return ticked.map((c) => [c, named?.channel === c ? named : currentDisclosure(c)]);
  }
}
