import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaffMember, StaffClient, auditTrail, ownerPool } from '@app/testing';
import { InboxSeeder } from './inbox-fixtures.js';
import { startListeningApi } from './ingestion-fixtures.js';
import { SseClient } from './intake-fixtures.js';

type Item = { id: string; contact: { id: string; displayName: string | null }; [k: string]: unknown };

describe('staff inbox (GET/PATCH /v1/conversations)', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let c: StaffClient;
  let admin: StaffMember;
  let provider: StaffMember;
  let frontDesk: StaffMember;
  let billing: StaffMember;
  let seed: InboxSeeder;
  let other: StaffMember;
  let otherSeed: InboxSeeder;

  beforeAll(async () => {
    app = await startListeningApi({ ALLOW_SIGNUP: 'true' });
    owner = ownerPool();
    c = new StaffClient(app);
    admin = await c.signupPractice();
    provider = await c.addStaff(admin, 'provider');
    frontDesk = await c.addStaff(admin, 'front_desk');
    billing = await c.addStaff(admin, 'billing');
    seed = await InboxSeeder.forPractice(app, owner, admin.practiceId);
    other = await new StaffClient(app).signupPractice();
    otherSeed = await InboxSeeder.forPractice(app, owner, other.practiceId);
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  const list = async (who: StaffMember, query = '') => {
    const res = await c.get(`/v1/conversations${query}`, who.accessToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { data: Item[]; nextCursor: string | null };
  };
  const ids = async (who: StaffMember, query = '') => (await list(who, query)).data.map((i) => i.id);
  const patch = (who: StaffMember, id: string, body: object) =>
    c.patch(`/v1/conversations/${id}`, body, who.accessToken);

  /** Every page of a query, following nextCursor. */
  async function allPages(who: StaffMember, query: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(who, `${query}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  it('lists newest activity first with the contact name decrypted, and filters by every field', async () => {
    const a = await seed.inbound({ name: 'Alma Adams', channel: 'sms' });
    const b = await seed.inbound({ name: 'Bea Brown', channel: 'email' });
    const cc = await seed.inbound({ name: 'Cy Cole', channel: 'webform' });
    await patch(admin, a.conversationId, {
      assigneeId: provider.userId,
      tags: ['billing', 'Follow-Up'],
    }).expect(200);
    await patch(admin, b.conversationId, {
      status: 'pending',
      priority: 'high',
      leadStage: 'contacted',
    }).expect(200);
    await patch(admin, cc.conversationId, { status: 'closed', assigneeId: admin.userId }).expect(200);

    const page = await list(admin, '?limit=3');
    expect(page.data.map((i) => i.id)).toEqual([cc.conversationId, b.conversationId, a.conversationId]);
    expect(page.data[2]).toMatchObject({
      contact: { id: a.contactId, displayName: 'Alma Adams' },
      status: 'open',
      assigneeId: provider.userId,
      tags: ['billing', 'follow-up'],
      lastChannel: 'sms',
      lastMessagePreview: 'hello, a question about my visit',
      unreadCount: 1,
      unread: true,
    });

    expect(await ids(admin, '?status=pending')).toEqual([b.conversationId]);
    expect(await ids(admin, '?status=closed')).toEqual([cc.conversationId]);
    expect(await ids(admin, '?status=open&channel=sms')).toEqual([a.conversationId]);
    expect(await ids(admin, '?channel=email')).toEqual([b.conversationId]);
    expect(await ids(provider, '?assignee=me')).toEqual([a.conversationId]);
    expect(await ids(admin, `?assignee=${provider.userId}`)).toEqual([a.conversationId]);
    expect(await ids(admin, '?assignee=me')).toEqual([cc.conversationId]);
    expect(await ids(admin, '?assignee=unassigned&limit=100')).toContain(b.conversationId);
    expect(await ids(admin, '?assignee=unassigned&limit=100')).not.toContain(a.conversationId);
    expect(await ids(admin, '?tag=follow-up')).toEqual([a.conversationId]);
    expect(await ids(admin, '?tag=FOLLOW-UP')).toEqual([a.conversationId]);
    expect(await ids(admin, '?leadStage=contacted')).toEqual([b.conversationId]);
    expect(await ids(admin, '?leadStage=patient')).toEqual([]);

    // The tag filter follows new activity like the others (its index carries the sort key).
    await patch(admin, b.conversationId, { tags: ['follow-up'] }).expect(200);
    expect(await ids(admin, '?tag=follow-up')).toEqual([b.conversationId, a.conversationId]);
    await seed.inbound({ from: a.from, body: 'news' });
    expect(await ids(admin, '?tag=follow-up')).toEqual([a.conversationId, b.conversationId]);
    await patch(admin, b.conversationId, { tags: [] }).expect(200);
    expect(await ids(admin, '?tag=follow-up')).toEqual([a.conversationId]);
  });

  it('answers 400 validation_failed for a bad limit, a garbage cursor or an unknown filter value', async () => {
    for (const q of [
      '?limit=0',
      '?limit=101',
      '?cursor=garbage!',
      '?cursor=AAAA',
      '?status=lost',
      '?assignee=x',
      '?x=1',
    ]) {
      const res = await c.get(`/v1/conversations${q}`, admin.accessToken);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('pages with a keyset cursor that stays stable while new messages arrive (no duplicates, no gaps)', async () => {
    const practice = await new StaffClient(app).signupPractice();
    const s = await InboxSeeder.forPractice(app, owner, practice.practiceId);
    const created: string[] = [];
    for (let i = 0; i < 12; i++)
      created.push((await s.inbound({ from: `p${i}@cursor.test` })).conversationId);
    const expected = created.toReversed();

    const first = await list(practice, '?limit=5');
    expect(first.data.map((i) => i.id)).toEqual(expected.slice(0, 5));
    // Meanwhile: new activity on a conversation of page 1, and brand-new conversations.
    await s.inbound({ from: 'p11@cursor.test', body: 'again' });
    await Promise.all([s.inbound({ from: 'new1@cursor.test' }), s.inbound({ from: 'new2@cursor.test' })]);

    const rest: string[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await list(practice, `?limit=5&cursor=${cursor}`);
      rest.push(...page.data.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(rest).toEqual(expected.slice(5));
    expect(new Set([...first.data.map((i) => i.id), ...rest]).size).toBe(12);
  });

  it('"unread" means unread by me: per-user read marks, undone by a newer message', async () => {
    const x = await seed.inbound();
    expect(await allPages(provider, '?unread=true&limit=100')).toContain(x.conversationId);
    await c.post(`/v1/conversations/${x.conversationId}/read`, {}, provider.accessToken).expect(204);
    expect(await allPages(provider, '?unread=true&limit=100')).not.toContain(x.conversationId);
    expect(await allPages(frontDesk, '?unread=true&limit=100')).toContain(x.conversationId);
    const item = (await list(provider, '?limit=100')).data.find((i) => i.id === x.conversationId);
    expect(item).toMatchObject({ unread: false, unreadCount: 0 });

    await seed.inbound({ from: x.from, body: 'one more thing' });
    expect(await allPages(provider, '?unread=true&limit=100')).toContain(x.conversationId);
  });

  it('billing sees only conversations tagged billing or assigned to them; every refusal is audited', async () => {
    const tagged = await seed.inbound();
    const assigned = await seed.inbound();
    const hidden = await seed.inbound();
    await patch(admin, tagged.conversationId, { tags: ['billing'] }).expect(200);
    await patch(admin, assigned.conversationId, { assigneeId: billing.userId }).expect(200);

    const visible = await allPages(billing, '?limit=100');
    expect(visible).toContain(tagged.conversationId);
    expect(visible).toContain(assigned.conversationId);
    expect(visible).not.toContain(hidden.conversationId);
    expect(await allPages(provider, '?limit=100')).toContain(hidden.conversationId);
    expect(await allPages(frontDesk, '?limit=100')).toContain(hidden.conversationId);

    await c.get(`/v1/conversations/${tagged.conversationId}`, billing.accessToken).expect(200);
    await c.get(`/v1/conversations/${assigned.conversationId}/messages`, billing.accessToken).expect(200);
    for (const res of [
      await c.get(`/v1/conversations/${hidden.conversationId}`, billing.accessToken),
      await c.get(`/v1/conversations/${hidden.conversationId}/messages`, billing.accessToken),
      await patch(billing, hidden.conversationId, { status: 'closed' }),
      await c.post(`/v1/conversations/${hidden.conversationId}/notes`, { body: 'x' }, billing.accessToken),
      await patch(billing, tagged.conversationId, { assigneeId: billing.userId }),
      await c.get('/v1/conversations/counts', billing.accessToken),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    const denials = (await auditTrail(app, admin.practiceId)).filter(
      (e) => e.action === 'conversation.access_denied' && e.actor.id === billing.userId,
    );
    expect(denials).toHaveLength(6);
    expect(denials.every((e) => e.outcome === 'denied')).toBe(true);
    expect(denials.filter((e) => e.target?.id === hidden.conversationId)).toHaveLength(4);
    // A read's event is recorded before its query and stored only if the viewer may see the
    // conversation: the refused read left none, the allowed one did, an unknown id none.
    await c.get(`/v1/conversations/${randomUUID()}/messages`, billing.accessToken).expect(404);
    const reads = (await auditTrail(app, admin.practiceId)).filter(
      (e) => e.action === 'conversation.messages_read' && e.actor.id === billing.userId,
    );
    expect(reads.map((e) => e.target?.id)).toEqual([assigned.conversationId]);
  });

  it('another practice’s conversation ids answer 404 on every route, as do malformed ids', async () => {
    const theirs = await otherSeed.inbound();
    const id = theirs.conversationId;
    for (const res of [
      await c.get(`/v1/conversations/${id}`, admin.accessToken),
      await c.get(`/v1/conversations/${id}/messages`, admin.accessToken),
      await patch(admin, id, { status: 'closed' }),
      await c.post(`/v1/conversations/${id}/notes`, { body: 'hi' }, admin.accessToken),
      await c.post(`/v1/conversations/${id}/read`, {}, admin.accessToken),
      await c.get('/v1/conversations/not-a-uuid', admin.accessToken),
    ])
      expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    expect(await allPages(admin, '?limit=100')).not.toContain(id);
  });

  it('detail and messages are audited PHI reads, one event per request; notes are kept internal', async () => {
    const x = await seed.inbound({ name: 'Dora Diaz', body: 'first' });
    await seed.inbound({ from: x.from, body: 'second' });
    await seed.inbound({ from: x.from, body: 'third' });
    const note = await c
      .post(
        `/v1/conversations/${x.conversationId}/notes`,
        { body: 'called back, left voicemail' },
        provider.accessToken,
      )
      .expect(201);

    const detail = await c.get(`/v1/conversations/${x.conversationId}`, frontDesk.accessToken).expect(200);
    expect(detail.body).toMatchObject({
      id: x.conversationId,
      status: 'open',
      contact: { id: x.contactId, displayName: 'Dora Diaz', email: x.from, leadSource: 'webform' },
    });

    const first = await c
      .get(`/v1/conversations/${x.conversationId}/messages?limit=2`, frontDesk.accessToken)
      .expect(200);
    expect(first.body.data.map((m: { body: string }) => m.body)).toEqual([
      'called back, left voicemail',
      'third',
    ]);
    expect(first.body.data[0]).toMatchObject({
      id: note.body.id,
      kind: 'note',
      status: 'internal',
      author: { id: provider.userId },
    });
    const second = await c
      .get(
        `/v1/conversations/${x.conversationId}/messages?limit=2&cursor=${first.body.nextCursor}`,
        frontDesk.accessToken,
      )
      .expect(200);
    expect(second.body.data.map((m: { body: string }) => m.body)).toEqual(['second', 'first']);
    expect(second.body.data[0]).toMatchObject({ direction: 'inbound', kind: 'message', channel: 'webform' });

    const reads = (await auditTrail(app, admin.practiceId)).filter(
      (e) => e.target?.id === x.conversationId && e.actor.id === frontDesk.userId,
    );
    // Newest first.
    expect(reads.map((e) => [e.action, e.metadata.limit ?? null]).toReversed()).toEqual([
      ['conversation.read', null],
      ['conversation.messages_read', 2],
      ['conversation.messages_read', 2],
    ]);
    for (const e of reads) expect(JSON.stringify(e)).not.toMatch(/Dora|voicemail|third/);
    // The note is never queued for delivery and did not count as patient activity.
    const { rows } = await owner.query(`SELECT status, delivery_route FROM messages WHERE id = $1`, [
      note.body.id,
    ]);
    expect(rows[0]).toEqual({ status: 'internal', delivery_route: null });
  });

  it('a list page is one audited read per request, written with the page', async () => {
    await seed.inbound();
    const before = (await auditTrail(app, admin.practiceId)).filter(
      (e) => e.action === 'conversation.listed' && e.actor.id === provider.userId,
    ).length;
    await c.get('/v1/conversations?limit=5', provider.accessToken).expect(200);
    await c.get('/v1/conversations?limit=7&status=open', provider.accessToken).expect(200);
    const lists = (await auditTrail(app, admin.practiceId)).filter(
      (e) => e.action === 'conversation.listed' && e.actor.id === provider.userId,
    );
    expect(lists).toHaveLength(before + 2);
    // Newest first.
    expect(lists.slice(0, 2).map((e) => e.metadata)).toEqual([{ limit: 7 }, { limit: 5 }]);
  });

  it('assigns only to active staff of the same practice; changes are audited and counted', async () => {
    const x = await seed.inbound();
    const leaver = await c.addStaff(admin, 'front_desk');
    await c.patch(`/v1/users/${leaver.userId}`, { active: false }, admin.accessToken).expect(200);
    for (const assigneeId of [leaver.userId, other.userId, '00000000-0000-4000-8000-000000000000']) {
      const res = await patch(admin, x.conversationId, { assigneeId });
      expect([res.status, res.body.error.code]).toEqual([422, 'invalid_assignee']);
    }
    const before = (await c.get('/v1/conversations/counts', admin.accessToken).expect(200)).body;
    await patch(frontDesk, x.conversationId, { assigneeId: frontDesk.userId, status: 'pending' }).expect(200);
    const after = (await c.get('/v1/conversations/counts', frontDesk.accessToken).expect(200)).body;
    expect(after.byStatus.pending).toBe(before.byStatus.pending + 1);
    expect(after.byStatus.open).toBe(before.byStatus.open - 1);
    expect(after.notClosed.mine).toBe(1);
    expect(after.notClosed.unassigned).toBe(before.notClosed.unassigned - 1);
    const { rows } = await owner.query(
      `SELECT status, count(*)::int AS n FROM conversations WHERE tenant_id = $1 GROUP BY status`,
      [admin.practiceId],
    );
    for (const row of rows) expect(after.byStatus[row.status]).toBe(row.n);

    const trail = (await auditTrail(app, admin.practiceId)).filter((e) => e.target?.id === x.conversationId);
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(['conversation.assigned', 'conversation.status_changed']),
    );
    expect(trail.find((e) => e.action === 'conversation.assigned')?.metadata).toEqual({
      from: null,
      to: frontDesk.userId,
    });
  });

  it('refuses a reopen that would give the contact two open conversations (409), and bad bodies (400)', async () => {
    const x = await seed.inbound();
    await patch(admin, x.conversationId, { status: 'closed' }).expect(200);
    // The closed window is 7 days: force a new conversation by moving closed_at back.
    await owner.query(`UPDATE conversations SET closed_at = now() - interval '30 days' WHERE id = $1`, [
      x.conversationId,
    ]);
    const again = await seed.inbound({ from: x.from });
    expect(again.conversationId).not.toBe(x.conversationId);
    const res = await patch(admin, x.conversationId, { status: 'open' });
    expect([res.status, res.body.error.code]).toEqual([409, 'conversation_conflict']);

    for (const body of [
      {},
      { status: 'snoozed' },
      { snoozedUntil: new Date(Date.now() - 1000).toISOString() },
      { status: 'open', snoozedUntil: new Date(Date.now() + 60_000).toISOString() },
      { priority: 'meh' },
      { tags: ['has space'] },
      { leadStage: 'vip' },
      { assigneeId: 'me' },
    ]) {
      const bad = await patch(admin, again.conversationId, body);
      expect([bad.status, bad.body.error.code], JSON.stringify(body)).toEqual([400, 'validation_failed']);
    }
  });

  it('announces assignment, status changes, updates and notes on the live staff stream (ids only)', async () => {
    const x = await seed.inbound({ name: 'Eve Evans', body: 'my results' });
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const stream = await SseClient.open(`${baseUrl}/v1/events`, {
      Authorization: `Bearer ${provider.accessToken}`,
    });
    try {
      await stream.next((e) => e.event === 'ready');
      await patch(admin, x.conversationId, {
        assigneeId: provider.userId,
        status: 'pending',
        tags: ['vip'],
      }).expect(200);
      await c
        .post(`/v1/conversations/${x.conversationId}/notes`, { body: 'private note' }, admin.accessToken)
        .expect(201);
      const of = (type: string) =>
        stream.next(
          (e) =>
            e.event === type && (e.data as { conversationId?: string }).conversationId === x.conversationId,
        );
      expect((await of('conversation.assigned')).data).toMatchObject({ assigneeId: provider.userId });
      expect((await of('conversation.status_changed')).data).toMatchObject({
        status: 'pending',
        from: 'open',
      });
      expect((await of('conversation.updated')).data).toMatchObject({ fields: ['tags'] });
      expect((await of('note.created')).data).toMatchObject({ messageId: expect.any(String) });
      expect(JSON.stringify(stream.events)).not.toMatch(/Eve|results|private note|vip/);
    } finally {
      stream.close();
    }
  });
});
