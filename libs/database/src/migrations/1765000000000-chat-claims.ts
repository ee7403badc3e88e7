import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A phone or email typed into the website chat is a claim, not an identity (invariant 11).
 *
 * - `contacts.claim_of`: a visitor claimed an address that an existing contact already holds.
 *   The visitor became a contact of their own, flagged for staff as a possible match of that
 *   one; the claimed addresses are kept encrypted in `claimed_*_enc` and are NOT blind-indexed,
 *   so nothing inbound (a text from that number, an email) is ever matched to the claimant.
 * - `chat_sessions.proven_contact_id`: the contact whose replies this session may receive in
 *   the chat: the one it started itself. A merge clears it (the session did not start what it
 *   is merged with); sessions from before this migration have none (they expire within a day).
 */
export class ChatClaims1765000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE contacts
        ADD COLUMN claim_of uuid,
        ADD COLUMN claimed_phone_enc bytea,
        ADD COLUMN claimed_email_enc bytea,
        ADD CONSTRAINT contacts_claim_of_fk FOREIGN KEY (tenant_id, claim_of) REFERENCES contacts (tenant_id, id),
        ADD CONSTRAINT contacts_claim_not_self CHECK (claim_of IS NULL OR claim_of <> id);
      CREATE INDEX contacts_claims ON contacts (tenant_id, claim_of) WHERE claim_of IS NOT NULL;

      ALTER TABLE chat_sessions
        ADD COLUMN proven_contact_id uuid,
        ADD CONSTRAINT chat_sessions_proven_contact_fk
          FOREIGN KEY (tenant_id, proven_contact_id) REFERENCES contacts (tenant_id, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE chat_sessions DROP COLUMN proven_contact_id;
      DROP INDEX contacts_claims;
      ALTER TABLE contacts DROP COLUMN claimed_email_enc, DROP COLUMN claimed_phone_enc, DROP COLUMN claim_of;
    `);
  }
}
