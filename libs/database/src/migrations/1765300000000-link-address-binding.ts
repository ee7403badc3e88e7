import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A secure link reads only what was sent to its own address (invariant 11). Outbound secure
 * messages already carry their address (`to_address_bidx`); a patient's portal reply now names
 * the link it was written through, so it shows only to links of that same channel + address.
 * Replies written before this have no link and are shown through no link (staff still see them):
 * which address their writer had proven is not recorded anywhere but the audit trail.
 */
export class LinkAddressBinding1765300000000 implements MigrationInterface {
  name = 'LinkAddressBinding1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages
        ADD COLUMN portal_link_id uuid,
        ADD CONSTRAINT messages_portal_link_fk
          FOREIGN KEY (tenant_id, portal_link_id) REFERENCES secure_links (tenant_id, id),
        ADD CONSTRAINT messages_portal_link_only_portal
          CHECK (portal_link_id IS NULL OR (channel = 'portal' AND direction = 'inbound'));

      -- A contact's address change retracts its live links to the old address.
      CREATE INDEX secure_links_contact_address ON secure_links (tenant_id, contact_id, channel, address_bidx)
        WHERE retracted_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX secure_links_contact_address;
      ALTER TABLE messages DROP COLUMN portal_link_id;
    `);
  }
}
