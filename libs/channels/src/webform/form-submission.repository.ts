import { Injectable } from '@nestjs/common';
import type { SubmittedFields } from '@app/conversations';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';

const COL = {
  fields: 'form_submissions.fields',
  clientEvidence: 'form_submissions.client_evidence',
} as const;

/** A web form submission as stored: the free fields and the client evidence are encrypted. */
export interface NewFormSubmission {
  id: string;
  channelId: string;
  contactId: string;
  messageId: string;
  /** The form's extra fields (PHI), if any. */
  fields: unknown;
  /** Per ticked consent box, the disclosure shown (version and hash); null when no box was ticked. */
  consentDisclosures: object | null;
  /** The client's address and user agent, kept as evidence of a ticked box; null when none was. */
  clientEvidence: object | null;
}

/** form_submissions: what a web form carried besides its message. */
@Injectable()
export class FormSubmissionRepository {
  constructor(private readonly keys: KeyRingService) {}

  async insert(tx: TenantTx, submission: NewFormSubmission): Promise<void> {
    const cipher = await this.keys.forTenant(tx);
    await tx.execute(
      `INSERT INTO form_submissions (id, tenant_id, channel_id, contact_id, message_id, fields_enc,
         consent_disclosures, client_evidence_enc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        submission.id,
        tx.tenantId,
        submission.channelId,
        submission.contactId,
        submission.messageId,
        submission.fields ? cipher.encrypt(COL.fields, JSON.stringify(submission.fields)) : null,
        submission.consentDisclosures ? JSON.stringify(submission.consentDisclosures) : null,
        submission.clientEvidence
          ? cipher.encrypt(COL.clientEvidence, JSON.stringify(submission.clientEvidence))
          : null,
      ],
    );
  }

  /** The structured fields of these messages' submissions, by message id (one query; for staff reading them). */
  async fieldsOfMessages(tx: TenantTx, messageIds: string[]): Promise<Map<string, SubmittedFields>> {
    const rows = await tx.query<{ message_id: string; fields_enc: Buffer | null }>(
      `SELECT message_id, fields_enc FROM form_submissions WHERE tenant_id = $1 AND message_id = ANY($2::uuid[])`,
      [tx.tenantId, messageIds],
    );
    const cipher = await this.keys.forTenant(tx);
    const fields = await cipher.decryptColumn(
      COL.fields,
      rows.map((row) => row.fields_enc),
    );
    return new Map(
      rows.map((row, i) => [row.message_id, fields[i] ? (JSON.parse(fields[i]) as SubmittedFields) : {}]),
    );
  }
}
