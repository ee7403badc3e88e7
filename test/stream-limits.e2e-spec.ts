import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicChannel } from '@app/channels';
import { type StaffMember, StaffClient, ownerPool, testClientIp } from '@app/testing';
import { startListeningApi, waitFor } from './ingestion-fixtures.js';
import { SITE, SseClient, createPublicChannel } from './intake-fixtures.js';

interface ChatSession {
  sessionId: string;
  sessionToken: string;
}

const chatUrl = (base: string, session: ChatSession) =>
  `${base}/v1/public/chat/sessions/${session.sessionId}/events`;
const chatHeaders = (session: ChatSession, ip = testClientIp()) => ({
  Authorization: `Bearer ${session.sessionToken}`,
  Origin: SITE,
  'X-Forwarded-For': ip,
});

/** A refused stream: 429 too_many_streams with Retry-After, and no event stream. */
async function expectRefused(url: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(url, { headers });
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect((await res.json()).error).toMatchObject({ code: 'too_many_streams' });
}

const staffHeaders = (member: StaffMember) => ({
  Authorization: `Bearer ${member.accessToken}`,
  'X-Forwarded-For': testClientIp(),
});

/** Two api instances sharing one Redis: a limit holds across them. */
describe('live-event stream limits', () => {
  let apiA: INestApplication;
  let apiB: INestApplication;
  let baseA: string;
  let baseB: string;
  let owner: pg.Pool;
  let widget: PublicChannel;
  let practice: StaffMember;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    apiA = await startListeningApi({ ALLOW_SIGNUP: 'true' });
    apiB = await startListeningApi({ ALLOW_SIGNUP: 'true' });
    baseA = (await apiA.getUrl()).replace('[::1]', '127.0.0.1');
    baseB = (await apiB.getUrl()).replace('[::1]', '127.0.0.1');
    owner = ownerPool();
    widget = await createPublicChannel(apiA, owner, 'chat');
    practice = await new StaffClient(apiA).signupPractice();
  });

  afterAll(async () => {
    for (const s of streams) s.close();
    await apiA?.close();
    await apiB?.close();
    await owner?.end();
  });

  async function startSession(): Promise<ChatSession> {
    const res = await request(apiA.getHttpServer())
      .post(`/v1/public/chat/${widget.publicKey}/sessions`)
      .set('Origin', SITE)
      .set('X-Forwarded-For', testClientIp())
      .send({});
    expect(res.status).toBe(201);
    return res.body;
  }

  /** An open stream that has sent its `ready` event. */
  async function openStream(url: string, headers: Record<string, string>): Promise<SseClient> {
    const stream = await SseClient.open(url, headers);
    streams.push(stream);
    expect(stream.status).toBe(200);
    await stream.next((e) => e.event === 'ready');
    return stream;
  }

  it('caps the streams of one chat session, across api instances, and frees a slot on close', async () => {
    const session = await startSession();
    const first = await openStream(chatUrl(baseA, session), chatHeaders(session));
    await openStream(chatUrl(baseA, session), chatHeaders(session));
    await openStream(chatUrl(baseB, session), chatHeaders(session));
    await expectRefused(chatUrl(baseB, session), chatHeaders(session));
    await expectRefused(chatUrl(baseA, session), chatHeaders(session));

    first.close();
    const reopened = await waitFor(async () => {
      const stream = await SseClient.open(chatUrl(baseB, session), chatHeaders(session));
      streams.push(stream);
      return stream.status === 200 ? stream : null;
    });
    await reopened.next((e) => e.event === 'ready');
    // Another session is not affected.
    const other = await startSession();
    await openStream(chatUrl(baseA, other), chatHeaders(other));
  });

  it('caps the chat streams from one client address (its /64), whatever the session', async () => {
    const address = testClientIp();
    const sameNetwork = (n: number) => `${address.split('::')[0]}::${n.toString(16)}`;
    let opened = 0;
    while (opened < 20) {
      const session = await startSession();
      for (let i = 0; i < 3 && opened < 20; i++, opened++)
        await openStream(
          chatUrl(opened % 2 ? baseA : baseB, session),
          chatHeaders(session, sameNetwork(opened)),
        );
    }
    const fresh = await startSession();
    await expectRefused(chatUrl(baseA, fresh), chatHeaders(fresh, sameNetwork(99)));
    // That session may still stream from another address.
    await openStream(chatUrl(baseA, fresh), chatHeaders(fresh));
  });

  it('caps the streams of one staff user, across api instances', async () => {
    for (let i = 0; i < 5; i++)
      await openStream(`${i % 2 ? baseA : baseB}/v1/events`, staffHeaders(practice));
    await expectRefused(`${baseA}/v1/events`, staffHeaders(practice));
    await expectRefused(`${baseB}/v1/events`, staffHeaders(practice));
    // A colleague is not affected.
    const colleague = await new StaffClient(apiA).addStaff(practice, 'provider');
    await openStream(`${baseB}/v1/events`, staffHeaders(colleague));
  });
});
