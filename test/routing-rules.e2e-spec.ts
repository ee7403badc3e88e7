import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestService } from '@app/conversations';
import { TenantDb } from '@app/database';
import { auditTrail, ownerPool, StaffClient, type StaffMember, startApi } from '@app/testing';
import { createPublicChannel } from './intake-fixtures.js';

const ROUTING_ACTOR = { type: 'system', id: 'routing-rule' };
const ALWAYS_OPEN = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
);

interface Practice {
  admin: StaffMember;
  staff: StaffMember[];
  formId: string;
}

// Issue 23: teams, routing rules on new conversations, the team filter and the activity.
describe('teams and routing rules', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let c: StaffClient;

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    owner = ownerPool();
    c = new StaffClient(app);
  });
  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  async function practice(staff = 0): Promise<Practice> {
    // Sign-ins from a client address of their own: the auth rate limit counts per address.
    const signer = new StaffClient(app);
    const admin = await signer.signupPractice();
    const members: StaffMember[] = [];
    for (let i = 0; i < staff; i++) members.push(await signer.addStaff(admin, 'front_desk'));
    const form = await createPublicChannel(app, owner, 'webform', { tenantId: admin.practiceId });
    return { admin, staff: members, formId: form.id };
  }

  /** A first message from a new sender through the real ingest (and so its hooks). */
  async function inbound(
    p: Practice,
    opts: { body?: string; channelId?: string; from?: string } = {},
  ): Promise<{ conversationId: string; messageId: string }> {
    const result = await app.get(TenantDb).forTenant(p.admin.practiceId, (tx) =>
      app.get(IngestService).ingestInbound(tx, {
        channelId: opts.channelId ?? p.formId,
        channel: 'webform',
        from: {
          email: opts.from ?? `patient.${randomBytes(5).toString('hex')}@mail.test`,
          name: 'Pat Example',
        },
        body: opts.body ?? 'hello, a question about my visit',
        actor: { type: 'patient', id: 'test' },
      }),
    );
    return { conversationId: result.conversationId, messageId: result.messageId };
  }

  const conversation = async (p: Practice, id: string) =>
    (await c.get(`/v1/conversations/${id}`, p.admin.accessToken).expect(200)).body;

  const rule = async (p: Practice, body: object) =>
    (await c.post('/v1/routing-rules', body, p.admin.accessToken).expect(201)).body;

  it('teams: CRUD for those who change the practice settings, read by every staff member, validated', async () => {
    const p = await practice(2);
    const [a, b] = p.staff as [StaffMember, StaffMember];
    const other = await new StaffClient(app).signupPractice();

    await c.post('/v1/teams', { name: 'Front desk', memberIds: [] }, a.accessToken).expect(403);
    const created = await c
      .post(
        '/v1/teams',
        { name: 'Front desk', memberIds: [a.userId, b.userId, a.userId] },
        p.admin.accessToken,
      )
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Front desk',
      memberIds: [a.userId, b.userId].toSorted(),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const teamId = created.body.id;
    const taken = await c.post('/v1/teams', { name: 'front DESK' }, p.admin.accessToken).expect(409);
    expect(taken.body.error.code).toBe('team_name_taken');
    const stranger = randomUUID();
    const bad = await c
      .post(
        '/v1/teams',
        { name: 'Billing', memberIds: [a.userId, other.userId, stranger] },
        p.admin.accessToken,
      )
      .expect(422);
    expect(bad.body.error).toMatchObject({
      code: 'invalid_team_member',
      details: { memberIds: [other.userId, stranger] },
    });
    await c.post('/v1/teams', { name: '', memberIds: [] }, p.admin.accessToken).expect(400);
    await c.post('/v1/teams', { name: 'X', memberIds: ['nope'] }, p.admin.accessToken).expect(400);

    const renamed = await c
      .patch(`/v1/teams/${teamId}`, { name: 'Reception', memberIds: [b.userId] }, p.admin.accessToken)
      .expect(200);
    expect(renamed.body).toMatchObject({ id: teamId, name: 'Reception', memberIds: [b.userId] });
    await c.patch(`/v1/teams/${teamId}`, { name: 'X' }, a.accessToken).expect(403);
    await c.patch(`/v1/teams/${randomUUID()}`, { name: 'X' }, p.admin.accessToken).expect(404);
    // Another practice's team is not found.
    await c.patch(`/v1/teams/${teamId}`, { name: 'Mine' }, other.accessToken).expect(404);

    const list = await c.get('/v1/teams', a.accessToken).expect(200);
    expect(list.body.data.map((t: { name: string }) => t.name)).toEqual(['Reception']);
    expect((await c.get('/v1/teams', other.accessToken).expect(200)).body.data).toEqual([]);

    // A team a rule assigns to cannot go; once the rule is gone it can.
    const r = await rule(p, { name: 'To reception', actions: { assignTeamId: teamId } });
    const inUse = await c.delete(`/v1/teams/${teamId}`, p.admin.accessToken).expect(409);
    expect(inUse.body.error).toMatchObject({ code: 'team_in_use', details: { ruleIds: [r.id] } });
    await c.delete(`/v1/routing-rules/${r.id}`, p.admin.accessToken).expect(204);
    await c.delete(`/v1/teams/${teamId}`, a.accessToken).expect(403);
    await c.delete(`/v1/teams/${teamId}`, p.admin.accessToken).expect(204);
    await c.delete(`/v1/teams/${teamId}`, p.admin.accessToken).expect(404);

    const trail = (await auditTrail(app, p.admin.practiceId)).filter((e) => e.action.startsWith('team.'));
    expect(trail.map((e) => [e.action, e.metadata]).toReversed()).toEqual([
      ['team.created', { members: 2 }],
      ['team.updated', { fields: 'name,memberIds', members: 1 }],
      ['team.deleted', { conversationsCleared: 0 }],
    ]);
  });

  it('rules: CRUD in position order, validated (no actions: 400; ids of the practice only: 422)', async () => {
    const p = await practice(2);
    const [a, b] = p.staff as [StaffMember, StaffMember];
    const other = await practice();
    const team = (await c.post('/v1/teams', { name: 'Team' }, p.admin.accessToken).expect(201)).body;
    const otherTeam = (await c.post('/v1/teams', { name: 'Team' }, other.admin.accessToken).expect(201)).body;
    await c.patch(`/v1/users/${b.userId}`, { active: false }, p.admin.accessToken).expect(200);

    const refusals: Array<[object, number, string]> = [
      [{ name: 'No actions', actions: {} }, 400, 'validation_failed'],
      [{ name: 'Empty tags', actions: { addTags: [] } }, 400, 'validation_failed'],
      [
        { name: 'Both', actions: { assignUserId: a.userId, assignTeamId: team.id } },
        400,
        'validation_failed',
      ],
      [
        { name: 'Bad stage', conditions: { leadStage: ['vip'] }, actions: { priority: 'high' } },
        400,
        'validation_failed',
      ],
      [
        { name: 'Unknown field', conditions: { weekday: 'mon' }, actions: { priority: 'high' } },
        400,
        'validation_failed',
      ],
      [{ name: 'Gone', actions: { assignUserId: b.userId } }, 422, 'invalid_assignee'],
      [{ name: 'Stranger', actions: { assignUserId: other.admin.userId } }, 422, 'invalid_assignee'],
      [{ name: 'Their team', actions: { assignTeamId: otherTeam.id } }, 422, 'invalid_team'],
      [
        { name: 'Their form', conditions: { channelId: other.formId }, actions: { priority: 'low' } },
        422,
        'invalid_channel',
      ],
    ];
    for (const [body, status, code] of refusals) {
      const res = await c.post('/v1/routing-rules', body, p.admin.accessToken).expect(status);
      expect(res.body.error.code, JSON.stringify(body)).toBe(code);
    }
    await c.post('/v1/routing-rules', { name: 'x', actions: { priority: 'low' } }, a.accessToken).expect(403);
    await c.get('/v1/routing-rules', a.accessToken).expect(403);

    const first = await rule(p, {
      name: 'Texts',
      conditions: { channel: ['sms'], keyword: ' Refill ' },
      actions: { assignUserId: a.userId, addTags: ['Rx', 'rx'] },
    });
    expect(first).toEqual({
      id: expect.any(String),
      name: 'Texts',
      position: 0,
      enabled: true,
      onReopen: false,
      conditions: { channel: ['sms'], keyword: 'Refill' },
      actions: { assignUserId: a.userId, addTags: ['rx'] },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const second = await rule(p, { name: 'Team', actions: { assignTeamId: team.id } });
    expect(second.position).toBe(10);
    const early = await rule(p, { name: 'Early', position: 5, actions: { priority: 'urgent' } });
    const tie = await rule(p, { name: 'Tie', position: 5, actions: { priority: 'low' } });
    const names = async () =>
      (await c.get('/v1/routing-rules', p.admin.accessToken).expect(200)).body.data.map(
        (r: { name: string }) => r.name,
      );
    expect(await names()).toEqual(['Texts', 'Early', 'Tie', 'Team']);

    const moved = await c
      .patch(`/v1/routing-rules/${tie.id}`, { position: 1, enabled: false }, p.admin.accessToken)
      .expect(200);
    expect(moved.body).toMatchObject({ position: 1, enabled: false, actions: { priority: 'low' } });
    expect(await names()).toEqual(['Texts', 'Tie', 'Early', 'Team']);
    const patchedBad = await c
      .patch(
        `/v1/routing-rules/${early.id}`,
        { actions: { assignTeamId: otherTeam.id } },
        p.admin.accessToken,
      )
      .expect(422);
    expect(patchedBad.body.error.code).toBe('invalid_team');
    await c.patch(`/v1/routing-rules/${early.id}`, { actions: {} }, p.admin.accessToken).expect(400);
    await c.patch(`/v1/routing-rules/${early.id}`, {}, p.admin.accessToken).expect(400);
    await c.patch(`/v1/routing-rules/${early.id}`, { name: 'Mine' }, other.admin.accessToken).expect(404);
    await c.delete(`/v1/routing-rules/${early.id}`, p.admin.accessToken).expect(204);
    await c.delete(`/v1/routing-rules/${early.id}`, p.admin.accessToken).expect(404);
    expect(await names()).toEqual(['Texts', 'Tie', 'Team']);
    // The keyword is configuration: audited rule changes carry no condition values.
    const trail = (await auditTrail(app, p.admin.practiceId)).filter((e) =>
      e.action.startsWith('routing_rule.'),
    );
    expect(trail.map((e) => e.action).toReversed()).toEqual([
      'routing_rule.created',
      'routing_rule.created',
      'routing_rule.created',
      'routing_rule.created',
      'routing_rule.updated',
      'routing_rule.deleted',
    ]);
    expect(first.id).not.toBe(second.id);
  });

  it('rule order: every matching rule applies, the first to set a field wins it, tags add up; audited as the rule', async () => {
    const p = await practice(2);
    const [a, b] = p.staff as [StaffMember, StaffMember];
    const ignored = await rule(p, {
      name: 'Texts only',
      position: 1,
      conditions: { channel: ['sms'] },
      actions: { assignUserId: b.userId, addTags: ['sms'] },
    });
    const first = await rule(p, {
      name: 'Forms to A',
      position: 10,
      conditions: { channel: ['webform', 'chat'] },
      actions: { assignUserId: a.userId, addTags: ['first'], priority: 'high' },
    });
    const second = await rule(p, {
      name: 'Everything to B',
      position: 20,
      actions: {
        assignUserId: b.userId,
        addTags: ['second', 'first'],
        priority: 'low',
        leadStage: 'contacted',
      },
    });
    expect(ignored.id).toBeDefined();

    const { conversationId } = await inbound(p);
    expect(await conversation(p, conversationId)).toMatchObject({
      assigneeId: a.userId,
      teamId: null,
      tags: ['first', 'second'],
      priority: 'high',
      leadStage: 'contacted',
      contact: { leadStage: 'contacted' },
    });

    const trail = (await auditTrail(app, p.admin.practiceId)).filter(
      (e) => e.target?.id === conversationId && e.actor.type === 'system',
    );
    expect(
      trail.map((e) => ({ action: e.action, actor: e.actor, metadata: e.metadata })).toReversed(),
    ).toEqual([
      {
        action: 'conversation.assigned',
        actor: ROUTING_ACTOR,
        metadata: { ruleId: first.id, ruleName: 'Forms to A', from: null, to: a.userId, teamId: null },
      },
      {
        action: 'conversation.updated',
        actor: ROUTING_ACTOR,
        metadata: {
          ruleId: first.id,
          ruleName: 'Forms to A',
          fields: 'priority,tags',
          priority: 'high',
          tagsAdded: 1,
        },
      },
      {
        action: 'conversation.updated',
        actor: ROUTING_ACTOR,
        metadata: {
          ruleId: second.id,
          ruleName: 'Everything to B',
          fields: 'leadStage,tags',
          leadStage: 'contacted',
          tagsAdded: 1,
        },
      },
    ]);

    // A later message of the same conversation is not routed again (a staff change stays).
    await c
      .patch(`/v1/conversations/${conversationId}`, { assigneeId: b.userId }, p.admin.accessToken)
      .expect(200);
    const from = (await owner.query(`SELECT contact_id FROM conversations WHERE id = $1`, [conversationId]))
      .rows[0];
    await app.get(TenantDb).forTenant(p.admin.practiceId, (tx) =>
      app.get(IngestService).ingestInbound(tx, {
        channelId: p.formId,
        channel: 'webform',
        from: { email: 'unused@mail.test' },
        contactId: from.contact_id,
        body: 'and another thing',
        actor: { type: 'patient', id: 'test' },
      }),
    );
    expect((await conversation(p, conversationId)).assigneeId).toBe(b.userId);
  });

  it('a reopened conversation runs only the rules marked onReopen', async () => {
    const p = await practice();
    const always = await rule(p, { name: 'New only', actions: { addTags: ['new-only'] } });
    const reopen = await rule(p, { name: 'Reopen too', onReopen: true, actions: { priority: 'urgent' } });
    const { conversationId } = await inbound(p);
    expect(await conversation(p, conversationId)).toMatchObject({ tags: ['new-only'], priority: 'urgent' });
    await c
      .patch(
        `/v1/conversations/${conversationId}`,
        { status: 'closed', tags: [], priority: 'low' },
        p.admin.accessToken,
      )
      .expect(200);
    const { contact_id: contactId } = (
      await owner.query(`SELECT contact_id FROM conversations WHERE id = $1`, [conversationId])
    ).rows[0];
    const again = await app.get(TenantDb).forTenant(p.admin.practiceId, (tx) =>
      app.get(IngestService).ingestInbound(tx, {
        channelId: p.formId,
        channel: 'webform',
        from: { email: 'unused@mail.test' },
        contactId,
        body: 'back again',
        actor: { type: 'patient', id: 'test' },
      }),
    );
    expect(again.conversationId).toBe(conversationId);
    expect(await conversation(p, conversationId)).toMatchObject({
      status: 'open',
      tags: [],
      priority: 'urgent',
    });
    const ruleEvents = (await auditTrail(app, p.admin.practiceId))
      .filter((e) => e.target?.id === conversationId && e.actor.type === 'system')
      .map((e) => e.metadata.ruleId);
    expect(ruleEvents.toReversed()).toEqual([always.id, reopen.id, reopen.id]);
  });

  it('a team rule takes turns over active members who are not away, fairly under concurrency; the team filter lists them', async () => {
    const p = await practice(5);
    const [a, b, cc, gone, away] = p.staff as [
      StaffMember,
      StaffMember,
      StaffMember,
      StaffMember,
      StaffMember,
    ];
    const team = (
      await c
        .post(
          '/v1/teams',
          { name: 'Round', memberIds: [a.userId, b.userId, cc.userId, gone.userId, away.userId] },
          p.admin.accessToken,
        )
        .expect(201)
    ).body;
    await c.patch(`/v1/users/${gone.userId}`, { active: false }, p.admin.accessToken).expect(200);
    const set = await c.put('/v1/me/availability', { away: true }, away.accessToken).expect(200);
    expect(set.body).toMatchObject({ id: away.userId, away: true });
    const users = (await c.get('/v1/users', p.admin.accessToken).expect(200)).body.data;
    expect(users.find((u: { id: string }) => u.id === away.userId).away).toBe(true);
    expect(users.find((u: { id: string }) => u.id === a.userId).away).toBe(false);
    expect((await c.get('/v1/me', away.accessToken).expect(200)).body.away).toBe(true);
    await c.put('/v1/me/availability', { away: 'yes' }, away.accessToken).expect(400);

    const r = await rule(p, { name: 'Round robin', actions: { assignTeamId: team.id } });
    const order = [a.userId, b.userId, cc.userId].toSorted();

    const sequential: string[] = [];
    for (let i = 0; i < 6; i++) sequential.push((await inbound(p)).conversationId);
    const assignees = await Promise.all(sequential.map(async (id) => (await conversation(p, id)).assigneeId));
    expect(assignees).toEqual([...order, ...order]);
    for (const id of sequential) expect((await conversation(p, id)).teamId).toBe(team.id);

    // Concurrent first messages queue on the team's round-robin row: each member gets two of six.
    const concurrent = await Promise.all(Array.from({ length: 6 }, () => inbound(p)));
    const counts = new Map<string, number>();
    for (const { conversationId } of concurrent) {
      const assignee = (await conversation(p, conversationId)).assigneeId as string;
      counts.set(assignee, (counts.get(assignee) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(order.map((id) => [id, 2])));

    // The away member back: they take turns again.
    await c.put('/v1/me/availability', { away: false }, away.accessToken).expect(200);
    const withAway = [...order, away.userId].toSorted();
    const next: string[] = [];
    for (let i = 0; i < 4; i++)
      next.push((await conversation(p, (await inbound(p)).conversationId)).assigneeId);
    expect(next.toSorted()).toEqual(withAway);

    // The team filter: exactly the routed conversations, paged like the rest of the inbox.
    await c.patch(`/v1/routing-rules/${r.id}`, { enabled: false }, p.admin.accessToken).expect(200);
    const unrouted = await inbound(p);
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: Array<{ id: string; teamId: string }>; nextCursor: string | null } } =
        await c
          .get(
            `/v1/conversations?assignee=team:${team.id}&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
            p.admin.accessToken,
          )
          .expect(200);
      listed.push(...page.body.data.map((item) => item.id));
      expect(page.body.data.every((item) => item.teamId === team.id)).toBe(true);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(listed).toHaveLength(16);
    expect(listed).not.toContain(unrouted.conversationId);
    await c.get(`/v1/conversations?assignee=team:nope`, p.admin.accessToken).expect(400);
    expect(
      (await c.get(`/v1/conversations?assignee=team:${randomUUID()}`, p.admin.accessToken).expect(200)).body
        .data,
    ).toEqual([]);

    // Nobody available: the conversation goes to the team, unassigned.
    await c.patch(`/v1/routing-rules/${r.id}`, { enabled: true }, p.admin.accessToken).expect(200);
    await c.patch(`/v1/teams/${team.id}`, { memberIds: [gone.userId] }, p.admin.accessToken).expect(200);
    const nobody = await inbound(p);
    expect(await conversation(p, nobody.conversationId)).toMatchObject({ teamId: team.id, assigneeId: null });

    // Deleting the team (its rule first) clears it from its conversations, which keep their assignee.
    await c.delete(`/v1/routing-rules/${r.id}`, p.admin.accessToken).expect(204);
    await c.delete(`/v1/teams/${team.id}`, p.admin.accessToken).expect(204);
    expect(await conversation(p, sequential[0]!)).toMatchObject({ teamId: null, assigneeId: order[0] });
    const deleted = (await auditTrail(app, p.admin.practiceId)).find((e) => e.action === 'team.deleted');
    expect(deleted?.metadata).toEqual({ conversationsCleared: 17 });
  });

  it("a pick waits for the team's round-robin row: a turn taken meanwhile is seen, never repeated", async () => {
    const p = await practice(3);
    const order = p.staff.map((m) => m.userId).toSorted();
    const team = (
      await c.post('/v1/teams', { name: 'Queue', memberIds: order }, p.admin.accessToken).expect(201)
    ).body;
    await rule(p, { name: 'Queue', actions: { assignTeamId: team.id } });
    const held = await owner.connect();
    try {
      await held.query('BEGIN');
      await held.query(`SELECT 1 FROM team_round_robin WHERE team_id = $1 FOR UPDATE`, [team.id]);
      let settled = false;
      const pending = inbound(p).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      // Another transaction gave the first member their turn and commits: the waiting pick goes on from there.
      await held.query(`UPDATE team_round_robin SET last_user_id = $2 WHERE team_id = $1`, [
        team.id,
        order[0],
      ]);
      await held.query('COMMIT');
      const { conversationId } = await pending;
      expect((await conversation(p, conversationId)).assigneeId).toBe(order[1]);
    } finally {
      held.release();
    }
  });

  it('staff move a conversation into a team or out of it (conversations.assign), audited', async () => {
    const p = await practice(1);
    const [a] = p.staff as [StaffMember];
    const other = await practice();
    const team = (await c.post('/v1/teams', { name: 'Billing desk' }, p.admin.accessToken).expect(201)).body;
    const theirs = (await c.post('/v1/teams', { name: 'Theirs' }, other.admin.accessToken).expect(201)).body;
    const { conversationId } = await inbound(p);
    const moved = await c
      .patch(`/v1/conversations/${conversationId}`, { teamId: team.id }, a.accessToken)
      .expect(200);
    expect(moved.body).toMatchObject({ teamId: team.id, assigneeId: null });
    for (const teamId of [theirs.id, randomUUID()]) {
      const res = await c.patch(`/v1/conversations/${conversationId}`, { teamId }, a.accessToken).expect(422);
      expect(res.body.error.code).toBe('invalid_team');
    }
    const listed = await c.get(`/v1/conversations?assignee=team:${team.id}`, a.accessToken).expect(200);
    expect(listed.body.data.map((item: { id: string }) => item.id)).toEqual([conversationId]);
    await c.patch(`/v1/conversations/${conversationId}`, { teamId: null }, a.accessToken).expect(200);
    expect((await conversation(p, conversationId)).teamId).toBeNull();
    const trail = (await auditTrail(app, p.admin.practiceId)).filter(
      (e) => e.target?.id === conversationId && e.action === 'conversation.updated',
    );
    expect(trail.map((e) => e.metadata).toReversed()).toEqual([
      { fields: 'teamId', teamId: team.id },
      { fields: 'teamId', teamId: null },
    ]);
  });

  it('keyword: whole words, any case, in the first message; the text is never audited', async () => {
    const p = await practice();
    const r = await rule(p, {
      name: 'Refills',
      conditions: { keyword: 'REFILL', channel: ['webform'] },
      actions: { addTags: ['refill'] },
    });
    const phrase = await rule(p, {
      name: 'Billing question',
      conditions: { keyword: 'my bill' },
      actions: { addTags: ['billing-question'] },
    });
    const cases: Array<[string, string[]]> = [
      ['Could I get a Refill, please? Zebra-7 secret', ['refill']],
      ['refill', ['refill']],
      ['two refills please', []],
      ['prefill the form', []],
      ['About MY   BILL.', ['billing-question']],
      ['my billing address', []],
    ];
    for (const [body, tags] of cases) {
      const { conversationId } = await inbound(p, { body });
      expect((await conversation(p, conversationId)).tags, body).toEqual(tags);
    }
    const trail = JSON.stringify(await auditTrail(app, p.admin.practiceId));
    expect(trail).not.toContain('Zebra-7');
    expect(trail).toContain(r.id);
    expect(trail).toContain(phrase.id);
  });

  it('channelId: only messages on that channel of the practice', async () => {
    const p = await practice();
    const second = await createPublicChannel(app, owner, 'webform', { tenantId: p.admin.practiceId });
    await rule(p, {
      name: 'Second form',
      conditions: { channelId: second.id },
      actions: { priority: 'urgent' },
    });
    const one = await inbound(p);
    const two = await inbound(p, { channelId: second.id });
    expect((await conversation(p, one.conversationId)).priority).toBe('normal');
    expect((await conversation(p, two.conversationId)).priority).toBe('urgent');
  });

  it('business hours: within only when set and open, outside only when set and closed', async () => {
    const p = await practice();
    await rule(p, { name: 'Open', conditions: { businessHours: 'within' }, actions: { addTags: ['open'] } });
    await rule(p, {
      name: 'Closed',
      conditions: { businessHours: 'outside' },
      actions: { addTags: ['closed'] },
    });
    const tagsOf = async () => (await conversation(p, (await inbound(p)).conversationId)).tags;

    expect(await tagsOf()).toEqual([]);
    const hours = { timeZone: 'America/New_York', weekly: ALWAYS_OPEN, closures: [] };
    await c.put('/v1/practice/business-hours', hours, p.admin.accessToken).expect(200);
    expect(await tagsOf()).toEqual(['open']);
    await c.put('/v1/practice/business-hours', { ...hours, weekly: {} }, p.admin.accessToken).expect(200);
    expect(await tagsOf()).toEqual(['closed']);
  });

  it("activity: the conversation's changes with who made them (a rule by name, staff by name), no reads, paged", async () => {
    const p = await practice(1);
    const [a] = p.staff as [StaffMember];
    const billing = await new StaffClient(app).addStaff(p.admin, 'billing');
    const r = await rule(p, { name: 'Forms to A', actions: { assignUserId: a.userId, addTags: ['new'] } });
    const { conversationId } = await inbound(p);
    await conversation(p, conversationId); // a PHI read: not activity
    await c.patch(`/v1/conversations/${conversationId}`, { status: 'pending' }, a.accessToken).expect(200);
    await c
      .post(`/v1/conversations/${conversationId}/notes`, { body: 'called back' }, a.accessToken)
      .expect(201);

    const res = await c.get(`/v1/conversations/${conversationId}/activity`, a.accessToken).expect(200);
    expect(res.body.nextCursor).toBeNull();
    expect(
      res.body.data.map((e: { action: string; actor: object; details: Record<string, unknown> }) => [
        e.action,
        e.actor,
        e.details.fields ?? e.details.to ?? null,
      ]),
    ).toEqual([
      ['conversation.note_added', { type: 'user', id: a.userId, name: 'Test front_desk' }, null],
      ['conversation.status_changed', { type: 'user', id: a.userId, name: 'Test front_desk' }, 'pending'],
      ['conversation.updated', { type: 'rule', id: r.id, name: 'Forms to A' }, 'tags'],
      ['conversation.assigned', { type: 'rule', id: r.id, name: 'Forms to A' }, a.userId],
    ]);
    expect(JSON.stringify(res.body)).not.toContain('called back');

    const first = await c
      .get(`/v1/conversations/${conversationId}/activity?limit=3`, a.accessToken)
      .expect(200);
    expect(first.body.data).toHaveLength(3);
    const rest = await c
      .get(
        `/v1/conversations/${conversationId}/activity?limit=3&cursor=${first.body.nextCursor}`,
        a.accessToken,
      )
      .expect(200);
    expect([...first.body.data, ...rest.body.data].map((e: { id: string }) => e.id)).toEqual(
      res.body.data.map((e: { id: string }) => e.id),
    );
    expect(rest.body.nextCursor).toBeNull();

    await c.get(`/v1/conversations/${conversationId}/activity`, billing.accessToken).expect(403);
    await c.get(`/v1/conversations/${randomUUID()}/activity`, a.accessToken).expect(404);
    await c.get(`/v1/conversations/${conversationId}/activity?cursor=abc`, a.accessToken).expect(400);
  });
});
