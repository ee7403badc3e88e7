import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatDelivery, type PublicChannel } from '@app/channels';
import { TenantDb } from '@app/database';
import { ownerPool, testClientIp } from '@app/testing';
import { startListeningApi } from './ingestion-fixtures.js';
import { OTHER_SITE, SITE, SseClient, createPublicChannel, intakeRowCounts } from './intake-fixtures.js';

describe('website chat', () => {
  let app: INestApplication;
  let baseUrl: string;
  let owner: pg.Pool;
  let widget: PublicChannel;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    app = await startListeningApi();
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    owner = ownerPool();
    widget = await createPublicChannel(app, owner, 'chat');
  });

  afterAll(async () => {
    for (const s of streams) s.close();
    await app?.close();
    await owner?.end();
  });

  const http = () => request(app.getHttpServer());

  async function startSession(
    body: object = {},
    key = widget.publicKey,
  ): Promise<{ sessionId: string; sessionToken: string }> {
    const res = await http()
      .post(`/v1/public/chat/${key}/sessions`)
      .set('Origin', SITE)
      .set('X-Forwarded-For', testClientIp())
      .send(body);
    expect(res.status).toBe(201);
    return res.body;
  }

  const sendMessage = (session: { sessionId: string; sessionToken: string }, body: unknown, origin = SITE) =>
    http()
      .post(`/v1/public/chat/sessions/${session.sessionId}/messages`)
      .set('Origin', origin)
      .set('Authorization', `Bearer ${session.sessionToken}`)
      .send(body as object);

  async function openEvents(session: { sessionId: string; sessionToken: string }): Promise<SseClient> {
    const client = await SseClient.open(`${baseUrl}/v1/public/chat/sessions/${session.sessionId}/events`, {
      Authorization: `Bearer ${session.sessionToken}`,
      Origin: SITE,
    });
    streams.push(client);
    return client;
  }

  it('round trip: visitor message ingested, staff reply via ChatDelivery reaches the visitor over SSE', async () => {
    const session = await startSession({ name: 'Carl Chatter' });
    expect(session.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { rows: stored } = await owner.query(`SELECT token_hash FROM chat_sessions WHERE id = $1`, [
      session.sessionId,
    ]);
    expect(stored[0].token_hash).toEqual(createHash('sha256').update(session.sessionToken).digest());

    const events = await openEvents(session);
    expect(events.status).toBe(200);
    await events.next((e) => e.event === 'ready');

    const sent = await sendMessage(session, { body: 'Do you take new patients on Saturdays?' });
    expect(sent.status).toBe(201);
    expect(sent.headers['access-control-allow-origin']).toBe(SITE);
    expect(sent.body).toMatchObject({ direction: 'inbound', body: 'Do you take new patients on Saturdays?' });

    const { rows: inbound } = await owner.query(
      `SELECT m.id, m.channel, m.direction, m.conversation_id, m.body_enc, c.lead_stage
       FROM messages m JOIN contacts c ON c.tenant_id = m.tenant_id AND c.id = m.contact_id
       WHERE m.tenant_id = $1 AND m.id = $2`,
      [widget.tenantId, sent.body.id],
    );
    expect(inbound[0]).toMatchObject({ channel: 'chat', direction: 'inbound', lead_stage: 'new' });
    expect(inbound[0].body_enc.toString('latin1')).not.toContain('Saturdays');

    const reply = await app
      .get(TenantDb)
      .forTenant(widget.tenantId, (tx) =>
        app
          .get(ChatDelivery)
          .deliver(tx, { sessionId: session.sessionId, body: 'Yes, 9 to 12.', authorUserId: null }),
      );
    expect(reply.conversationId).toBe(inbound[0].conversation_id);

    const pushed = await events.next((e) => e.event === 'message' && e.id === reply.messageId);
    expect(pushed.data).toMatchObject({ id: reply.messageId, direction: 'outbound', body: 'Yes, 9 to 12.' });

    const page = await http()
      .get(`/v1/public/chat/sessions/${session.sessionId}/messages?after=${sent.body.id}`)
      .set('Authorization', `Bearer ${session.sessionToken}`);
    expect(page.status).toBe(200);
    expect(page.body.data).toEqual([expect.objectContaining({ id: reply.messageId, direction: 'outbound' })]);
    const all = await http()
      .get(`/v1/public/chat/sessions/${session.sessionId}/messages`)
      .set('Authorization', `Bearer ${session.sessionToken}`);
    expect(all.body.data.map((m: { id: string }) => m.id)).toEqual([sent.body.id, reply.messageId]);

    const { rows: outbound } = await owner.query(
      `SELECT channel, direction, delivery_route, status FROM messages WHERE tenant_id = $1 AND id = $2`,
      [widget.tenantId, reply.messageId],
    );
    expect(outbound[0]).toEqual({
      channel: 'chat',
      direction: 'outbound',
      delivery_route: 'chat',
      status: 'delivered',
    });
  });

  it('an address a contact already holds is a claim: a separate contact, flagged as a possible match', async () => {
    const first = await startSession({ email: 'returning.visitor@mail.test' });
    const second = await startSession({ email: 'Returning.Visitor@mail.test' });
    const { rows } = await owner.query(
      `SELECT s.id, s.contact_id, s.proven_contact_id, c.claim_of, c.email_bidx IS NULL AS unindexed
       FROM chat_sessions s JOIN contacts c ON c.tenant_id = s.tenant_id AND c.id = s.contact_id
       WHERE s.id = ANY($1::uuid[])`,
      [[first.sessionId, second.sessionId]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const a = byId.get(first.sessionId)!;
    const b = byId.get(second.sessionId)!;
    expect(b.contact_id).not.toBe(a.contact_id);
    expect(a).toMatchObject({ claim_of: null, unindexed: false, proven_contact_id: a.contact_id });
    expect(b).toMatchObject({ claim_of: a.contact_id, unindexed: true, proven_contact_id: b.contact_id });
  });

  it('refuses wrong, foreign and expired session tokens', async () => {
    const mine = await startSession();
    const theirs = await startSession();
    const wrong = await sendMessage(
      { sessionId: mine.sessionId, sessionToken: theirs.sessionToken },
      { body: 'x' },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_session');
    const missing = await http().get(`/v1/public/chat/sessions/${mine.sessionId}/messages`);
    expect(missing.status).toBe(401);
    const unknown = await sendMessage(
      { sessionId: '00000000-0000-4000-8000-000000000000', sessionToken: mine.sessionToken },
      { body: 'x' },
    );
    expect(unknown.status).toBe(401);

    await owner.query(`UPDATE chat_sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      mine.sessionId,
    ]);
    const expired = await sendMessage(mine, { body: 'still there?' });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('session_expired');
    const events = await openEvents(mine);
    expect(events.status).toBe(401);
    await expect(
      app
        .get(TenantDb)
        .forTenant(widget.tenantId, (tx) =>
          app.get(ChatDelivery).deliver(tx, { sessionId: mine.sessionId, body: 'hello', authorUserId: null }),
        ),
    ).rejects.toMatchObject({ code: 'chat_session_expired' });
  });

  it('applies the widget’s allowed origins (preflight and requests)', async () => {
    const preflight = (path: string, origin: string) =>
      http().options(path).set('Origin', origin).set('Access-Control-Request-Method', 'POST');
    const ok = await preflight(`/v1/public/chat/${widget.publicKey}/sessions`, SITE);
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(SITE);
    const refused = await preflight(`/v1/public/chat/${widget.publicKey}/sessions`, OTHER_SITE);
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();

    const session = await startSession();
    const okSession = await preflight(`/v1/public/chat/sessions/${session.sessionId}/messages`, SITE);
    expect(okSession.status).toBe(204);
    expect(okSession.headers['access-control-allow-headers']).toContain('Authorization');
    expect((await preflight(`/v1/public/chat/sessions/${session.sessionId}/events`, OTHER_SITE)).status).toBe(
      403,
    );

    const before = await intakeRowCounts(owner, widget.tenantId);
    const start = await http()
      .post(`/v1/public/chat/${widget.publicKey}/sessions`)
      .set('Origin', OTHER_SITE)
      .send({});
    expect(start.status).toBe(403);
    expect(start.body.error.code).toBe('origin_not_allowed');
    const post = await sendMessage(session, { body: 'from elsewhere' }, OTHER_SITE);
    expect(post.status).toBe(403);
    expect(await intakeRowCounts(owner, widget.tenantId)).toEqual(before);
  });

  it('serves the widget script and a demo page without inline script', async () => {
    const js = await http().get('/chat/widget.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['cross-origin-resource-policy']).toBe('cross-origin');

    const demo = await http().get(`/chat/demo?widgetKey=${widget.publicKey}`);
    expect(demo.status).toBe(200);
    expect(demo.headers['content-type']).toMatch(/^text\/html/);
    expect(demo.headers['content-security-policy']).toContain("default-src 'self'");
    expect(demo.text).toContain(
      `<script src="/chat/widget.js" data-widget-key="${widget.publicKey}"></script>`,
    );
    expect(demo.text.match(/<script/g)).toHaveLength(1);
    expect(demo.text).not.toMatch(/ style=| on[a-z]+=/);

    expect((await http().get('/chat/demo?widgetKey=%22%3E%3Cscript%3E')).status).toBe(400);
  });
});
