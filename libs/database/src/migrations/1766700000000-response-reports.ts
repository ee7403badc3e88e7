import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Response-time and funnel reports, SLA and auto-close (issue 23).
 *
 * - `conversations` keeps the facts a report reads, written by the owner's existing statements
 *   (ConversationRepository.recordInbound / recordOutbound / applyTriage; no statement added):
 *   `first_inbound_at` and `first_inbound_channel` (the patient's first message),
 *   `first_response_at` (the first staff reply after it: an outbound message a user wrote; not a
 *   note, system text, auto-reply or consent request), `waiting_since` (the patient's first
 *   message since the last staff reply: the current waiting episode; null when nobody waits) and
 *   `sla_breached_at` (the SLA sweep's mark for that episode; a staff reply or a close clears it).
 * - `contacts.source_channel` / `source_channel_id`: where a contact came from (set on creation).
 * - Indexes: the response-time range (index-only), the waiting episodes the SLA sweep reads, the
 *   over-SLA inbox filter, the funnel's contacts range, the secure messages' range.
 * - `business_open_intervals(schedule, lo, hi)` / `business_open_seconds(schedule, a, b)`: the
 *   open time of a business-hours schedule (`{timeZone, weekly, closures}`, as
 *   libs/automation's schedule.ts reads it, DST included) in SQL.
 * - `practices` policy `inbox_sweep`: under app.inbox_sweep the worker's sweep may read the
 *   practices that set an SLA or auto-close (it selects their ids and those two settings).
 */
export class ResponseReports1766700000000 implements MigrationInterface {
  name = 'ResponseReports1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE conversations
        ADD COLUMN first_inbound_at timestamptz,
        ADD COLUMN first_inbound_channel text,
        ADD COLUMN first_response_at timestamptz,
        ADD COLUMN waiting_since timestamptz,
        ADD COLUMN sla_breached_at timestamptz;
      ALTER TABLE contacts
        ADD COLUMN source_channel text
          CHECK (source_channel IN ('sms', 'email', 'webform', 'chat', 'portal', 'staff')),
        ADD COLUMN source_channel_id uuid;

      ${REPORT_FACTS_BACKFILL_SQL}

      CREATE INDEX conversations_first_inbound ON conversations (tenant_id, first_inbound_at)
        INCLUDE (first_inbound_channel, first_response_at, team_id) WHERE first_inbound_at IS NOT NULL;
      CREATE INDEX conversations_waiting ON conversations (tenant_id, waiting_since)
        WHERE status = 'open' AND waiting_since IS NOT NULL AND sla_breached_at IS NULL;
      CREATE INDEX conversations_over_sla ON conversations (tenant_id, last_message_at DESC, id DESC)
        WHERE sla_breached_at IS NOT NULL;
      CREATE INDEX contacts_created ON contacts (tenant_id, created_at)
        INCLUDE (source_channel, source_channel_id, lead_stage) WHERE merged_into IS NULL;
      CREATE INDEX messages_secure_sent ON messages (tenant_id, created_at) INCLUDE (status)
        WHERE delivery_route = 'secure_link' AND direction = 'outbound';

      CREATE POLICY inbox_sweep ON practices FOR SELECT
        USING (current_setting('app.inbox_sweep', true) = 'on'
               AND (settings ? 'slaMinutes' OR settings ? 'autoCloseDays'));

      ${BUSINESS_HOURS_SQL}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION business_open_seconds(jsonb, timestamptz, timestamptz);
      DROP FUNCTION business_cumulative_seconds(timestamptz[], timestamptz[], float8[], timestamptz);
      DROP FUNCTION business_open_intervals(jsonb, timestamptz, timestamptz);
      DROP FUNCTION business_instant(date, integer, text);
      DROP FUNCTION business_zone_offset(timestamptz, text);
      DROP POLICY inbox_sweep ON practices;
      DROP INDEX messages_secure_sent;
      DROP INDEX contacts_created;
      DROP INDEX conversations_over_sla;
      DROP INDEX conversations_waiting;
      DROP INDEX conversations_first_inbound;
      ALTER TABLE contacts DROP COLUMN source_channel_id, DROP COLUMN source_channel;
      ALTER TABLE conversations DROP COLUMN sla_breached_at, DROP COLUMN waiting_since,
        DROP COLUMN first_response_at, DROP COLUMN first_inbound_channel, DROP COLUMN first_inbound_at;
    `);
  }
}

/**
 * Fills the report facts of rows written before they existed (the migration, and the large
 * seed, which writes messages directly). A staff reply: outbound, kind `message`, a user wrote
 * it, not a consent request. A contact's source, best effort: the channel of its first inbound
 * message when that came first, `staff` when staff wrote first; none (reported as unknown) when
 * it has no message.
 */
export const REPORT_FACTS_BACKFILL_SQL = `
      UPDATE conversations c SET first_inbound_at = f.created_at, first_inbound_channel = f.channel
      FROM (SELECT DISTINCT ON (tenant_id, conversation_id) tenant_id, conversation_id, created_at, channel
            FROM messages WHERE direction = 'inbound'
            ORDER BY tenant_id, conversation_id, created_at, id) f
      WHERE c.tenant_id = f.tenant_id AND c.id = f.conversation_id;

      UPDATE conversations c SET first_response_at = r.at
      FROM (SELECT m.tenant_id, m.conversation_id, min(m.created_at) AS at
            FROM messages m JOIN conversations k ON k.tenant_id = m.tenant_id AND k.id = m.conversation_id
            WHERE m.direction = 'outbound' AND m.kind = 'message' AND m.author_user_id IS NOT NULL
              AND m.consent_request_id IS NULL AND m.created_at >= k.first_inbound_at
            GROUP BY m.tenant_id, m.conversation_id) r
      WHERE c.tenant_id = r.tenant_id AND c.id = r.conversation_id;

      UPDATE conversations c SET waiting_since = w.since
      FROM (SELECT i.tenant_id, i.conversation_id, min(i.created_at) AS since
            FROM messages i
            JOIN conversations k ON k.tenant_id = i.tenant_id AND k.id = i.conversation_id AND k.status <> 'closed'
            WHERE i.direction = 'inbound'
              AND NOT EXISTS (SELECT 1 FROM messages o
                              WHERE o.tenant_id = i.tenant_id AND o.conversation_id = i.conversation_id
                                AND o.direction = 'outbound' AND o.kind = 'message'
                                AND o.author_user_id IS NOT NULL AND o.consent_request_id IS NULL
                                AND o.created_at >= i.created_at)
            GROUP BY i.tenant_id, i.conversation_id) w
      WHERE c.tenant_id = w.tenant_id AND c.id = w.conversation_id;

      UPDATE contacts k
        SET source_channel = CASE WHEN f.direction = 'inbound' THEN f.channel ELSE 'staff' END,
            source_channel_id = CASE WHEN f.direction = 'inbound' THEN f.channel_id END
      FROM (SELECT DISTINCT ON (tenant_id, contact_id) tenant_id, contact_id, channel, channel_id, direction
            FROM messages WHERE contact_id IS NOT NULL AND kind <> 'note'
            ORDER BY tenant_id, contact_id, created_at, id) f
      WHERE k.tenant_id = f.tenant_id AND k.id = f.contact_id AND k.source_channel IS NULL;
`;

/**
 * Business hours in SQL, the same rules as libs/automation's schedule.ts (a property test holds
 * them together): a local wall time is an instant by the zone's offset; a time a spring-forward
 * change skips is the instant the clocks jump; one a fall-back change repeats is its first
 * occurrence; each local date (a day either side of the span) opens its weekday's ranges unless
 * it is a closure; the intervals are clipped to [lo, hi).
 */
export const BUSINESS_HOURS_SQL = `
      CREATE FUNCTION business_zone_offset(at timestamptz, zone text) RETURNS interval
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT (at AT TIME ZONE zone) - (at AT TIME ZONE 'UTC') $$;

      CREATE FUNCTION business_instant(local_date date, minutes integer, zone text) RETURNS timestamptz
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        DECLARE
          wall timestamptz := (local_date::timestamp + make_interval(mins => minutes)) AT TIME ZONE 'UTC';
          before interval := business_zone_offset(wall - interval '12 hours', zone);
          after interval := business_zone_offset(wall + interval '12 hours', zone);
          early timestamptz := wall - before;
          late timestamptz := wall - after;
          low timestamptz;
          high timestamptz;
          mid timestamptz;
        BEGIN
          IF before = after THEN RETURN early; END IF;
          IF business_zone_offset(early, zone) = before THEN RETURN early; END IF;
          IF business_zone_offset(late, zone) = after THEN RETURN late; END IF;
          -- In a spring-forward gap: the first instant (to the second) with the later offset.
          low := least(early, late);
          high := greatest(early, late);
          WHILE high - low > interval '1 second' LOOP
            mid := to_timestamp(floor((extract(epoch FROM low) + extract(epoch FROM high)) / 2));
            IF business_zone_offset(mid, zone) = after THEN high := mid; ELSE low := mid; END IF;
          END LOOP;
          RETURN high;
        END $$;

      CREATE FUNCTION business_open_intervals(schedule jsonb, lo timestamptz, hi timestamptz)
        RETURNS TABLE (opens timestamptz, closes timestamptz)
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        DECLARE
          zone text := schedule ->> 'timeZone';
          closed date[];
          day date;
          last_day date;
          range jsonb;
          starts timestamptz;
          ends timestamptz;
        BEGIN
          IF hi <= lo THEN RETURN; END IF;
          closed := ARRAY(SELECT (c ->> 'date')::date
                          FROM jsonb_array_elements(coalesce(schedule -> 'closures', '[]'::jsonb)) c);
          day := (lo AT TIME ZONE zone)::date - 1;
          last_day := (hi AT TIME ZONE zone)::date + 1;
          WHILE day <= last_day LOOP
            IF NOT (day = ANY (closed)) THEN
              FOR range IN SELECT r FROM jsonb_array_elements(coalesce(
                  schedule -> 'weekly' -> ((ARRAY['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'])[extract(dow FROM day)::int + 1]),
                  '[]'::jsonb)) r
              LOOP
                starts := business_instant(day, split_part(range ->> 'from', ':', 1)::int * 60
                                                + split_part(range ->> 'from', ':', 2)::int, zone);
                ends := business_instant(day, split_part(range ->> 'to', ':', 1)::int * 60
                                              + split_part(range ->> 'to', ':', 2)::int, zone);
                IF ends > starts AND least(ends, hi) > greatest(starts, lo) THEN
                  opens := greatest(starts, lo);
                  closes := least(ends, hi);
                  RETURN NEXT;
                END IF;
              END LOOP;
            END IF;
            day := day + 1;
          END LOOP;
        END $$;

      -- Open seconds between two instants: what a business-hours response time counts.
      CREATE FUNCTION business_open_seconds(schedule jsonb, a timestamptz, b timestamptz) RETURNS float8
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT coalesce(sum(extract(epoch FROM closes - opens)), 0)::float8
              FROM business_open_intervals(schedule, a, b) $$;

      -- Open seconds from the first interval's start to t, given the sorted, disjoint intervals of
      -- a span and the open seconds before each (cum): a binary search (width_bucket), so a report
      -- computes its intervals once and each instant costs a lookup. C(b) - C(a) is the open time
      -- between a and b when both lie in the span.
      CREATE FUNCTION business_cumulative_seconds(starts timestamptz[], ends timestamptz[], cum float8[], t timestamptz)
        RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT CASE WHEN coalesce(width_bucket(t, starts), 0) = 0 THEN 0::float8
                          ELSE cum[width_bucket(t, starts)]
                               + extract(epoch FROM least(t, ends[width_bucket(t, starts)]) - starts[width_bucket(t, starts)])::float8
                     END $$;
`;
