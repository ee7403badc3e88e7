import type { MigrationInterface, QueryRunner } from 'typeorm';
import { routedRlsSql, tenantRlsSql } from './rls.js';

/** The event types a practice may subscribe an endpoint to (webhooks-out's WEBHOOK_EVENT_TYPES). */
const EVENT_TYPES = `ARRAY['message.received', 'message.status_changed', 'conversation.assigned',
  'consent.changed', 'secure_message.read']`;

/**
 * Signed outbound webhooks (issue 25), owned by webhooks-out.
 *
 * - `webhook_endpoints`: a practice's HTTPS receivers, the events each takes, its signing secret
 *   (encrypted with the tenant key), and its failure streak (auto-disable).
 * - `webhook_deliveries`: one row per event per subscribed endpoint, written by triggers on the
 *   tables whose change is the event, in the transaction that makes the change: an event exists
 *   exactly when its change committed (none lost on a crash, none invented by a rollback). Data
 *   holds ids and status names only. `relay_at` is when the worker's relay may (re)enqueue the
 *   row's job: the relay reads due rows across practices under `app.webhook_relay` (SELECT only).
 * - `webhook_delivery_attempts`: each HTTP attempt (status code, duration, error class; never the
 *   response body).
 *
 * A practice without an enabled endpoint pays one probe of `webhook_endpoints_enabled` per
 * triggering row.
 */
export class OutboundWebhooks1767000000000 implements MigrationInterface {
  name = 'OutboundWebhooks1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        url text NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
        event_types text[] NOT NULL
          CHECK (cardinality(event_types) >= 1 AND event_types <@ ${EVENT_TYPES}),
        secret_enc bytea NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text CHECK (disabled_reason IN ('failing', 'staff')),
        disabled_at timestamptz,
        -- The current run of failed attempts (reset by a delivered attempt or a re-enable).
        consecutive_failures integer NOT NULL DEFAULT 0,
        failing_since timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        CHECK (enabled = (disabled_reason IS NULL))
      );
      CREATE INDEX webhook_endpoints_enabled ON webhook_endpoints (tenant_id) WHERE enabled;
      ${tenantRlsSql('webhook_endpoints')}

      CREATE TABLE webhook_deliveries (
        -- Also the Standard Webhooks message id (webhook-id), the same on every attempt.
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        endpoint_id uuid NOT NULL,
        seq bigserial NOT NULL,
        event_type text NOT NULL,
        data jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        relay_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        -- When its retries began (a replay starts a new window).
        window_started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz,
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE
      );
      -- The delivery log of an endpoint, newest first (keyset on seq).
      CREATE INDEX webhook_deliveries_log ON webhook_deliveries (tenant_id, endpoint_id, seq DESC);
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (relay_at) WHERE state = 'pending';
      ${routedRlsSql('webhook_deliveries', `current_setting('app.webhook_relay', true) = 'on'`)}

      CREATE TABLE webhook_delivery_attempts (
        id uuid PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES practices(id),
        delivery_id uuid NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        status_code integer,
        duration_ms integer NOT NULL CHECK (duration_ms >= 0),
        error_class text,
        succeeded boolean NOT NULL,
        FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_deliveries (tenant_id, id) ON DELETE CASCADE
      );
      CREATE INDEX webhook_delivery_attempts_delivery
        ON webhook_delivery_attempts (tenant_id, delivery_id, attempted_at);
      ${tenantRlsSql('webhook_delivery_attempts')}

      -- One delivery per enabled endpoint of the practice subscribed to the event type. PL/pgSQL,
      -- not SQL: its plans are cached per connection (a SQL function's INSERT is planned per call).
      CREATE FUNCTION webhook_fan_out(p_tenant uuid, p_type text, p_data jsonb) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, event_type, data)
        SELECT gen_random_uuid(), e.tenant_id, e.id, p_type,
               jsonb_build_object('practiceId', p_tenant) || p_data
        FROM webhook_endpoints e
        WHERE e.tenant_id = p_tenant AND e.enabled AND p_type = ANY (e.event_types);
      END $$;

      -- Whether the practice has an enabled endpoint at all: the triggers' first, cheap question
      -- (most practices have none, and then nothing else is built).
      CREATE FUNCTION webhook_listening(p_tenant uuid) RETURNS boolean
      LANGUAGE sql STABLE AS $$
        SELECT EXISTS (SELECT 1 FROM webhook_endpoints WHERE tenant_id = p_tenant AND enabled)
      $$;

      CREATE FUNCTION webhook_message_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT webhook_listening(NEW.tenant_id) THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' THEN
          PERFORM webhook_fan_out(NEW.tenant_id, 'message.received', jsonb_build_object(
            'conversationId', NEW.conversation_id, 'messageId', NEW.id,
            'contactId', NEW.contact_id, 'channel', NEW.channel));
        ELSE
          PERFORM webhook_fan_out(NEW.tenant_id, 'message.status_changed', jsonb_build_object(
            'conversationId', NEW.conversation_id, 'messageId', NEW.id, 'contactId', NEW.contact_id,
            'channel', NEW.channel, 'status', NEW.status, 'previousStatus', OLD.status));
          IF NEW.status = 'read' AND NEW.delivery_route = 'secure_link' THEN
            PERFORM webhook_fan_out(NEW.tenant_id, 'secure_message.read', jsonb_build_object(
              'conversationId', NEW.conversation_id, 'messageId', NEW.id, 'contactId', NEW.contact_id));
          END IF;
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER messages_webhook_received AFTER INSERT ON messages
        FOR EACH ROW WHEN (NEW.direction = 'inbound' AND NEW.kind = 'message')
        EXECUTE FUNCTION webhook_message_events();
      CREATE TRIGGER messages_webhook_status AFTER UPDATE OF status ON messages
        FOR EACH ROW WHEN (NEW.direction = 'outbound' AND OLD.status IS DISTINCT FROM NEW.status)
        EXECUTE FUNCTION webhook_message_events();

      CREATE FUNCTION webhook_conversation_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT webhook_listening(NEW.tenant_id) THEN RETURN NULL; END IF;
        PERFORM webhook_fan_out(NEW.tenant_id, 'conversation.assigned', jsonb_build_object(
          'conversationId', NEW.id, 'contactId', NEW.contact_id,
          'assigneeId', NEW.assignee_id, 'teamId', NEW.team_id));
        RETURN NULL;
      END $$;
      CREATE TRIGGER conversations_webhook_assigned_new AFTER INSERT ON conversations
        FOR EACH ROW WHEN (NEW.assignee_id IS NOT NULL OR NEW.team_id IS NOT NULL)
        EXECUTE FUNCTION webhook_conversation_events();
      CREATE TRIGGER conversations_webhook_assigned AFTER UPDATE OF assignee_id, team_id ON conversations
        FOR EACH ROW WHEN (OLD.assignee_id IS DISTINCT FROM NEW.assignee_id OR OLD.team_id IS DISTINCT FROM NEW.team_id)
        EXECUTE FUNCTION webhook_conversation_events();

      -- Consent records (a merge's copies are not a change) and SMS opt-outs (per number: no contact).
      CREATE FUNCTION webhook_consent_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT webhook_listening(NEW.tenant_id) THEN RETURN NULL; END IF;
        IF TG_TABLE_NAME = 'consent_records' THEN
          PERFORM webhook_fan_out(NEW.tenant_id, 'consent.changed', jsonb_build_object(
            'contactId', NEW.contact_id, 'channel', NEW.channel, 'change', NEW.decision,
            'consentRecordId', NEW.id));
        ELSE
          PERFORM webhook_fan_out(NEW.tenant_id, 'consent.changed', jsonb_build_object(
            'contactId', NULL, 'channel', 'sms',
            'change', CASE NEW.action WHEN 'opt_out' THEN 'opted_out' ELSE 'opted_in' END,
            'optOutEventId', NEW.id));
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER consent_records_webhook AFTER INSERT ON consent_records
        FOR EACH ROW WHEN (NEW.copied_from IS NULL)
        EXECUTE FUNCTION webhook_consent_events();
      CREATE TRIGGER sms_opt_out_events_webhook AFTER INSERT ON sms_opt_out_events
        FOR EACH ROW EXECUTE FUNCTION webhook_consent_events();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER sms_opt_out_events_webhook ON sms_opt_out_events;
      DROP TRIGGER consent_records_webhook ON consent_records;
      DROP TRIGGER conversations_webhook_assigned ON conversations;
      DROP TRIGGER conversations_webhook_assigned_new ON conversations;
      DROP TRIGGER messages_webhook_status ON messages;
      DROP TRIGGER messages_webhook_received ON messages;
      DROP FUNCTION webhook_consent_events();
      DROP FUNCTION webhook_conversation_events();
      DROP FUNCTION webhook_message_events();
      DROP FUNCTION webhook_fan_out(uuid, text, jsonb);
      DROP FUNCTION webhook_listening(uuid);
      DROP TABLE webhook_delivery_attempts;
      DROP TABLE webhook_deliveries;
      DROP TABLE webhook_endpoints;
    `);
  }
}
