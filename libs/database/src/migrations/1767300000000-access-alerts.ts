import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Alerts on unusual PHI access (issue 25), all owned by libs/access-alerts.
 *
 * - `access_alert_settings`: a practice's thresholds (one row; none: the defaults).
 * - `access_hourly_opens`: conversations a user opened per UTC hour, as the sweep counted them
 *   from the audit chain; a user's baseline (p95 of their active hours over 30 days) reads at most
 *   720 rows of the primary key.
 * - `access_alerts`: one row per alert; unique per (user, kind, hour window), so two workers or a
 *   retried sweep never raise the same alert twice.
 * - `practices` policy `access_alert_sweep`: under app.access_alert_sweep the worker's sweep may
 *   read every practice's id (it visits each in its own transaction).
 */
export class AccessAlerts1767300000000 implements MigrationInterface {
  name = 'AccessAlerts1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE access_alert_settings (
        tenant_id uuid PRIMARY KEY REFERENCES practices(id),
        opens_factor numeric NOT NULL CHECK (opens_factor >= 1 AND opens_factor <= 100),
        minimum_opens_per_hour integer NOT NULL CHECK (minimum_opens_per_hour BETWEEN 1 AND 100000),
        exports_outside_business_hours boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      ${tenantRlsSql('access_alert_settings')}

      CREATE TABLE access_hourly_opens (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        user_id uuid NOT NULL,
        hour_start timestamptz NOT NULL,
        opens integer NOT NULL CHECK (opens >= 0),
        PRIMARY KEY (tenant_id, user_id, hour_start),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
      );
      ${tenantRlsSql('access_hourly_opens')}

      CREATE TABLE access_alerts (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        kind text NOT NULL CHECK (kind IN ('conversations_opened', 'export_outside_hours')),
        user_id uuid NOT NULL,
        window_start timestamptz NOT NULL,
        window_end timestamptz NOT NULL CHECK (window_end > window_start),
        observed integer NOT NULL CHECK (observed >= 0),
        threshold numeric NOT NULL,
        baseline numeric,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        UNIQUE (tenant_id, user_id, kind, window_start),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
      );
      -- The listing, newest window first (keyset).
      CREATE INDEX access_alerts_recent ON access_alerts (tenant_id, window_start DESC, id DESC);
      ${tenantRlsSql('access_alerts')}

      CREATE POLICY access_alert_sweep ON practices FOR SELECT
        USING (current_setting('app.access_alert_sweep', true) = 'on');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP POLICY access_alert_sweep ON practices;
      DROP TABLE access_alerts;
      DROP TABLE access_hourly_opens;
      DROP TABLE access_alert_settings;
    `);
  }
}
