import type { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantRlsSql } from './rls.js';

/**
 * Staff triage (issue 7): what the inbox list filters on, one index per filter that also
 * matches its sort (last_message_at DESC, id DESC) so a page is an index range scan however
 * large the practice; per-user read marks; status/assignee counters kept by a trigger (so
 * counts never scan); snooze wake-ups; canned responses; contact merges.
 */
export class Triage1764500000000 implements MigrationInterface {
  name = 'Triage1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Tags are staff labels (billing, follow-up, ...). lead_stage is a copy of the contact's,
      -- kept by triggers below, so the leadStage filter needs no join.
      ALTER TABLE conversations
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
        ADD COLUMN lead_stage text CHECK (lead_stage IN ('new', 'contacted', 'scheduled', 'patient', 'lost')),
        -- When a snoozed conversation reopens (the API always sets it with status snoozed).
        ADD COLUMN snoozed_until timestamptz;

      UPDATE conversations c SET lead_stage = k.lead_stage
        FROM contacts k WHERE k.tenant_id = c.tenant_id AND k.id = c.contact_id AND k.lead_stage IS NOT NULL;

      -- List indexes (the unfiltered list uses conversations_inbox from the foundation).
      CREATE INDEX conversations_by_status ON conversations (tenant_id, status, last_message_at DESC, id DESC);
      CREATE INDEX conversations_by_assignee ON conversations (tenant_id, assignee_id, last_message_at DESC, id DESC)
        WHERE assignee_id IS NOT NULL;
      CREATE INDEX conversations_unassigned ON conversations (tenant_id, last_message_at DESC, id DESC)
        WHERE assignee_id IS NULL;
      CREATE INDEX conversations_by_channel ON conversations (tenant_id, last_channel, last_message_at DESC, id DESC);
      CREATE INDEX conversations_by_lead_stage ON conversations (tenant_id, lead_stage, last_message_at DESC, id DESC)
        WHERE lead_stage IS NOT NULL;

      -- Tags again as rows with the conversation's sort time, kept by a trigger, for the tag
      -- filter: under row-level security an array operator (@>, not leakproof) cannot drive an
      -- index scan, and walking the inbox for a rare tag reads ever more rows as data grows;
      -- (tenant, tag, last_message_at, id) is a range scan like every other filter.
      CREATE TABLE conversation_tags (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        tag text NOT NULL,
        conversation_id uuid NOT NULL,
        last_message_at timestamptz,
        PRIMARY KEY (tenant_id, tag, conversation_id),
        FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
      );
      CREATE INDEX conversation_tags_inbox ON conversation_tags (tenant_id, tag, last_message_at DESC, conversation_id DESC)
        WHERE last_message_at IS NOT NULL;
      CREATE INDEX conversation_tags_conversation ON conversation_tags (tenant_id, conversation_id);
      ${tenantRlsSql('conversation_tags')}
      CREATE FUNCTION conversations_sync_tags() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.tags IS DISTINCT FROM OLD.tags THEN
          DELETE FROM conversation_tags WHERE tenant_id = NEW.tenant_id AND conversation_id = NEW.id
            AND NOT tag = ANY (NEW.tags);
        END IF;
        -- Untagged conversations (most of them) cost nothing here, even on every new message.
        IF cardinality(NEW.tags) = 0 THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' OR NEW.tags IS DISTINCT FROM OLD.tags THEN
          INSERT INTO conversation_tags (tenant_id, tag, conversation_id, last_message_at)
            SELECT NEW.tenant_id, t, NEW.id, NEW.last_message_at FROM unnest(NEW.tags) t
            ON CONFLICT (tenant_id, tag, conversation_id) DO UPDATE SET last_message_at = excluded.last_message_at;
        ELSIF NEW.last_message_at IS DISTINCT FROM OLD.last_message_at THEN
          UPDATE conversation_tags SET last_message_at = NEW.last_message_at
            WHERE tenant_id = NEW.tenant_id AND conversation_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER conversations_tags AFTER INSERT OR UPDATE OF tags, last_message_at ON conversations
        FOR EACH ROW EXECUTE FUNCTION conversations_sync_tags();

      CREATE FUNCTION contacts_copy_lead_stage() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.lead_stage IS DISTINCT FROM OLD.lead_stage THEN
          UPDATE conversations SET lead_stage = NEW.lead_stage
            WHERE tenant_id = NEW.tenant_id AND contact_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER contacts_lead_stage AFTER UPDATE OF lead_stage ON contacts
        FOR EACH ROW EXECUTE FUNCTION contacts_copy_lead_stage();

      CREATE FUNCTION conversations_take_lead_stage() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT lead_stage INTO NEW.lead_stage FROM contacts
          WHERE tenant_id = NEW.tenant_id AND id = NEW.contact_id;
        RETURN NEW;
      END $$;
      CREATE TRIGGER conversations_lead_stage BEFORE INSERT OR UPDATE OF contact_id ON conversations
        FOR EACH ROW EXECUTE FUNCTION conversations_take_lead_stage();

      -- "Unread" means unread by me: the newest message time each user has read up to.
      CREATE TABLE conversation_reads (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        user_id uuid NOT NULL,
        conversation_id uuid NOT NULL,
        read_up_to timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, user_id, conversation_id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id),
        FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
      );
      ${tenantRlsSql('conversation_reads')}

      -- Conversations per (status, assignee), kept by a trigger in the writing transaction.
      CREATE TABLE conversation_counts (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        status text NOT NULL,
        assignee_id uuid,
        n integer NOT NULL CHECK (n >= 0),
        UNIQUE NULLS NOT DISTINCT (tenant_id, status, assignee_id)
      );
      ${tenantRlsSql('conversation_counts')}
      INSERT INTO conversation_counts (tenant_id, status, assignee_id, n)
        SELECT tenant_id, status, assignee_id, count(*) FROM conversations GROUP BY 1, 2, 3;

      CREATE FUNCTION conversation_counts_bump(t uuid, s text, a uuid, d integer) RETURNS void
        LANGUAGE sql AS $$
          INSERT INTO conversation_counts AS c (tenant_id, status, assignee_id, n) VALUES (t, s, a, greatest(d, 0))
          ON CONFLICT (tenant_id, status, assignee_id) DO UPDATE SET n = greatest(c.n + d, 0)
        $$;
      CREATE FUNCTION conversations_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM conversation_counts_bump(NEW.tenant_id, NEW.status, NEW.assignee_id, 1);
        ELSIF NEW.status IS DISTINCT FROM OLD.status OR NEW.assignee_id IS DISTINCT FROM OLD.assignee_id THEN
          PERFORM conversation_counts_bump(OLD.tenant_id, OLD.status, OLD.assignee_id, -1);
          PERFORM conversation_counts_bump(NEW.tenant_id, NEW.status, NEW.assignee_id, 1);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER conversations_counts AFTER INSERT OR UPDATE OF status, assignee_id ON conversations
        FOR EACH ROW EXECUTE FUNCTION conversations_count();

      -- Due snooze wake-ups (ids and times only). The worker's periodic sweep must find them
      -- across practices, so SELECT is also open under app.wake_sweep = 'on'; writes stay per tenant.
      CREATE TABLE snooze_wakeups (
        tenant_id uuid NOT NULL REFERENCES practices(id),
        conversation_id uuid NOT NULL,
        due_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, conversation_id),
        FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversations (tenant_id, id)
      );
      CREATE INDEX snooze_wakeups_due ON snooze_wakeups (due_at);
      ALTER TABLE snooze_wakeups ENABLE ROW LEVEL SECURITY;
      ALTER TABLE snooze_wakeups FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON snooze_wakeups
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      CREATE POLICY wake_sweep ON snooze_wakeups FOR SELECT
        USING (current_setting('app.wake_sweep', true) = 'on');

      -- A merged contact points at the contact that absorbed it; its blind indexes are cleared
      -- so new messages match the survivor only.
      ALTER TABLE contacts ADD COLUMN merged_into uuid,
        ADD FOREIGN KEY (tenant_id, merged_into) REFERENCES contacts (tenant_id, id);

      -- Practice-level reply templates: staff-written text plus fixed placeholders, never PHI.
      CREATE TABLE canned_responses (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id)
      );
      CREATE INDEX canned_responses_title ON canned_responses (tenant_id, title, id);
      ${tenantRlsSql('canned_responses')}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE canned_responses;
      ALTER TABLE contacts DROP COLUMN merged_into;
      DROP TABLE snooze_wakeups;
      DROP TRIGGER conversations_counts ON conversations;
      DROP FUNCTION conversations_count();
      DROP FUNCTION conversation_counts_bump(uuid, text, uuid, integer);
      DROP TABLE conversation_counts;
      DROP TABLE conversation_reads;
      DROP TRIGGER conversations_tags ON conversations;
      DROP FUNCTION conversations_sync_tags();
      DROP TABLE conversation_tags;
      DROP TRIGGER conversations_lead_stage ON conversations;
      DROP FUNCTION conversations_take_lead_stage();
      DROP TRIGGER contacts_lead_stage ON contacts;
      DROP FUNCTION contacts_copy_lead_stage();
      DROP INDEX conversations_by_lead_stage, conversations_by_channel,
        conversations_unassigned, conversations_by_assignee, conversations_by_status;
      ALTER TABLE conversations DROP COLUMN snoozed_until, DROP COLUMN lead_stage, DROP COLUMN tags;
    `);
  }
}
