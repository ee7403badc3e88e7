import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * FHIR R4 read API and Bulk Data export (issue 25), owned by libs/fhir.
 *
 * - `api_clients`: a practice's API clients (client credentials). Only a SHA-256 of the secret is
 *   kept (the secret is 256 random bits, shown once); `revoked_at` ends the client and its tokens.
 * - `api_client_tokens`: access tokens issued to a client (SHA-256 of the token's secret part),
 *   with their scope and expiry.
 * - `fhir_exports`: one Bulk Data export (kick-off, status, manifest), bound to the client that
 *   asked; its files expire with it (`expires_at`).
 * - `fhir_export_files`: the NDJSON files of an export, encrypted with the practice's key.
 * - `audit_events.actor_type` also takes `api_client` (reads by an API client are audited as
 *   the client).
 * - Indexes for the FHIR searches' keyset order (lastUpdated, id): contacts and messages by
 *   `updated_at` (messages also per contact, the `patient` search), consent records by
 *   `recorded_at`.
 */
export class FhirInterop1767200000000 implements MigrationInterface {
  name = 'FhirInterop1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_clients (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
        secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
        scope text NOT NULL CHECK (length(scope) BETWEEN 1 AND 500),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
      );
      CREATE INDEX api_clients_list ON api_clients (tenant_id, created_at DESC, id DESC);
      ${tenantRlsSql('api_clients')}

      CREATE TABLE api_client_tokens (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        client_id uuid NOT NULL,
        token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
        scope text NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        FOREIGN KEY (tenant_id, client_id) REFERENCES api_clients (tenant_id, id)
      );
      CREATE INDEX api_client_tokens_expiry ON api_client_tokens (tenant_id, expires_at);
      ${tenantRlsSql('api_client_tokens')}

      CREATE TABLE fhir_exports (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        client_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
        resource_types text[] NOT NULL CHECK (cardinality(resource_types) > 0),
        since timestamptz,
        progress text,
        transaction_time timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        expires_at timestamptz,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, client_id) REFERENCES api_clients (tenant_id, id)
      );
      CREATE INDEX fhir_exports_client ON fhir_exports (tenant_id, client_id, created_at DESC);
      CREATE INDEX fhir_exports_expiry ON fhir_exports (tenant_id, expires_at) WHERE expires_at IS NOT NULL;
      ${tenantRlsSql('fhir_exports')}

      CREATE TABLE fhir_export_files (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        export_id uuid NOT NULL,
        resource_type text NOT NULL,
        position integer NOT NULL CHECK (position >= 0),
        line_count integer NOT NULL CHECK (line_count > 0),
        content_enc bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, export_id, resource_type, position),
        FOREIGN KEY (tenant_id, export_id) REFERENCES fhir_exports (tenant_id, id) ON DELETE CASCADE
      );
      ${tenantRlsSql('fhir_export_files')}

      ALTER TABLE audit_events DROP CONSTRAINT audit_events_actor_type_check;
      ALTER TABLE audit_events ADD CONSTRAINT audit_events_actor_type_check
        CHECK (actor_type IN ('user', 'patient', 'provider', 'system', 'api_client'));

      CREATE INDEX contacts_updated ON contacts (tenant_id, updated_at, id);
      CREATE INDEX messages_updated ON messages (tenant_id, updated_at, id);
      CREATE INDEX messages_contact_updated ON messages (tenant_id, contact_id, updated_at, id)
        WHERE contact_id IS NOT NULL;
      CREATE INDEX consent_records_recorded ON consent_records (tenant_id, recorded_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX consent_records_recorded;
      DROP INDEX messages_contact_updated;
      DROP INDEX messages_updated;
      DROP INDEX contacts_updated;
      ALTER TABLE audit_events DROP CONSTRAINT audit_events_actor_type_check;
      ALTER TABLE audit_events ADD CONSTRAINT audit_events_actor_type_check
        CHECK (actor_type IN ('user', 'patient', 'provider', 'system'));
      DROP TABLE fhir_export_files;
      DROP TABLE fhir_exports;
      DROP TABLE api_client_tokens;
      DROP TABLE api_clients;
    `);
  }
}
