import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_MONTH_PARTITION_SQL, MAINTENANCE_FUNCTIONS_SQL } from './1766800000000-monthly-partitions.js';
import { tenantRlsSql } from './rls.js';

/**
 * `delivery_attempts` and `sendgrid_events` become partitioned by month too (issue "Scale out on
 * real engines"), converted in place as messages and audit events were (1766800000000): each is
 * copied into its partitioned successor, then its keys, indexes and row-level security are
 * rebuilt under the same names.
 *
 * - `delivery_attempts` is partitioned by RANGE (message_id) with the bounds of messages' months
 *   (`delivery_attempts_yYYYYmMM` beside `messages_yYYYYmMM`, `delivery_attempts_default` beside
 *   `messages_default` for the attempts of legacy v4 ids): a month of attempts sits beside its
 *   month of messages. Its primary key becomes (tenant_id, message_id, attempt), the unique key it
 *   already had (one index instead of two). `id` stays, random, unique in practice but no longer
 *   by constraint: nothing references an attempt, and every statement that reaches one by id
 *   names its message too (`tenant_id = $1 AND message_id = $2 AND id = $3`), so it prunes to one
 *   partition.
 * - `sendgrid_events` is partitioned by RANGE (received_at); its primary key becomes
 *   (tenant_id, sg_event_id, received_at). A retried event must stay a no-op, but a key holding
 *   received_at does not see a retry received later. So each partition also has its own
 *   UNIQUE (tenant_id, sg_event_id) (`<partition>_event`), the arbiter of the insert's ON CONFLICT
 *   DO NOTHING (a concurrent sighting waits for the first and then does nothing), and a sighting
 *   in the first 7 days of a month claims the id in the previous month's partition too (at its
 *   last microsecond: SendGridEventRepository), so a retry straddling the month boundary meets
 *   the first sighting there, waiting for it if it has not committed yet. Rows older than the
 *   window at the conversion go to `sendgrid_events_default`, which the retention sweep purges
 *   in batches as before.
 * - `create_month_partition` knows both tables and creates the partitions of a month with RLS +
 *   FORCE and the tenant policy (no grants: the app role reaches partitions through the parents
 *   only). When messages' default partition holds legacy ids of a month being created, their
 *   attempts are taken out of `delivery_attempts_default` first (the foreign key into messages
 *   would refuse the move otherwise; Postgres 15 cannot re-add it NOT VALID on a partitioned
 *   table), and attached beside them after.
 * - `ensure_month_partitions` creates the months of all four tables, `partition_default_rows`
 *   reports them all (attempts of UUIDv7 messages; SendGrid events of this month or later).
 * - `drop_expired_sendgrid_event_partitions(before)`: detaches and drops each month partition of
 *   `sendgrid_events` that ends before `before` (clamped to 7 days ago at the latest); in the same transaction it records, per practice,
 *   a `retention.purged` audit event with the count (queued in audit_outbox, as AuditService
 *   does), and puts back (into the default partition) the rows of practices under a legal hold,
 *   which the retention sweep skips. It locks `legal_holds` (SHARE) first: a hold being placed
 *   commits before the drop reads the holds, or waits for the drop to commit.
 */
export class PartitionAttemptsEvents1767400000000 implements MigrationInterface {
  name = 'PartitionAttemptsEvents1767400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      SET LOCAL row_security = off;

      DROP FUNCTION ensure_month_partitions(integer);
      DROP FUNCTION partition_default_rows();
      DROP FUNCTION create_month_partition(text, date);
      ${CREATE_MONTH_PARTITION_V2_SQL}

      -- delivery_attempts --------------------------------------------------------------------
      ALTER TABLE delivery_attempts RENAME TO delivery_attempts_unpartitioned;
      CREATE TABLE delivery_attempts (LIKE delivery_attempts_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
        PARTITION BY RANGE (message_id);
      CREATE TABLE delivery_attempts_default PARTITION OF delivery_attempts DEFAULT;
      ${tenantRlsSql('delivery_attempts_default')}
      -- The months messages has, each beside its messages partition.
      SELECT create_month_partition('delivery_attempts',
               make_date(substring(c.relname FROM '_y(\\d{4})m\\d{2}$')::int,
                         substring(c.relname FROM '_y\\d{4}m(\\d{2})$')::int, 1))
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'messages'::regclass AND c.relname ~ '^messages_y\\d{4}m\\d{2}$';
      INSERT INTO delivery_attempts SELECT * FROM delivery_attempts_unpartitioned;
      DROP TABLE delivery_attempts_unpartitioned;
      ALTER TABLE delivery_attempts
        ADD CONSTRAINT delivery_attempts_pkey PRIMARY KEY (tenant_id, message_id, attempt),
        ADD CONSTRAINT delivery_attempts_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES practices (id),
        ADD CONSTRAINT delivery_attempts_tenant_id_message_id_fkey
          FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id);
      -- Attempts of UUIDv7 messages in the default partition (should stay empty).
      CREATE INDEX delivery_attempts_default_v7 ON delivery_attempts_default (message_id)
        WHERE substring(message_id::text, 15, 1) = '7';
      ${tenantRlsSql('delivery_attempts')}

      -- sendgrid_events ------------------------------------------------------------------------
      ALTER TABLE sendgrid_events RENAME TO sendgrid_events_unpartitioned;
      CREATE TABLE sendgrid_events (LIKE sendgrid_events_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
        PARTITION BY RANGE (received_at);
      CREATE TABLE sendgrid_events_default PARTITION OF sendgrid_events DEFAULT;
      CREATE UNIQUE INDEX sendgrid_events_default_event ON sendgrid_events_default (tenant_id, sg_event_id);
      ${tenantRlsSql('sendgrid_events_default')}
      -- The month 7 days ago (still remembered), this one and the next three; older rows (a held
      -- practice's) go to the default partition.
      SELECT create_month_partition('sendgrid_events', m::date)
        FROM generate_series(
          date_trunc('month', (now() - interval '7 days') AT TIME ZONE 'UTC'),
          date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months',
          interval '1 month') m;
      INSERT INTO sendgrid_events SELECT * FROM sendgrid_events_unpartitioned;
      DROP TABLE sendgrid_events_unpartitioned;
      ALTER TABLE sendgrid_events
        ADD CONSTRAINT sendgrid_events_pkey PRIMARY KEY (tenant_id, sg_event_id, received_at),
        ADD CONSTRAINT sendgrid_events_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES practices (id),
        ADD CONSTRAINT sendgrid_events_tenant_id_channel_id_fkey
          FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id);
      ${tenantRlsSql('sendgrid_events')}

      ${MAINTENANCE_FUNCTIONS_V2_SQL}

      ANALYZE delivery_attempts;
      ANALYZE sendgrid_events;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      SET LOCAL row_security = off;
      DROP FUNCTION drop_expired_sendgrid_event_partitions(timestamptz);
      DROP FUNCTION ensure_month_partitions(integer);
      DROP FUNCTION validate_partition_foreign_keys();
      DROP FUNCTION partition_default_rows();
      DROP FUNCTION create_month_partition(text, date);

      ALTER TABLE delivery_attempts RENAME TO delivery_attempts_partitioned;
      CREATE TABLE delivery_attempts (LIKE delivery_attempts_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
      INSERT INTO delivery_attempts SELECT * FROM delivery_attempts_partitioned;
      DROP TABLE delivery_attempts_partitioned;
      ALTER TABLE delivery_attempts
        ADD PRIMARY KEY (id),
        ADD CONSTRAINT delivery_attempts_tenant_id_message_id_attempt_key UNIQUE (tenant_id, message_id, attempt),
        ADD CONSTRAINT delivery_attempts_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES practices (id),
        ADD CONSTRAINT delivery_attempts_tenant_id_message_id_fkey
          FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id);
      ${tenantRlsSql('delivery_attempts')}

      -- One row per event id (the claims of a retry straddling a month go).
      ALTER TABLE sendgrid_events RENAME TO sendgrid_events_partitioned;
      CREATE TABLE sendgrid_events (LIKE sendgrid_events_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
      INSERT INTO sendgrid_events
        SELECT DISTINCT ON (tenant_id, sg_event_id) * FROM sendgrid_events_partitioned
        ORDER BY tenant_id, sg_event_id, received_at;
      DROP TABLE sendgrid_events_partitioned;
      ALTER TABLE sendgrid_events
        ADD PRIMARY KEY (tenant_id, sg_event_id),
        ADD CONSTRAINT sendgrid_events_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES practices (id),
        ADD CONSTRAINT sendgrid_events_tenant_id_channel_id_fkey
          FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id);
      ${tenantRlsSql('sendgrid_events')}

      ${CREATE_MONTH_PARTITION_SQL}
      ${MAINTENANCE_FUNCTIONS_SQL}
    `);
  }
}

/**
 * `create_month_partition(parent, month)` for the four monthly tables: 'messages' and
 * 'delivery_attempts' by UUIDv7 range of the message id, 'audit_events' and 'sendgrid_events' by
 * time. As in 1766800000000 (rows of the range already in the default partition move into the
 * new one; the foreign keys into the table are dropped around the move and come back NOT VALID),
 * plus: a month of messages comes with its month of attempts (taking the attempts of its legacy
 * ids along when they move: see the header), and a month of SendGrid events gets its own
 * UNIQUE (tenant_id, sg_event_id).
 */
const CREATE_MONTH_PARTITION_V2_SQL = `
  CREATE FUNCTION create_month_partition(parent text, month date) RETURNS text
    LANGUAGE plpgsql SET search_path = public SET row_security = off AS $$
  DECLARE
    suffix text := to_char(month, '"_y"YYYY"m"MM');
    name text := parent || suffix;
    attempts text := 'delivery_attempts' || suffix;
    starts timestamptz := month::timestamp AT TIME ZONE 'UTC';
    ends timestamptz := (month + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    key text;
    lo text;
    hi text;
    fk record;
    restore text[] := '{}';
    stmt text;
    occupied boolean;
    attempts_new boolean := false;
  BEGIN
    IF date_trunc('month', month) <> month THEN
      RAISE EXCEPTION 'not the first day of a month: %', month;
    END IF;
    IF to_regclass(name) IS NOT NULL THEN
      RETURN NULL;
    END IF;
    IF parent IN ('messages', 'delivery_attempts') THEN
      key := CASE parent WHEN 'messages' THEN 'id' ELSE 'message_id' END;
      lo := uuid_v7_floor(starts)::text;
      hi := uuid_v7_floor(ends)::text;
    ELSIF parent IN ('audit_events', 'sendgrid_events') THEN
      key := CASE parent WHEN 'audit_events' THEN 'occurred_at' ELSE 'received_at' END;
      lo := to_char(starts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
      hi := to_char(ends AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    ELSE
      RAISE EXCEPTION 'not partitioned by month: %', parent;
    END IF;

    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I >= %L AND %I < %L)',
                   parent || '_default', key, lo, key, hi) INTO STRICT occupied;
    IF NOT occupied THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, parent, lo, hi);
    ELSE
      IF parent = 'messages' THEN
        -- The attempts of the moving messages leave delivery_attempts first (a DELETE of a
        -- referenced message would fail while they are there) and come back beside them.
        IF to_regclass(attempts) IS NOT NULL THEN
          EXECUTE format('ALTER TABLE delivery_attempts DETACH PARTITION %I', attempts);
        ELSE
          EXECUTE format('CREATE TABLE %I (LIKE delivery_attempts INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', attempts);
          attempts_new := true;
        END IF;
        EXECUTE format('WITH moved AS (DELETE FROM delivery_attempts_default WHERE message_id >= %L AND message_id < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
                       lo, hi, attempts);
      END IF;
      FOR fk IN
        SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype = 'f' AND confrelid = parent::regclass AND conparentid = 0
          AND conrelid <> 'delivery_attempts'::regclass
      LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.conname);
        restore := restore || format('ALTER TABLE %s ADD CONSTRAINT %I %s NOT VALID', fk.tbl, fk.conname, fk.def);
      END LOOP;
      EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', name, parent);
      IF parent = 'audit_events' THEN
        ALTER TABLE audit_events_default DISABLE TRIGGER audit_events_append_only;
      END IF;
      EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
                     parent || '_default', key, lo, key, hi, name);
      IF parent = 'audit_events' THEN
        ALTER TABLE audit_events_default ENABLE TRIGGER audit_events_append_only;
      END IF;
      EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, name, lo, hi);
      FOREACH stmt IN ARRAY restore LOOP
        EXECUTE stmt;
      END LOOP;
      IF parent = 'messages' THEN
        EXECUTE format('ALTER TABLE delivery_attempts ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', attempts, lo, hi);
      END IF;
    END IF;

    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', name);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant())
                    WITH CHECK (tenant_id = app_current_tenant())', name);
    IF attempts_new THEN
      EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', attempts);
      EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', attempts);
      EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant())
                      WITH CHECK (tenant_id = app_current_tenant())', attempts);
    END IF;
    IF parent = 'audit_events' THEN
      EXECUTE format('CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON %I
                      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()', name);
    END IF;
    IF parent = 'sendgrid_events' THEN
      EXECUTE format('CREATE UNIQUE INDEX %I ON %I (tenant_id, sg_event_id)', name || '_event', name);
    END IF;
    -- A month of messages never goes without its month of attempts.
    IF parent = 'messages' AND to_regclass(attempts) IS NULL THEN
      PERFORM create_month_partition('delivery_attempts', month);
    END IF;
    RETURN name;
  END $$;
  REVOKE ALL ON FUNCTION create_month_partition(text, date) FROM PUBLIC;`;

/** What the worker calls (granted to the app role by `npm run migrate`, app-role.ts). */
const MAINTENANCE_FUNCTIONS_V2_SQL = `
  CREATE FUNCTION ensure_month_partitions(months_ahead integer) RETURNS SETOF text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET row_security = off AS $$
  DECLARE
    parent text;
    month date;
    suffix text;
    attempts_before boolean;
  BEGIN
    IF months_ahead IS NULL OR months_ahead < 0 OR months_ahead > 24 THEN
      RAISE EXCEPTION 'months_ahead must be 0..24' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- One maintainer at a time: a second worker waits, then finds every partition there.
    PERFORM pg_advisory_xact_lock(hashtextextended('ensure_month_partitions', 0));
    FOR i IN 0..months_ahead LOOP
      month := (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => i))::date;
      suffix := to_char(month, '"_y"YYYY"m"MM');
      FOREACH parent IN ARRAY ARRAY['messages', 'delivery_attempts', 'audit_events', 'sendgrid_events'] LOOP
        CONTINUE WHEN to_regclass(parent || suffix) IS NOT NULL;
        attempts_before := to_regclass('delivery_attempts' || suffix) IS NOT NULL;
        PERFORM create_month_partition(parent, month);
        RETURN NEXT parent || suffix;
        -- A month of messages that took legacy ids out of the default brings its attempts' month.
        IF parent = 'messages' AND NOT attempts_before AND to_regclass('delivery_attempts' || suffix) IS NOT NULL THEN
          RETURN NEXT 'delivery_attempts' || suffix;
        END IF;
      END LOOP;
    END LOOP;
  END $$;
  REVOKE ALL ON FUNCTION ensure_month_partitions(integer) FROM PUBLIC;

  CREATE FUNCTION partition_default_rows() RETURNS TABLE (parent text, misplaced bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public SET row_security = off AS $$
      SELECT 'messages', count(*) FROM messages_default WHERE substring(id::text, 15, 1) = '7'
      UNION ALL
      SELECT 'delivery_attempts', count(*) FROM delivery_attempts_default
        WHERE substring(message_id::text, 15, 1) = '7'
      UNION ALL
      SELECT 'audit_events', count(*) FROM audit_events_default
      UNION ALL
      -- This month's or later (maintenance makes them); older rows are a held practice's or
      -- from before the conversion, which the retention sweep purges in batches.
      SELECT 'sendgrid_events', count(*) FROM sendgrid_events_default
        WHERE received_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
    $$;
  REVOKE ALL ON FUNCTION partition_default_rows() FROM PUBLIC;

  CREATE FUNCTION drop_expired_sendgrid_event_partitions(before timestamptz)
    RETURNS TABLE (partition text, tenant_id uuid, purged bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET row_security = off AS $$
  DECLARE
    part record;
  BEGIN
    -- Never younger than SendGrid's redelivery needs (a fast clock or a bug cannot drop more).
    before := least(before, now() - interval '7 days');
    -- Holds being placed commit first (and are seen below), later ones wait for this commit.
    LOCK TABLE legal_holds IN SHARE MODE;
    FOR part IN
      SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'sendgrid_events'::regclass AND c.relname ~ '^sendgrid_events_y\\d{4}m\\d{2}$'
        AND (make_date(substring(c.relname FROM '_y(\\d{4})m\\d{2}$')::int,
                       substring(c.relname FROM '_y\\d{4}m(\\d{2})$')::int, 1)
             + interval '1 month')::timestamp AT TIME ZONE 'UTC' <= before
      ORDER BY c.relname
    LOOP
      EXECUTE format('ALTER TABLE sendgrid_events DETACH PARTITION %I', part.relname);
      -- A practice under a legal hold keeps its rows (the default partition now takes the range).
      EXECUTE format('INSERT INTO sendgrid_events SELECT * FROM %I e
                      WHERE EXISTS (SELECT 1 FROM legal_holds h WHERE h.tenant_id = e.tenant_id
                                    AND h.released_at IS NULL AND h.contact_id IS NULL)
                      ON CONFLICT DO NOTHING', part.relname);
      -- The retention sweep's audit event, per practice, counts only (queued as AuditService does).
      RETURN QUERY EXECUTE format(
        'WITH counts AS (
           SELECT e.tenant_id, count(*) AS purged FROM %I e
           WHERE NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.tenant_id = e.tenant_id
                             AND h.released_at IS NULL AND h.contact_id IS NULL)
           GROUP BY e.tenant_id),
         audited AS (
           INSERT INTO audit_outbox (id, tenant_id, occurred_at, actor_type, actor_id, action,
                                     target_type, target_id, outcome, metadata)
           SELECT gen_random_uuid(), tenant_id, clock_timestamp(), ''system'', ''retention_sweep'',
                  ''retention.purged'', ''practice'', tenant_id::text, ''success'',
                  jsonb_build_object(''kind'', ''partitions'', ''sendgridEvents'', purged)
           FROM counts)
         SELECT %L::text, tenant_id, purged FROM counts', part.relname, part.relname);
      EXECUTE format('DROP TABLE %I', part.relname);
    END LOOP;
  END $$;
  REVOKE ALL ON FUNCTION drop_expired_sendgrid_event_partitions(timestamptz) FROM PUBLIC;`;
