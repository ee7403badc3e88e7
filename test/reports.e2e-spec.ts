import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerPool, StaffClient, type StaffMember, startApi } from '@app/testing';

/** Mon-Fri 09:00-17:00 in New York, closed Thursday 2026-11-05. */
const HOURS = {
  timeZone: 'America/New_York',
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ from: '09:00', to: '17:00' }]]),
  ),
  closures: [{ date: '2026-11-05', name: 'Staff training' }],
};

/** The response-time period: Sat 2026-10-31 00:00 EDT to Sat 2026-11-07 00:00 EST (the DST change inside). */
const PERIOD = { from: '2026-10-31T04:00:00.000Z', to: '2026-11-07T05:00:00.000Z' };

/**
 * The fixture, in New York time (EDT until Sun 2026-11-01 02:00, EST after), with the figures
 * worked out by hand. first inbound -> first staff reply; wall-clock s / open s:
 *  #1 sms     Mon 11-02 10:00 -> Mon 10:30                          1800 /  1800
 *  #2 sms     Mon 11-02 16:30 -> Tue 09:30 (a closed night)        61200 /  3600  (16:30-17:00, 09:00-09:30)
 *  #3 email   Fri 11-06 16:00 -> Mon 11-09 10:00 (a weekend)      237600 /  7200  (16-17 Fri, 09-10 Mon)
 *  #4 webform Tue 11-03 12:00 -> 12:05                               300 /   300
 *  #5 sms     Wed 11-04 20:00 -> Fri 11-06 09:10 (Thursday closed) 133800 /   600
 *  #6 sms     Thu 11-05 11:00, unanswered, still waiting
 *  #7 sms     Fri 10-30 08:00 EDT (before the period)  -> answered: not counted
 *  #8 sms     Sat 10-31 20:00 EDT -> Mon 11-02 09:15 EST (DST ends)  137700 /   900
 *  #9 sms     before the period, over SLA now
 * All: count 7, answered 6. Wall sorted 300, 1800, 61200, 133800, 137700, 237600:
 *   median (61200 + 133800) / 2 = 97500, p90 (position 4.5) (137700 + 237600) / 2 = 187650.
 * Open sorted 300, 600, 900, 1800, 3600, 7200: median 1350, p90 5400.
 * SMS: count 5, answered 4; wall 1800, 61200, 133800, 137700: median 97500,
 *   p90 (position 2.7) 133800 + 0.7 * 3900 = 136530; open 600, 900, 1800, 3600: median 1350,
 *   p90 1800 + 0.7 * 1800 = 3060.
 */
const FIXTURE: Array<{
  n: number;
  channel: string;
  inbound: string;
  reply: string | null;
  status?: string;
  waiting?: boolean;
  overSla?: boolean;
}> = [
  { n: 1, channel: 'sms', inbound: '2026-11-02T15:00:00Z', reply: '2026-11-02T15:30:00Z' },
  { n: 2, channel: 'sms', inbound: '2026-11-02T21:30:00Z', reply: '2026-11-03T14:30:00Z' },
  { n: 3, channel: 'email', inbound: '2026-11-06T21:00:00Z', reply: '2026-11-09T15:00:00Z' },
  { n: 4, channel: 'webform', inbound: '2026-11-03T17:00:00Z', reply: '2026-11-03T17:05:00Z' },
  { n: 5, channel: 'sms', inbound: '2026-11-05T01:00:00Z', reply: '2026-11-06T14:10:00Z' },
  { n: 6, channel: 'sms', inbound: '2026-11-05T16:00:00Z', reply: null, status: 'open', waiting: true },
  { n: 7, channel: 'sms', inbound: '2026-10-30T12:00:00Z', reply: '2026-10-30T12:01:00Z' },
  { n: 8, channel: 'sms', inbound: '2026-11-01T00:00:00Z', reply: '2026-11-02T14:15:00Z' },
  {
    n: 9,
    channel: 'sms',
    inbound: '2026-10-01T12:00:00Z',
    reply: null,
    status: 'open',
    waiting: true,
    overSla: true,
  },
];

const inDec = (day: number) => `2026-12-${String(day).padStart(2, '0')}T12:00:00Z`;
const stages = (s: Partial<Record<string, number>>) => ({
  new: 0,
  contacted: 0,
  scheduled: 0,
  patient: 0,
  lost: 0,
  none: 0,
  ...s,
});

// Issue 23: response-time and funnel reports, from a hand-computed fixture.
describe('reports', () => {
  let app: INestApplication;
  let c: StaffClient;
  let owner: StaffMember;
  let db: pg.Pool;
  const token = () => owner.accessToken;

  async function contact(values: {
    createdAt: string;
    source?: string | null;
    sourceId?: string | null;
    stage?: string | null;
    mergedInto?: string | null;
  }): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO contacts (id, tenant_id, lead_stage, created_at, source_channel, source_channel_id, merged_into)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        owner.practiceId,
        values.stage ?? null,
        values.createdAt,
        values.source ?? null,
        values.sourceId ?? null,
        values.mergedInto ?? null,
      ],
    );
    return id;
  }

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    c = new StaffClient(app);
    owner = await c.signupPractice();
    db = ownerPool();
    for (const f of FIXTURE) {
      const contactId = await contact({ createdAt: '2026-09-01T00:00:00Z', source: f.channel });
      await db.query(
        `INSERT INTO conversations (id, tenant_id, contact_id, status, last_message_at, last_channel,
           first_inbound_at, first_inbound_channel, first_response_at, waiting_since, sla_breached_at)
         VALUES ($1, $2, $3, $4, $5, $6, $5, $6, $7, $8, $9)`,
        [
          randomUUID(),
          owner.practiceId,
          contactId,
          f.status ?? 'closed',
          f.inbound,
          f.channel,
          f.reply,
          f.waiting ? f.inbound : null,
          f.overSla ? '2026-10-01T13:00:00Z' : null,
        ],
      );
    }
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  const responseTimes = async (query: Record<string, string>) =>
    (await c.get(`/v1/reports/response-times?${new URLSearchParams(query)}`, token()).expect(200)).body;

  it('first-response times without business hours: wall-clock median and p90, open time null', async () => {
    expect(await responseTimes(PERIOD)).toEqual({
      ...PERIOD,
      channel: null,
      teamId: null,
      count: 7,
      answered: 6,
      unanswered: 1,
      firstResponse: { median: 97_500, p90: 187_650 },
      firstResponseBusinessHours: null,
      sla: { minutes: null, waiting: 1, overSla: 1 },
    });
  });

  it('with business hours: open time only (a closed night, a weekend, a closure, the DST day)', async () => {
    await c.put('/v1/practice/business-hours', HOURS, token()).expect(200);
    await c.patch('/v1/practice/settings', { slaMinutes: 60 }, token()).expect(200);
    expect(await responseTimes(PERIOD)).toEqual({
      ...PERIOD,
      channel: null,
      teamId: null,
      count: 7,
      answered: 6,
      unanswered: 1,
      firstResponse: { median: 97_500, p90: 187_650 },
      firstResponseBusinessHours: { median: 1350, p90: 5400 },
      sla: { minutes: 60, waiting: 1, overSla: 1 },
    });
    expect(await responseTimes({ ...PERIOD, channel: 'sms' })).toMatchObject({
      channel: 'sms',
      count: 5,
      answered: 4,
      unanswered: 1,
      firstResponse: { median: 97_500, p90: 136_530 },
      firstResponseBusinessHours: { median: 1350, p90: 3060 },
    });
    expect(await responseTimes({ ...PERIOD, channel: 'chat' })).toMatchObject({
      count: 0,
      answered: 0,
      firstResponse: { median: null, p90: null },
      firstResponseBusinessHours: { median: null, p90: null },
    });
  });

  it("in one team: the team's conversations only; an unknown team is 404", async () => {
    const team = await c.post('/v1/teams', { name: 'Texting desk', memberIds: [] }, token()).expect(201);
    // The SMS conversations of the fixture are the team's: the team's figures are the SMS figures.
    await db.query(
      `UPDATE conversations SET team_id = $2 WHERE tenant_id = $1 AND first_inbound_channel = 'sms'`,
      [owner.practiceId, team.body.id],
    );
    const sms = await responseTimes({ ...PERIOD, channel: 'sms' });
    const inTeam = await responseTimes({ ...PERIOD, teamId: team.body.id });
    expect(inTeam).toEqual({ ...sms, channel: null, teamId: team.body.id });
    expect(inTeam).toMatchObject({ count: 5, answered: 4 });
    expect(await responseTimes({ ...PERIOD, teamId: team.body.id, channel: 'email' })).toMatchObject({
      count: 0,
      answered: 0,
    });
    const unknown = await c
      .get(`/v1/reports/response-times?${new URLSearchParams({ ...PERIOD, teamId: randomUUID() })}`, token())
      .expect(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('funnel: contacts of the period by current lead stage, per source and per web form; secure open rate', async () => {
    const formA = (
      await c
        .post(
          '/v1/channels',
          { type: 'webform', name: 'New patient form', allowedOrigins: ['https://a.example'] },
          token(),
        )
        .expect(201)
    ).body.id as string;
    const formB = (
      await c
        .post(
          '/v1/channels',
          { type: 'webform', name: 'Contact us', allowedOrigins: ['https://a.example'] },
          token(),
        )
        .expect(201)
    ).body.id as string;
    await contact({ createdAt: inDec(1), source: 'sms', stage: 'new' });
    await contact({ createdAt: inDec(2), source: 'sms', stage: 'contacted' });
    await contact({ createdAt: inDec(3), source: 'webform', sourceId: formA, stage: 'new' });
    await contact({ createdAt: inDec(4), source: 'webform', sourceId: formA, stage: 'new' });
    await contact({ createdAt: inDec(5), source: 'webform', sourceId: formA, stage: 'scheduled' });
    await contact({ createdAt: inDec(6), source: 'webform', sourceId: formB, stage: 'patient' });
    await contact({ createdAt: inDec(7), source: 'chat', stage: null });
    const survivor = await contact({ createdAt: inDec(8), source: 'staff', stage: 'lost' });
    // Merged into another (not a lead of its own) and one after the period: not counted.
    await contact({ createdAt: inDec(9), source: 'sms', stage: 'new', mergedInto: survivor });
    await contact({ createdAt: '2027-01-02T00:00:00Z', source: 'sms', stage: 'new' });

    // Secure messages: 4 sent in the period (2 read), one plain, one secure before the period.
    const conversationId = randomUUID();
    await db.query(
      `INSERT INTO conversations (id, tenant_id, contact_id, status) VALUES ($1, $2, $3, 'closed')`,
      [conversationId, owner.practiceId, survivor],
    );
    const messages: Array<[string, string, string]> = [
      ['secure_link', 'read', inDec(10)],
      ['secure_link', 'read', inDec(11)],
      ['secure_link', 'delivered', inDec(12)],
      ['secure_link', 'sent', inDec(13)],
      ['plain', 'read', inDec(14)],
      ['secure_link', 'read', '2026-11-20T00:00:00Z'],
    ];
    for (const [route, status, at] of messages)
      await db.query(
        `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, kind, body_enc,
           status, delivery_route, created_at)
         VALUES ($1, $2, $3, $4, 'sms', 'outbound', 'message', '\\x01'::bytea, $5, $6, $7)`,
        [randomUUID(), owner.practiceId, conversationId, survivor, status, route, at],
      );

    const res = await c
      .get('/v1/reports/funnel?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z', token())
      .expect(200);
    expect(res.body).toEqual({
      from: '2026-12-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
      total: 8,
      stages: stages({ new: 3, contacted: 1, scheduled: 1, patient: 1, lost: 1, none: 1 }),
      bySource: [
        { source: 'sms', total: 2, stages: stages({ new: 1, contacted: 1 }) },
        { source: 'webform', total: 4, stages: stages({ new: 2, scheduled: 1, patient: 1 }) },
        { source: 'chat', total: 1, stages: stages({ none: 1 }) },
        { source: 'staff', total: 1, stages: stages({ lost: 1 }) },
      ],
      byForm: [
        { channelId: formB, name: 'Contact us', total: 1, stages: stages({ patient: 1 }) },
        { channelId: formA, name: 'New patient form', total: 3, stages: stages({ new: 2, scheduled: 1 }) },
      ],
      secureMessages: { sent: 4, read: 2, openRate: 0.5 },
    });
  });

  it('refuses a period that ends before it starts, a longer one than 366 days, or a bad instant: 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['/v1/reports/response-times?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z', 'to'],
      ['/v1/reports/response-times?from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00Z', 'to'],
      ['/v1/reports/funnel?from=2025-01-01T00:00:00Z&to=2026-01-03T00:00:00Z', 'to'],
      ['/v1/reports/funnel?from=yesterday&to=2026-01-03T00:00:00Z', 'from'],
      ['/v1/reports/response-times?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&channel=fax', 'channel'],
      ['/v1/reports/response-times?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&teamId=x', 'teamId'],
      ['/v1/reports/response-times?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&team=x', '(body)'],
      ['/v1/reports/funnel?to=2026-11-02T00:00:00Z', 'from'],
    ];
    for (const [url, field] of cases) {
      const res = await c.get(url, token()).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(JSON.stringify(res.body.error.details), url).toContain(`"path":"${field}"`);
    }
    // 366 days is allowed (a leap year).
    await c.get('/v1/reports/funnel?from=2027-01-01T00:00:00Z&to=2028-01-02T00:00:00Z', token()).expect(200);
  });

  it('is for owners and admins only', async () => {
    const admin = await c.addStaff(owner, 'admin');
    const provider = await c.addStaff(owner, 'provider');
    const desk = await c.addStaff(owner, 'front_desk');
    const url = `/v1/reports/response-times?${new URLSearchParams(PERIOD)}`;
    await c.get(url, admin.accessToken).expect(200);
    await c.get(url, provider.accessToken).expect(403);
    await c.get(`/v1/reports/funnel?${new URLSearchParams(PERIOD)}`, desk.accessToken).expect(403);
  });

  it("reads only the caller's practice", async () => {
    const other = await c.signupPractice();
    expect(
      (
        await c
          .get(`/v1/reports/response-times?${new URLSearchParams(PERIOD)}`, other.accessToken)
          .expect(200)
      ).body,
    ).toMatchObject({ count: 0, answered: 0, sla: { waiting: 0, overSla: 0 } });
  });
});
