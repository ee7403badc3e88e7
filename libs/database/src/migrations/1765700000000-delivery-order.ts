import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-recipient order (invariant 12, issue 19): before a message is sent, the dispatcher asks
 * whether an earlier message to the same address (tenant, channel, blind index) is still not
 * handed over. This index holds only outbound SMS/email messages without a provider id (those
 * waiting to be handed over, and the few that failed before), so the question is one short range
 * scan read with the message. Its predicate names only columns that never change or that the
 * provider-id index already covers: status updates (the provider's callbacks) stay HOT updates.
 */
export class DeliveryOrder1765700000000 implements MigrationInterface {
  name = 'DeliveryOrder1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX messages_unsent_by_address ON messages (tenant_id, channel, to_address_bidx, created_at, id)
        WHERE direction = 'outbound' AND provider_message_id IS NULL AND to_address_bidx IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX messages_unsent_by_address;`);
  }
}
