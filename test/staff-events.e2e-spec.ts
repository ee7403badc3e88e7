import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicChannel } from '@app/channels';
import { LiveSubscriptions } from '@app/conversations';
import { type StaffMember, StaffClient, ownerPool, testClientIp } from '@app/testing';
import { startListeningApi } from './ingestion-fixtures.js';
import { SITE, SseClient, createPublicChannel } from './intake-fixtures.js';

describe('staff live events (GET /v1/events)', () => {
  let app: INestApplication;
  let baseUrl: string;
  let owner: pg.Pool;
  let practiceA: StaffMember;
  let practiceB: StaffMember;
  let formA: PublicChannel;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    app = await startListeningApi({ ALLOW_SIGNUP: 'true' });
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    owner = ownerPool();
    practiceA = await new StaffClient(app).signupPractice();
    practiceB = await new StaffClient(app).signupPractice();
    formA = await createPublicChannel(app, owner, 'webform', { tenantId: practiceA.practiceId });
  });

  afterAll(async () => {
    for (const s of streams) s.close();
    await app?.close();
    await owner?.end();
  });

  async function open(token?: string): Promise<SseClient> {
    const client = await SseClient.open(
      `${baseUrl}/v1/events`,
      token ? { Authorization: `Bearer ${token}` } : {},
    );
    streams.push(client);
    return client;
  }

  it('streams a new message to its practice only, with ids and kinds and no PHI', async () => {
    const a = await open(practiceA.accessToken);
    const b = await open(practiceB.accessToken);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    await a.next((e) => e.event === 'ready');
    await b.next((e) => e.event === 'ready');

    const res = await request(app.getHttpServer())
      .post(`/v1/public/forms/${formA.publicKey}/submissions`)
      .set('Origin', SITE)
      .set('X-Forwarded-For', testClientIp())
      .send({ name: 'Petra Private', email: 'petra.private@mail.test', message: 'my rash is worse' });
    expect(res.status).toBe(202);

    const event = await a.next((e) => e.event === 'message.created');
    const { rows } = await owner.query(
      `SELECT id, conversation_id, contact_id FROM messages WHERE tenant_id = $1`,
      [practiceA.practiceId],
    );
    expect(event.data).toEqual({
      type: 'message.created',
      id: event.id,
      at: expect.any(String),
      messageId: rows[0].id,
      conversationId: rows[0].conversation_id,
      contactId: rows[0].contact_id,
      channel: 'webform',
      direction: 'inbound',
    });
    const raw = JSON.stringify(event.data);
    for (const phi of ['Petra', 'petra.private', 'rash']) expect(raw).not.toContain(phi);

    // Give practice B's stream time to (wrongly) receive it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(b.events.filter((e) => e.event !== 'ready')).toEqual([]);
  });

  it('tells billing staff only about conversations they may see (tagged billing or assigned to them)', async () => {
    const client = new StaffClient(app);
    const billing = await client.addStaff(practiceA, 'billing');
    const stream = await open(billing.accessToken);
    const everything = await open(practiceA.accessToken);
    await stream.next((e) => e.event === 'ready');
    await everything.next((e) => e.event === 'ready');

    const submit = (email: string) =>
      request(app.getHttpServer())
        .post(`/v1/public/forms/${formA.publicKey}/submissions`)
        .set('Origin', SITE)
        .set('X-Forwarded-For', testClientIp())
        .send({ name: 'Clinical Question', email, message: 'about my treatment' })
        .expect(202);
    await submit('clinical.question@mail.test');
    const clinical = await everything.next((e) => e.event === 'message.created');
    const clinicalId = (clinical.data as { conversationId: string }).conversationId;

    await submit('invoice.question@mail.test');
    const invoice = await everything.next(
      (e) =>
        e.event === 'message.created' && (e.data as { conversationId: string }).conversationId !== clinicalId,
    );
    const invoiceId = (invoice.data as { conversationId: string }).conversationId;
    await client
      .patch(`/v1/conversations/${invoiceId}`, { tags: ['billing'] }, practiceA.accessToken)
      .expect(200);
    await client
      .post(`/v1/conversations/${invoiceId}/notes`, { body: 'Sent the itemized bill' }, practiceA.accessToken)
      .expect(201);
    await client
      .post(`/v1/conversations/${clinicalId}/notes`, { body: 'Dose adjusted' }, practiceA.accessToken)
      .expect(201);

    await stream.next((e) => e.event === 'note.created');
    await everything.next(
      (e) =>
        e.event === 'note.created' && (e.data as { conversationId: string }).conversationId === clinicalId,
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // time to (wrongly) deliver the rest
    const seen = stream.events
      .filter((e) => e.event !== 'ready')
      .map((e) => (e.data as { conversationId: string }).conversationId);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([invoiceId]));
  });

  it('needs a valid access token to connect', async () => {
    const none = await open();
    expect(none.status).toBe(401);
    const forged = await open(`${practiceA.accessToken.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
  });

  it('ends the stream when the access token expires', async () => {
    // The same session's claims, re-signed with a 2-second lifetime (the real one lasts 15 minutes).
    const jwt = app.get(JwtService, { strict: false });
    const claims = jwt.decode<Record<string, unknown>>(practiceA.accessToken);
    const { sub, tid, sid, ver, aud, iss } = claims;
    const shortLived = jwt.sign(
      { sub, tid, sid, ver },
      { audience: aud as string, issuer: iss as string, expiresIn: 2 },
    );
    const stream = await open(shortLived);
    expect(stream.status).toBe(200);
    await stream.next((e) => e.event === 'ready');
    await stream.closed(5_000);
    // And reconnecting with it is refused.
    expect((await open(shortLived)).status).toBe(401);
  });

  it('ends open streams when the api shuts down (so shutdown does not wait for clients)', async () => {
    const stream = await open(practiceB.accessToken);
    await stream.next((e) => e.event === 'ready');
    app.get(LiveSubscriptions).beforeApplicationShutdown();
    await stream.closed(2_000);
  });
});
