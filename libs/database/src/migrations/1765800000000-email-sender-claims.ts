import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An email's From is a claim unless SPF or DKIM proves it for the From domain (issue 19).
 *
 * - `contacts.claim_reason`: why a contact is an unproven claim. `typed_address`: someone typed
 *   an address an existing contact holds (website chat, web forms; every claim before this
 *   migration). `unauthenticated_email`: an email whose sender SendGrid could not authenticate
 *   for its From domain; its address is kept in `claimed_email_enc` (no blind index) whether or
 *   not a contact holds it, so `claim_of` may be null for this reason.
 * - `messages.sender_authentication`: the verdict on an inbound email's sender as SendGrid's SPF
 *   and DKIM results gave it (result tokens and alignment only: no address, no domain).
 */
export class EmailSenderClaims1765800000000 implements MigrationInterface {
  name = 'EmailSenderClaims1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE contacts
        ADD COLUMN claim_reason text,
        ADD CONSTRAINT contacts_claim_reason_known
          CHECK (claim_reason IN ('typed_address', 'unauthenticated_email'));
      UPDATE contacts SET claim_reason = 'typed_address' WHERE claim_of IS NOT NULL;
      ALTER TABLE contacts
        ADD CONSTRAINT contacts_claim_has_reason CHECK (claim_of IS NULL OR claim_reason IS NOT NULL);

      ALTER TABLE messages ADD COLUMN sender_authentication jsonb;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages DROP COLUMN sender_authentication;
      ALTER TABLE contacts DROP CONSTRAINT contacts_claim_has_reason, DROP COLUMN claim_reason;
    `);
  }
}
