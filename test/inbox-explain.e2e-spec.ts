import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InboxFilter, inboxQuery, messagesQuery } from '@app/conversations';
import { appPool, ownerPool, type PlanNode, planAsTenant, sequentialScansOf } from '@app/testing';

const TENANTS = 4;
const CONVERSATIONS_PER_TENANT = 10_000;
const MESSAGES_PER_TENANT = 30_000;

const seqScans = (planned: PlanNode[]) =>
  sequentialScansOf(planned, ['conversations', 'messages', 'contacts', 'conversation_tags', 'attachments']);

/**
 * The inbox must stay an index range scan as data grows. At a realistic size (40k
 * conversations, 120k messages over 4 practices, skewed statuses, assignees and tags; made by
 * generate_series as the owner, ANALYZEd) the planner is asked, as the app role under RLS, for
 * the plan of every list filter and of a messages page: none may read conversations,
 * messages, contacts, tags or attachments sequentially.
 */
describe('inbox query plans at realistic size', () => {
  let owner: pg.Pool;
  let app: pg.Pool;
  const tenants = Array.from({ length: TENANTS }, () => randomUUID());
  const viewer = randomUUID();
  const tenant = tenants[0]!;
  const team = randomUUID();
  let conversationId: string;

  beforeAll(async () => {
    owner = ownerPool();
    app = appPool();
    for (const [i, t] of tenants.entries()) {
      await owner.query(`INSERT INTO practices (id, name) VALUES ($1, $2)`, [t, `Explain ${i}`]);
      await owner.query(
        `INSERT INTO users (id, tenant_id, email, email_normalized, name, role)
         VALUES ($1, $2, $3, $3, 'Viewer', 'front_desk')`,
        [i === 0 ? viewer : randomUUID(), t, `viewer.${t}@explain.test`],
      );
      await owner.query(
        `INSERT INTO contacts (id, tenant_id, name_enc, lead_stage)
         SELECT gen_random_uuid(), $1, '\\x01'::bytea,
                (ARRAY[NULL, NULL, 'new', 'contacted', 'scheduled', 'patient', 'lost'])[1 + g % 7]
         FROM generate_series(1, $2) g`,
        [t, CONVERSATIONS_PER_TENANT],
      );
      // One conversation per contact: ~60% closed, 20% open, 12% pending, 8% snoozed; 40% unassigned.
      await owner.query(
        `INSERT INTO conversations (id, tenant_id, contact_id, status, snoozed_until, assignee_id, tags,
           last_message_at, last_channel, created_at)
         SELECT gen_random_uuid(), $1, k.id, s.status, CASE WHEN s.status = 'snoozed' THEN now() + interval '1 day' END,
                CASE WHEN k.r % 5 < 2 THEN NULL WHEN k.r % 5 = 2 THEN $2::uuid ELSE gen_random_uuid() END,
                CASE WHEN k.r % 10 = 0 THEN ARRAY['billing'] WHEN k.r % 37 = 0 THEN ARRAY['follow-up'] ELSE '{}' END,
                now() - (k.r * interval '37 minutes'), (ARRAY['sms', 'email', 'webform', 'chat'])[1 + k.r % 4],
                now() - (k.r * interval '37 minutes')
         FROM (SELECT id, row_number() OVER () AS r FROM contacts WHERE tenant_id = $1) k
         CROSS JOIN LATERAL (SELECT CASE WHEN k.r % 25 < 15 THEN 'closed' WHEN k.r % 25 < 20 THEN 'open'
                                         WHEN k.r % 25 < 23 THEN 'pending' ELSE 'snoozed' END AS status) s`,
        [t, viewer],
      );
      // A team per practice that routing rules sent one conversation in twelve to.
      const teamId = i === 0 ? team : randomUUID();
      await owner.query(`INSERT INTO teams (id, tenant_id, name) VALUES ($1, $2, 'Front desk')`, [teamId, t]);
      await owner.query(
        `UPDATE conversations SET team_id = $2
         WHERE tenant_id = $1 AND id IN (SELECT id FROM conversations WHERE tenant_id = $1 AND random() < 1.0 / 12)`,
        [t, teamId],
      );
      await owner.query(
        `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, body_enc, status, created_at)
         SELECT gen_random_uuid(), $1, c.id, c.contact_id, c.last_channel, 'inbound', '\\x01'::bytea, 'received',
                c.last_message_at - (g * interval '1 hour')
         FROM conversations c CROSS JOIN generate_series(0, $2 - 1) g WHERE c.tenant_id = $1`,
        [t, MESSAGES_PER_TENANT / CONVERSATIONS_PER_TENANT],
      );
      // A photo or a document on about one message in five (MMS media, email attachments).
      await owner.query(
        `INSERT INTO attachments (id, tenant_id, message_id, position, status, content_type, size_bytes, content_enc)
         SELECT gen_random_uuid(), $1, m.id, 0, 'stored', 'image/jpeg', 1, '\\x01'::bytea
         FROM messages m WHERE m.tenant_id = $1 AND random() < 0.2`,
        [t],
      );
    }
    await owner.query(
      `INSERT INTO conversation_reads (tenant_id, user_id, conversation_id, read_up_to)
       SELECT tenant_id, $2, id, last_message_at FROM conversations WHERE tenant_id = $1 AND random() < 0.5`,
      [tenant, viewer],
    );
    // About 3% of the open conversations waited beyond the SLA (the waiting=over_sla filter).
    await owner.query(
      `UPDATE conversations SET waiting_since = last_message_at, sla_breached_at = last_message_at + interval '1 hour'
       WHERE status = 'open' AND random() < 0.15`,
    );
    await owner.query(
      'ANALYZE contacts, conversations, messages, conversation_reads, conversation_tags, attachments, teams',
    );
    const { rows } = await owner.query(
      `SELECT id FROM conversations WHERE tenant_id = $1 ORDER BY last_message_at DESC LIMIT 1`,
      [tenant],
    );
    conversationId = rows[0].id;
  }, 120_000);

  afterAll(async () => {
    await app?.end();
    await owner?.end();
  });

  const plan = (sql: string, params: unknown[]) => planAsTenant(app, tenant, sql, params);

  const after = { micros: String((Date.now() - 86_400_000) * 1000), id: randomUUID() };
  const filters: Array<[string, Omit<InboxFilter, 'limit'>]> = [
    ['default (all statuses)', {}],
    ['status=open', { status: 'open' }],
    ['status=closed', { status: 'closed' }],
    ['status=snoozed', { status: 'snoozed' }],
    ['channel=email', { channel: 'email' }],
    ['assignee=me', { assignee: viewer }],
    ['assignee=unassigned', { assignee: 'unassigned' }],
    ['assignee=team:<id>', { teamId: team }],
    ['assignee=team:<id>, status=open', { teamId: team, status: 'open' }],
    ['tag=billing', { tag: 'billing' }],
    ['tag=follow-up (rare)', { tag: 'follow-up' }],
    ['unread=true', { unread: true }],
    ['leadStage=scheduled', { leadStage: 'scheduled' }],
    ['billing role scope', { billingScope: true }],
    ['waiting=over_sla', { overSla: true }],
    ['waiting=over_sla, next page', { overSla: true, after }],
    ['status=open, assignee=me', { status: 'open', assignee: viewer }],
    ['next page (cursor)', { after }],
    ['next page, status=open', { status: 'open', after }],
    ['next page, tag=billing', { tag: 'billing', after }],
    ['next page, assignee=team:<id>', { teamId: team, after }],
  ];

  it.each(filters)('list %s: no sequential scan', async (_name, filter) => {
    const { sql, params } = inboxQuery(tenant, viewer, { ...filter, limit: 50 });
    const p = await plan(sql, params);
    expect(
      seqScans(p),
      JSON.stringify(p.map((n) => [n['Node Type'], n['Relation Name'], n['Index Name']])),
    ).toEqual([]);
  });

  it('list assignee=team:<id>: a range scan of conversations_by_team', async () => {
    const { sql, params } = inboxQuery(tenant, viewer, { teamId: team, limit: 50 });
    const p = await plan(sql, params);
    expect(p.some((n) => n['Index Name'] === 'conversations_by_team')).toBe(true);
  });

  it.each([
    ['first page', undefined],
    ['next page', after],
  ])(
    'messages %s: an index range scan of the conversation, its files by message',
    async (_name, position) => {
      const { sql, params } = messagesQuery(tenant, conversationId, { after: position, limit: 50 });
      const p = await plan(sql, params);
      expect(seqScans(p)).toEqual([]);
      expect(p.some((n) => n['Index Name'] === 'messages_conversation')).toBe(true);
      // The page's files: looked up per message of the page by the (tenant, message, position) key.
      expect(p.some((n) => n['Relation Name'] === 'attachments' && n['Index Name'] !== undefined)).toBe(true);
    },
  );
});
