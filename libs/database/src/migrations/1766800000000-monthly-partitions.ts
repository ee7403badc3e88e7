import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * `messages` and `audit_events` become declaratively partitioned by month (issue 24), converted
 * in place: each table is copied into its partitioned successor (rows land in their partitions),
 * then its indexes, foreign keys (its own and the 14 that reference messages), row-level
 * security and triggers are rebuilt on the successor under the same names.
 *
 * - `messages` is partitioned by RANGE (id). New message ids are UUIDv7 (their first 48 bits are
 *   the creation time in ms), so a month is the id range [uuid_v7_floor(month start),
 *   uuid_v7_floor(next month start)). The primary key (id) and UNIQUE (tenant_id, id) contain the
 *   key, so every foreign key keeps pointing at (tenant_id, id) and a lookup by id prunes to one
 *   partition. Ids written before this migration are random (v4): they cannot be placed by time
 *   and stay in `messages_default` (or, by chance, in a month's range: see create_month_partition).
 * - The provider's id (unique per tenant and channel) cannot be a unique index of a table
 *   partitioned by id: `message_provider_ids` holds each claim (one row per stored provider id),
 *   written by the triggers `messages_provider_id_unique(_update)` whenever a message gets one (refused
 *   with unique_violation on constraint `messages_provider_id`, as before); an inbound insert
 *   claims it first (MessageRepository.insertInbound), which is what made it idempotent.
 * - `audit_events` is partitioned by RANGE (occurred_at): every event, old or new, has a time, so
 *   the conversion places all of them. Its primary key becomes (id, occurred_at); (tenant_id, seq)
 *   stays indexed but is no longer unique across partitions: one seq per tenant is kept by the
 *   sealer's per-tenant lock (AuditService.sealOutbox) and proven by the chain (seq + 1, prev_hash).
 * - Every partition has RLS + FORCE and the tenant policy; each audit partition also refuses
 *   TRUNCATE (the row trigger refusing UPDATE/DELETE is cloned from the parent). The app role has
 *   grants on the parents only, so it cannot name a partition.
 * - `ensure_month_partitions(months_ahead)`: creates this month's and the next months' partitions
 *   of both tables (idempotent, under an advisory lock: two workers may run it at once); the
 *   worker calls it (PartitionMaintenance). `validate_partition_foreign_keys()` validates what a
 *   row move left NOT VALID, `partition_default_rows()` counts what landed in a default partition
 *   that should not have (UUIDv7 messages, any audit event). All three run as the schema owner
 *   (SECURITY DEFINER) with row_security off: an owner that cannot bypass row-level security
 *   fails loudly instead of seeing no rows. The conversion itself requires the same.
 */
export class MonthlyPartitions1766800000000 implements MigrationInterface {
  name = 'MonthlyPartitions1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Copying a table must see every row: fail here rather than copy what RLS lets us see.
      SET LOCAL row_security = off;

      -- The smallest UUID of the millisecond 'at' (UUIDv7 layout: 48 bits of Unix ms first).
      CREATE FUNCTION uuid_v7_floor(at timestamptz) RETURNS uuid
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
          SELECT (lpad(to_hex(floor(extract(epoch FROM at) * 1000)::bigint), 12, '0') || repeat('0', 20))::uuid
        $$;

      ${CREATE_MONTH_PARTITION_SQL}

      -- messages ---------------------------------------------------------------------------
      CREATE TEMP TABLE referencing_message_fks ON COMMIT DROP AS
        SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
        FROM pg_constraint WHERE contype = 'f' AND confrelid = 'messages'::regclass;

      ALTER TABLE messages RENAME TO messages_unpartitioned;
      CREATE TABLE messages (LIKE messages_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
        PARTITION BY RANGE (id);
      CREATE TABLE messages_default PARTITION OF messages DEFAULT;
      ${tenantRlsSql('messages_default')}
      SELECT create_month_partition('messages', (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => i))::date)
        FROM generate_series(0, 3) i;

      INSERT INTO messages SELECT * FROM messages_unpartitioned;
      DROP TABLE messages_unpartitioned CASCADE;

      ALTER TABLE messages
        ADD CONSTRAINT messages_pkey PRIMARY KEY (id),
        ADD CONSTRAINT messages_tenant_id_id_key UNIQUE (tenant_id, id),
        ADD CONSTRAINT messages_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES practices (id),
        ADD CONSTRAINT messages_tenant_id_conversation_id_fkey
          FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
        ADD CONSTRAINT messages_tenant_id_contact_id_fkey
          FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
        ADD CONSTRAINT messages_tenant_id_channel_id_fkey
          FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id),
        ADD CONSTRAINT messages_tenant_id_consent_request_id_fkey
          FOREIGN KEY (tenant_id, consent_request_id) REFERENCES consent_requests (tenant_id, id),
        ADD CONSTRAINT messages_portal_link_fk
          FOREIGN KEY (tenant_id, portal_link_id) REFERENCES secure_links (tenant_id, id);
      CREATE INDEX messages_conversation ON messages (tenant_id, conversation_id, created_at DESC, id DESC);
      CREATE INDEX messages_provider_id ON messages (tenant_id, channel, provider_message_id)
        WHERE provider_message_id IS NOT NULL;
      CREATE INDEX messages_unsent_by_address ON messages (tenant_id, channel, to_address_bidx, created_at, id)
        WHERE direction = 'outbound' AND provider_message_id IS NULL AND to_address_bidx IS NOT NULL;
      CREATE INDEX messages_chat_codes_by_address ON messages (tenant_id, channel, to_address_bidx, created_at)
        WHERE template = 'chat_code';
      CREATE INDEX messages_secure_sent ON messages (tenant_id, created_at) INCLUDE (status)
        WHERE delivery_route = 'secure_link' AND direction = 'outbound';
      -- UUIDv7 rows in the default partition: new messages whose month has no partition (should
      -- stay empty; partition_default_rows counts it without reading the random legacy rows).
      CREATE INDEX messages_default_v7 ON messages_default (id) WHERE substring(id::text, 15, 1) = '7';
      ${tenantRlsSql('messages')}

      CREATE TRIGGER messages_fail_consent_request AFTER UPDATE OF status ON messages
        FOR EACH ROW WHEN (NEW.consent_request_id IS NOT NULL AND NEW.status IN ('failed', 'undelivered'))
        EXECUTE FUNCTION fail_consent_request_of_message();

      DO $$
      DECLARE fk record;
      BEGIN
        FOR fk IN SELECT * FROM referencing_message_fks LOOP
          EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.tbl, fk.conname, fk.def);
        END LOOP;
      END $$;

      -- One message per provider id, per tenant and channel (see the header).
      CREATE TABLE message_provider_ids (
        tenant_id uuid NOT NULL REFERENCES practices (id),
        channel text NOT NULL,
        provider_message_id text NOT NULL,
        message_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, channel, provider_message_id),
        -- The claim goes with its message (the retention sweep's purge).
        FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX message_provider_ids_message ON message_provider_ids (tenant_id, message_id);
      ${tenantRlsSql('message_provider_ids')}
      INSERT INTO message_provider_ids (tenant_id, channel, provider_message_id, message_id)
        SELECT tenant_id, channel, provider_message_id, id FROM messages WHERE provider_message_id IS NOT NULL;

      CREATE FUNCTION messages_claim_provider_id() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO message_provider_ids (tenant_id, channel, provider_message_id, message_id)
          VALUES (NEW.tenant_id, NEW.channel, NEW.provider_message_id, NEW.id)
          ON CONFLICT DO NOTHING;
        -- Already claimed: by this message (insertInbound claims first) or by another one.
        IF NOT FOUND AND NOT EXISTS (
          SELECT 1 FROM message_provider_ids
          WHERE tenant_id = NEW.tenant_id AND channel = NEW.channel
            AND provider_message_id = NEW.provider_message_id AND message_id = NEW.id) THEN
          RAISE EXCEPTION 'provider message id already stored'
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'messages_provider_id';
        END IF;
        RETURN NULL;
      END $$;
      -- Only rows that get a provider id queue a trigger event (most inserts have none yet).
      CREATE TRIGGER messages_provider_id_unique AFTER INSERT ON messages
        FOR EACH ROW WHEN (NEW.provider_message_id IS NOT NULL)
        EXECUTE FUNCTION messages_claim_provider_id();
      CREATE TRIGGER messages_provider_id_unique_update AFTER UPDATE OF provider_message_id ON messages
        FOR EACH ROW WHEN (NEW.provider_message_id IS NOT NULL
                           AND OLD.provider_message_id IS DISTINCT FROM NEW.provider_message_id)
        EXECUTE FUNCTION messages_claim_provider_id();

      -- audit_events -----------------------------------------------------------------------
      ALTER TABLE audit_events RENAME TO audit_events_unpartitioned;
      CREATE TABLE audit_events (LIKE audit_events_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
        PARTITION BY RANGE (occurred_at);
      CREATE TABLE audit_events_default PARTITION OF audit_events DEFAULT;
      ${tenantRlsSql('audit_events_default')}
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events_default
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
      -- Every month that holds events, then this one and the next three.
      SELECT create_month_partition('audit_events', m::date)
        FROM generate_series(
          least(
            (SELECT date_trunc('month', min(occurred_at) AT TIME ZONE 'UTC') FROM audit_events_unpartitioned),
            date_trunc('month', now() AT TIME ZONE 'UTC')),
          date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months',
          interval '1 month') m;

      INSERT INTO audit_events SELECT * FROM audit_events_unpartitioned;
      DROP TABLE audit_events_unpartitioned;

      ALTER TABLE audit_events
        ADD CONSTRAINT audit_events_pkey PRIMARY KEY (id, occurred_at),
        ADD CONSTRAINT audit_events_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES practices (id);
      CREATE INDEX audit_events_tenant_seq ON audit_events (tenant_id, seq);
      CREATE INDEX audit_events_time ON audit_events (tenant_id, occurred_at, seq);
      CREATE INDEX audit_events_target ON audit_events (tenant_id, target_id, seq) WHERE target_id IS NOT NULL;
      CREATE INDEX audit_events_actor ON audit_events (tenant_id, actor_id, seq);
      ${tenantRlsSql('audit_events')}
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

      ${MAINTENANCE_FUNCTIONS_SQL}

      -- Statistics for the new partitions now: autovacuum never analyzes a partitioned parent,
      -- and the copied rows would otherwise be planned as a few per partition.
      ANALYZE messages;
      ANALYZE audit_events;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      SET LOCAL row_security = off;
      DROP FUNCTION ensure_month_partitions(integer);
      DROP FUNCTION validate_partition_foreign_keys();
      DROP FUNCTION partition_default_rows();

      CREATE TEMP TABLE referencing_message_fks ON COMMIT DROP AS
        SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
        FROM pg_constraint WHERE contype = 'f' AND confrelid = 'messages'::regclass AND conparentid = 0
          AND conrelid <> 'message_provider_ids'::regclass;
      DROP TABLE message_provider_ids;
      DROP TRIGGER messages_provider_id_unique ON messages;
      DROP TRIGGER messages_provider_id_unique_update ON messages;
      DROP FUNCTION messages_claim_provider_id();
      ALTER TABLE messages RENAME TO messages_partitioned;
      CREATE TABLE messages (LIKE messages_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
      INSERT INTO messages SELECT * FROM messages_partitioned;
      DROP TABLE messages_partitioned CASCADE;
      ALTER TABLE messages
        ADD PRIMARY KEY (id),
        ADD CONSTRAINT messages_tenant_id_id_key UNIQUE (tenant_id, id),
        ADD CONSTRAINT messages_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES practices (id),
        ADD CONSTRAINT messages_tenant_id_conversation_id_fkey
          FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id),
        ADD CONSTRAINT messages_tenant_id_contact_id_fkey
          FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
        ADD CONSTRAINT messages_tenant_id_channel_id_fkey
          FOREIGN KEY (tenant_id, channel_id) REFERENCES channels (tenant_id, id),
        ADD CONSTRAINT messages_tenant_id_consent_request_id_fkey
          FOREIGN KEY (tenant_id, consent_request_id) REFERENCES consent_requests (tenant_id, id),
        ADD CONSTRAINT messages_portal_link_fk
          FOREIGN KEY (tenant_id, portal_link_id) REFERENCES secure_links (tenant_id, id);
      CREATE INDEX messages_conversation ON messages (tenant_id, conversation_id, created_at DESC, id DESC);
      CREATE UNIQUE INDEX messages_provider_id ON messages (tenant_id, channel, provider_message_id)
        WHERE provider_message_id IS NOT NULL;
      CREATE INDEX messages_unsent_by_address ON messages (tenant_id, channel, to_address_bidx, created_at, id)
        WHERE direction = 'outbound' AND provider_message_id IS NULL AND to_address_bidx IS NOT NULL;
      CREATE INDEX messages_chat_codes_by_address ON messages (tenant_id, channel, to_address_bidx, created_at)
        WHERE template = 'chat_code';
      CREATE INDEX messages_secure_sent ON messages (tenant_id, created_at) INCLUDE (status)
        WHERE delivery_route = 'secure_link' AND direction = 'outbound';
      ${tenantRlsSql('messages')}
      CREATE TRIGGER messages_fail_consent_request AFTER UPDATE OF status ON messages
        FOR EACH ROW WHEN (NEW.consent_request_id IS NOT NULL AND NEW.status IN ('failed', 'undelivered'))
        EXECUTE FUNCTION fail_consent_request_of_message();
      DO $$
      DECLARE fk record;
      BEGIN
        FOR fk IN SELECT * FROM referencing_message_fks LOOP
          EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.tbl, fk.conname, fk.def);
        END LOOP;
      END $$;

      ALTER TABLE audit_events RENAME TO audit_events_partitioned;
      CREATE TABLE audit_events (LIKE audit_events_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
      INSERT INTO audit_events SELECT * FROM audit_events_partitioned;
      DROP TABLE audit_events_partitioned;
      ALTER TABLE audit_events
        ADD PRIMARY KEY (id),
        ADD CONSTRAINT audit_events_tenant_id_seq_key UNIQUE (tenant_id, seq),
        ADD CONSTRAINT audit_events_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES practices (id);
      CREATE INDEX audit_events_time ON audit_events (tenant_id, occurred_at, seq);
      CREATE INDEX audit_events_target ON audit_events (tenant_id, target_id, seq) WHERE target_id IS NOT NULL;
      CREATE INDEX audit_events_actor ON audit_events (tenant_id, actor_id, seq);
      ${tenantRlsSql('audit_events')}
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
      DROP FUNCTION create_month_partition(text, date);
      DROP FUNCTION uuid_v7_floor(timestamptz);
    `);
  }
}

/**
 * `create_month_partition(parent, month)`: the partition of `parent` ('messages' by UUIDv7 id
 * range, 'audit_events' by occurred_at) for the UTC month starting `month`, with RLS + FORCE, the
 * tenant policy and (audit) the TRUNCATE refusal; its name, or null when it exists.
 * When the default partition already holds rows of that range (a random v4 message id that
 * happens to fall in it: about 9 per million legacy ids per month), Postgres refuses the new
 * partition, so those rows move: the foreign keys that reference the table are dropped, the rows
 * move from the default into the new table, it is attached, and the keys come back NOT VALID
 * (validate_partition_foreign_keys validates them in a later transaction: no key changed, only
 * the partition holding it). Owner only (not executable by PUBLIC).
 */
export const CREATE_MONTH_PARTITION_SQL = `
  CREATE FUNCTION create_month_partition(parent text, month date) RETURNS text
    LANGUAGE plpgsql SET search_path = public SET row_security = off AS $$
  DECLARE
    name text := parent || '_' || to_char(month, '"y"YYYY"m"MM');
    starts timestamptz := month::timestamp AT TIME ZONE 'UTC';
    ends timestamptz := (month + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    key text;
    lo text;
    hi text;
    fk record;
    restore text[] := '{}';
    stmt text;
    occupied boolean;
  BEGIN
    IF date_trunc('month', month) <> month THEN
      RAISE EXCEPTION 'not the first day of a month: %', month;
    END IF;
    IF to_regclass(name) IS NOT NULL THEN
      RETURN NULL;
    END IF;
    IF parent = 'messages' THEN
      key := 'id';
      lo := uuid_v7_floor(starts)::text;
      hi := uuid_v7_floor(ends)::text;
    ELSIF parent = 'audit_events' THEN
      key := 'occurred_at';
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
      FOR fk IN
        SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype = 'f' AND confrelid = parent::regclass AND conparentid = 0
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
    END IF;

    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', name);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant())
                    WITH CHECK (tenant_id = app_current_tenant())', name);
    IF parent = 'audit_events' THEN
      EXECUTE format('CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON %I
                      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()', name);
    END IF;
    RETURN name;
  END $$;
  REVOKE ALL ON FUNCTION create_month_partition(text, date) FROM PUBLIC;`;

/** What the worker calls (granted to the app role by `npm run migrate`, app-role.ts). */
export const MAINTENANCE_FUNCTIONS_SQL = `
  CREATE FUNCTION ensure_month_partitions(months_ahead integer) RETURNS SETOF text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET row_security = off AS $$
  DECLARE
    parent text;
    created text;
  BEGIN
    IF months_ahead IS NULL OR months_ahead < 0 OR months_ahead > 24 THEN
      RAISE EXCEPTION 'months_ahead must be 0..24' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- One maintainer at a time: a second worker waits, then finds every partition there.
    PERFORM pg_advisory_xact_lock(hashtextextended('ensure_month_partitions', 0));
    FOREACH parent IN ARRAY ARRAY['messages', 'audit_events'] LOOP
      FOR i IN 0..months_ahead LOOP
        created := create_month_partition(parent,
          (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => i))::date);
        IF created IS NOT NULL THEN
          RETURN NEXT created;
        END IF;
      END LOOP;
    END LOOP;
  END $$;
  REVOKE ALL ON FUNCTION ensure_month_partitions(integer) FROM PUBLIC;

  CREATE FUNCTION validate_partition_foreign_keys() RETURNS SETOF text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public SET row_security = off AS $$
  DECLARE fk record;
  BEGIN
    FOR fk IN
      SELECT conrelid::regclass::text AS tbl, conname FROM pg_constraint
      WHERE contype = 'f' AND NOT convalidated AND conparentid = 0
        AND confrelid IN ('messages'::regclass, 'audit_events'::regclass)
    LOOP
      EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', fk.tbl, fk.conname);
      RETURN NEXT fk.conname;
    END LOOP;
  END $$;
  REVOKE ALL ON FUNCTION validate_partition_foreign_keys() FROM PUBLIC;

  CREATE FUNCTION partition_default_rows() RETURNS TABLE (parent text, misplaced bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public SET row_security = off AS $$
      SELECT 'messages', count(*) FROM messages_default WHERE substring(id::text, 15, 1) = '7'
      UNION ALL
      SELECT 'audit_events', count(*) FROM audit_events_default
    $$;
  REVOKE ALL ON FUNCTION partition_default_rows() FROM PUBLIC;`;
