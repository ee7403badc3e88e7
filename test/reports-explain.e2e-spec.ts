import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { funnelQuery, responseTimesQuery, secureOpenRateQuery } from '@app/reports';
import { appPool, ownerPool, type PlanNode, planAsTenant, sequentialScansOf } from '@app/testing';

const TENANTS = 4;
const CONVERSATIONS_PER_TENANT = 20_000;
const MESSAGES_PER_TENANT = 60_000;
const DAY = 86_400_000;

const seqScans = (planned: PlanNode[]) =>
  sequentialScansOf(planned, ['conversations', 'messages', 'contacts', 'channels']);

const days = (n: number) => ({ from: new Date(Date.now() - n * DAY), to: new Date() });
const shown = (p: PlanNode[]) =>
  JSON.stringify(p.map((n) => [n['Node Type'], n['Relation Name'], n['Index Name']]));

const SCHEDULE = {
  timeZone: 'America/New_York',
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '09:00', to: '17:00' }]]),
  ),
  closures: [{ date: '2026-11-26' }],
};

/**
 * The reports must stay index range scans as data grows. At a realistic size (80k
 * conversations with their response facts, 80k contacts with sources, 240k messages with ~5%
 * secure, over a year and 4 practices, among 2000 channels of 500 more; generate_series as the owner, VACUUM ANALYZE as
 * autovacuum would) the planner is asked, as the app role under RLS, for the plan of each report
 * query: none may read conversations, messages, contacts or channels sequentially.
 */
describe('report query plans at realistic size', () => {
  let owner: pg.Pool;
  let app: pg.Pool;
  const tenants = Array.from({ length: TENANTS }, () => randomUUID());
  const tenant = tenants[0]!;

  beforeAll(async () => {
    owner = ownerPool();
    app = appPool();
    for (const [i, t] of tenants.entries()) {
      await owner.query(`INSERT INTO practices (id, name) VALUES ($1, $2)`, [t, `Reports explain ${i}`]);
      await owner.query(
        `INSERT INTO channels (id, tenant_id, type, name)
         SELECT gen_random_uuid(), $1, 'webform', 'Form ' || g FROM generate_series(1, 5) g`,
        [t],
      );
      await owner.query(
        `INSERT INTO contacts (id, tenant_id, name_enc, lead_stage, created_at, source_channel, source_channel_id)
         SELECT gen_random_uuid(), $1, '\\x01'::bytea,
                (ARRAY[NULL, 'new', 'contacted', 'scheduled', 'patient', 'lost'])[1 + g % 6],
                now() - (g * interval '26 minutes'),
                (ARRAY['sms', 'sms', 'email', 'webform', 'chat', 'staff'])[1 + g % 6],
                CASE WHEN g % 6 = 3 THEN (SELECT id FROM channels WHERE tenant_id = $1 ORDER BY id LIMIT 1) END
         FROM generate_series(1, $2) g`,
        [t, CONVERSATIONS_PER_TENANT],
      );
      // One conversation per contact: 70% closed; 80% answered within minutes to days; 5% waiting over SLA.
      await owner.query(
        `INSERT INTO conversations (id, tenant_id, contact_id, status, last_message_at, last_channel, created_at,
           first_inbound_at, first_inbound_channel, first_response_at, waiting_since, sla_breached_at)
         SELECT gen_random_uuid(), $1, k.id, CASE WHEN k.r % 10 < 7 THEN 'closed' ELSE 'open' END,
                now() - (k.r * interval '26 minutes'), ch, now() - (k.r * interval '26 minutes'),
                now() - (k.r * interval '26 minutes'), ch,
                CASE WHEN k.r % 5 > 0 THEN now() - (k.r * interval '26 minutes') + (k.r % 97) * interval '13 minutes' END,
                CASE WHEN k.r % 5 = 0 AND k.r % 10 >= 7 THEN now() - (k.r * interval '26 minutes') END,
                CASE WHEN k.r % 20 = 7 THEN now() END
         FROM (SELECT id, row_number() OVER () AS r FROM contacts WHERE tenant_id = $1) k
         CROSS JOIN LATERAL (SELECT (ARRAY['sms', 'sms', 'email', 'webform', 'chat'])[1 + k.r % 5] AS ch) c`,
        [t],
      );
      await owner.query(
        `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, kind, body_enc, status,
           delivery_route, created_at)
         SELECT gen_random_uuid(), $1, c.id, c.contact_id, c.last_channel,
                CASE WHEN g % 2 = 0 THEN 'inbound' ELSE 'outbound' END, 'message', '\\x01'::bytea,
                CASE WHEN g % 2 = 0 THEN 'received' WHEN g % 3 = 0 THEN 'read' ELSE 'delivered' END,
                CASE WHEN g % 2 = 0 THEN NULL WHEN (g + row_number() OVER ()) % 10 = 1 THEN 'secure_link' ELSE 'plain' END,
                c.last_message_at - (g * interval '1 hour')
         FROM conversations c CROSS JOIN generate_series(0, $2 - 1) g WHERE c.tenant_id = $1`,
        [t, MESSAGES_PER_TENANT / CONVERSATIONS_PER_TENANT],
      );
    }
    // Channels are every practice's (a deployment has hundreds of practices with a few each).
    await owner.query(
      `WITH p AS (INSERT INTO practices (id, name) SELECT gen_random_uuid(), 'Filler ' || g FROM generate_series(1, 500) g
                  RETURNING id)
       INSERT INTO channels (id, tenant_id, type, name)
       SELECT gen_random_uuid(), p.id, (ARRAY['sms', 'email', 'webform', 'chat'])[g], 'Channel ' || g
       FROM p CROSS JOIN generate_series(1, 4) g`,
    );
    await owner.query('VACUUM ANALYZE contacts, conversations, messages, channels');
  }, 180_000);

  afterAll(async () => {
    await app?.end();
    await owner?.end();
  });

  const plan = (sql: string, params: unknown[]) => planAsTenant(app, tenant, sql, params);

  it.each([
    ['30 days', { ...days(30), schedule: null }],
    ['90 days', { ...days(90), schedule: null }],
    ['30 days, channel=sms', { ...days(30), channel: 'sms', schedule: null }],
    ['30 days, business hours', { ...days(30), schedule: SCHEDULE }],
    ['90 days, channel=email, business hours', { ...days(90), channel: 'email', schedule: SCHEDULE }],
    ['30 days, one team', { ...days(30), teamId: randomUUID(), schedule: null }],
  ])(
    'response times %s: a range of conversations_first_inbound, no sequential scan',
    async (_name, range) => {
      const { sql, params } = responseTimesQuery(tenant, range);
      const p = await plan(sql, params);
      expect(seqScans(p), shown(p)).toEqual([]);
      // A team's conversations: its first-inbound range (team_id is an INCLUDE column) or the team's own index.
      const indexes =
        'teamId' in range
          ? ['conversations_first_inbound', 'conversations_by_team']
          : ['conversations_first_inbound'];
      expect(
        p.some((n) => indexes.includes(n['Index Name']!)),
        shown(p),
      ).toBe(true);
    },
  );

  it.each([
    ['30 days', days(30)],
    ['90 days', days(90)],
  ])('funnel %s: a range of contacts_created, no sequential scan', async (_name, range) => {
    const { sql, params } = funnelQuery(tenant, range);
    const p = await plan(sql, params);
    expect(seqScans(p), shown(p)).toEqual([]);
    expect(
      p.some((n) => n['Index Name'] === 'contacts_created'),
      shown(p),
    ).toBe(true);
  });

  it.each([
    ['30 days', days(30)],
    ['90 days', days(90)],
  ])(
    'secure-message open rate %s: a range of messages_secure_sent, no sequential scan',
    async (_name, range) => {
      const { sql, params } = secureOpenRateQuery(tenant, range);
      const p = await plan(sql, params);
      expect(seqScans(p), shown(p)).toEqual([]);
      expect(
        p.some((n) => n['Index Name'] === 'messages_secure_sent'),
        shown(p),
      ).toBe(true);
    },
  );
});
