import type { MigrationInterface, QueryRunner } from 'typeorm';
import { routedRlsSql } from './rls.js';

/**
 * The SMS webhook's fast path (issue 4's bench goal): an inbound text is acknowledged once its
 * raw form is stored here, and the worker turns it into contact/conversation/message rows.
 */
export class SmsInbound1764700000000 implements MigrationInterface {
  name = 'SmsInbound1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Acknowledged inbound texts not yet processed. The payload (sender, body, media URLs) is
      -- PHI: encrypted with the tenant's data key. seq is the receipt order the worker follows;
      -- a row is deleted in the transaction that stored its message. The unique key makes 20
      -- concurrent deliveries of one MessageSid one row. A row still here a while after
      -- received_at had its job lost (never reached Redis, or Redis restarted): the worker's relay
      -- enqueues its practice's processing again. attempts: failed processing runs.
      CREATE TABLE sms_inbound (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        channel_id uuid NOT NULL,
        message_sid text NOT NULL,
        payload bytea NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        UNIQUE (channel_id, message_sid)
      );
      CREATE INDEX sms_inbound_tenant ON sms_inbound (tenant_id, seq);
      CREATE INDEX sms_inbound_received ON sms_inbound (received_at);
      -- The relay looks across practices for rows whose job never ran; it reads ids only.
      ${routedRlsSql('sms_inbound', `current_setting('app.inbound_relay', true) = 'on'`)}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sms_inbound`);
  }
}
