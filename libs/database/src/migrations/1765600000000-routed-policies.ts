import type { MigrationInterface, QueryRunner } from 'typeorm';
import { routeReadPolicySql, tenantPolicySql } from './rls.js';

const LINK_TOKEN = `token_hash = decode(nullif(current_setting('app.route_link_token_hash', true), ''), 'hex')`;
const LOGIN_EMAIL = `email_normalized = nullif(current_setting('app.login_email', true), '')`;

/** Every table a pre-tenant path reaches by a route setting, with the rows that setting names. */
const ROUTED_TABLES: ReadonlyArray<readonly [table: string, route: string]> = [
  ['delivery_outbox', `current_setting('app.outbox_relay', true) = 'on'`],
  ['sms_inbound', `current_setting('app.inbound_relay', true) = 'on'`],
  ['secure_links', LINK_TOKEN],
  ['consent_requests', LINK_TOKEN],
  ['unsubscribe_links', LINK_TOKEN],
  [
    'channel_routes',
    `channel_id = nullif(current_setting('app.route_channel_id', true), '')::uuid
     OR public_key = nullif(current_setting('app.route_public_key', true), '')`,
  ],
  ['chat_sessions', `id = nullif(current_setting('app.route_chat_session_id', true), '')::uuid`],
  ['login_directory', LOGIN_EMAIL],
];

/**
 * Issue 19 (item 6): a route setting only READS another practice's row.
 *
 * Each routed table had one policy FOR ALL whose USING was "own tenant OR the route names the
 * row": UPDATE and DELETE pick rows by USING, so a transaction that set e.g. app.inbound_relay
 * could delete every practice's acknowledged texts. Now each has a tenant policy for every
 * command and a route policy FOR SELECT. The one routed write, a login email's lapsed
 * provisional claim taken over by another practice, keeps a policy of its own (FOR UPDATE, and
 * the row lands in the writer's tenant).
 *
 * Also the deployment's master key (item 7): each api and worker compares its MASTER_KEY with
 * the one this database's tenant keys are wrapped by before it starts. Stored as its key id, a
 * one-way HMAC fingerprint (never the key). Seeded here from existing tenant keys; a new
 * deployment's first process records its own; `keys rotate-master` moves it. The app role may
 * read it and record it once, when it asks to (app.master_key_check), and never change it.
 */
export class RoutedPolicies1765600000000 implements MigrationInterface {
  name = 'RoutedPolicies1765600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, route] of ROUTED_TABLES) {
      await q.query(`
        DROP POLICY IF EXISTS tenant_isolation ON ${table};
        DROP POLICY IF EXISTS route_read ON ${table};
        ${tenantPolicySql(table)}
        ${routeReadPolicySql(table, route)}`);
    }
    await q.query(`
      CREATE POLICY route_claim ON login_directory FOR UPDATE
        USING (${LOGIN_EMAIL} AND claim_expires_at IS NOT NULL)
        WITH CHECK (tenant_id = app_current_tenant());

      CREATE TABLE deployment_master_key (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        master_key_id text NOT NULL CHECK (master_key_id ~ '^[0-9a-f]{16}$'),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE deployment_master_key ENABLE ROW LEVEL SECURITY;
      ALTER TABLE deployment_master_key FORCE ROW LEVEL SECURITY;
      CREATE POLICY master_key_check ON deployment_master_key
        USING (current_setting('app.master_key_check', true) = 'on')
        WITH CHECK (current_setting('app.master_key_check', true) = 'on');
      -- The master key most tenant keys are wrapped by (after a finished rotation: all of them).
      INSERT INTO deployment_master_key (master_key_id)
        SELECT master_key_id FROM tenant_keys
        GROUP BY master_key_id ORDER BY count(*) DESC, max(created_at) DESC LIMIT 1;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE deployment_master_key; DROP POLICY route_claim ON login_directory;`);
    for (const [table, route] of ROUTED_TABLES) {
      await q.query(`
        DROP POLICY route_read ON ${table};
        DROP POLICY tenant_isolation ON ${table};
        CREATE POLICY tenant_isolation ON ${table}
          USING (tenant_id = app_current_tenant() OR ${route})
          WITH CHECK (tenant_id = app_current_tenant());`);
    }
  }
}
