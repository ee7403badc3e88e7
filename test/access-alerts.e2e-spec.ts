import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTIVITY_SQL,
  AccessAlertEmails,
  BASELINES_SQL,
  AccessAlertSweep,
  AccessAlertsRepository,
  CONVERSATION_OPEN_ACTIONS,
  EXPORT_ACTIONS,
  type NewAccessAlert,
} from '@app/access-alerts';
import { AuditService } from '@app/audit';
import { APP_CONFIG } from '@app/config';
import { StaffEvents } from '@app/conversations';
import { RoutedDb, TenantDb } from '@app/database';
import {
  appPool,
  auditTrail,
  ownerPool,
  type PlanNode,
  planAsTenant,
  sequentialScansOf,
  StaffClient,
  type StaffMember,
} from '@app/testing';
import { createSandboxApp } from '../apps/sandbox/src/sandbox-app.js';
import { InboxSeeder } from './inbox-fixtures.js';
import { startListeningApi, waitFor } from './ingestion-fixtures.js';
import { SseClient } from './intake-fixtures.js';

const PLATFORM_FROM = 'alerts@platform.example';
const HOUR = 3_600_000;
/** Patient data the seeded conversations hold: none of it may appear in an alert. */
const PATIENT_NAME = 'Hermione Patientname';
const PATIENT_BODY = 'my biopsy results question';

const shown = (p: PlanNode[]) =>
  JSON.stringify(p.map((n) => [n['Node Type'], n['Relation Name'], n['Index Name']]));

interface SentEmail {
  to: string;
  from?: string;
  subject?: string | null;
  text?: string | null;
}

// Issue 25, last bullet: alerts on unusual PHI access, derived from the audit chain by the sweep.
describe('unusual access alerts', () => {
  let sandbox: NestExpressApplication;
  let app: INestApplication;
  let owner: pg.Pool;
  let c: StaffClient;
  let admin: StaffMember;
  let burst: StaffMember;
  let regular: StaffMember;
  let habitual: StaffMember;
  let newcomer: StaffMember;
  let sweep: AccessAlertSweep;
  let conversations: { conversationId: string; contactId: string; from: string }[];
  /** Live event streams (GET /v1/events) of the owner and of the front-desk user the alert is about. */
  let ownerStream: SseClient;
  let staffStream: SseClient;

  const tenant = () => admin.practiceId;
  /** The sweep's pass of the test practice at `now`, once the api's audit events are sealed. */
  const evaluate = async (now = new Date()): Promise<NewAccessAlert[]> => {
    await app.get(AuditService, { strict: false }).seal(tenant());
    return app.get(TenantDb, { strict: false }).forTenant(tenant(), (tx) => sweep.practice(tx, now));
  };
  const openMessages = async (member: StaffMember, count: number) => {
    for (const { conversationId } of conversations.slice(0, count))
      await c.get(`/v1/conversations/${conversationId}/messages`, member.accessToken).expect(200);
  };
  const alertRows = async (userId: string) =>
    (
      await owner.query<{ kind: string; observed: number; window_start: Date }>(
        `SELECT kind, observed, window_start FROM access_alerts WHERE tenant_id = $1 AND user_id = $2`,
        [tenant(), userId],
      )
    ).rows;
  const emailsTo = async (to: string): Promise<SentEmail[]> =>
    (
      (await request(sandbox.getHttpServer()).get('/sandbox/messages').expect(200)).body as SentEmail[]
    ).filter((m) => m.to === to);
  /** Nothing of a patient: no name, address, body, contact or conversation id. */
  const expectNoPhi = (text: string) => {
    expect(text).not.toContain(PATIENT_NAME);
    expect(text).not.toContain(PATIENT_BODY);
    for (const k of conversations) {
      expect(text).not.toContain(k.from);
      expect(text).not.toContain(k.conversationId);
      expect(text).not.toContain(k.contactId);
    }
  };

  beforeAll(async () => {
    // A burst split over two UTC hours would be two smaller hours: start well inside one.
    const toNextHour = HOUR - (Date.now() % HOUR);
    if (toNextHour < 2 * 60_000) await new Promise((r) => setTimeout(r, toNextHour + 1000));

    sandbox = await createSandboxApp({ logger: false });
    await sandbox.listen(0, '127.0.0.1');
    const sandboxUrl = `http://127.0.0.1:${(sandbox.getHttpServer().address() as AddressInfo).port}`;
    app = await startListeningApi({
      ALLOW_SIGNUP: 'true',
      SENDGRID_API_BASE_URL: sandboxUrl,
      PLATFORM_EMAIL_FROM: PLATFORM_FROM,
      SENDGRID_API_KEY: 'SG.platform-alert-emails',
    });
    owner = ownerPool();
    c = new StaffClient(app);
    admin = await c.signupPractice();
    burst = await c.addStaff(admin, 'front_desk');
    regular = await c.addStaff(admin, 'front_desk');
    habitual = await c.addStaff(admin, 'provider');
    newcomer = await c.addStaff(admin, 'provider');
    // The worker's sweep, built from the api's providers (the worker is not started: its schedule
    // runs on the real clock over every practice; the test drives one practice's pass).
    sweep = new AccessAlertSweep(
      app.get(RoutedDb, { strict: false }),
      app.get(TenantDb, { strict: false }),
      new AccessAlertsRepository(),
      app.get(AuditService, { strict: false }),
      app.get(StaffEvents, { strict: false }),
      new AccessAlertEmails(app.get(APP_CONFIG, { strict: false })),
    );
    const seeder = await InboxSeeder.forPractice(app, owner, tenant());
    conversations = [];
    for (let i = 0; i < 24; i++)
      conversations.push(await seeder.inbound({ name: PATIENT_NAME, body: PATIENT_BODY }));
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    ownerStream = await SseClient.open(`${baseUrl}/v1/events`, {
      Authorization: `Bearer ${admin.accessToken}`,
    });
    staffStream = await SseClient.open(`${baseUrl}/v1/events`, {
      Authorization: `Bearer ${burst.accessToken}`,
    });
    await ownerStream.next((e) => e.event === 'ready');
    await staffStream.next((e) => e.event === 'ready');
  }, 4 * 60_000);
  afterAll(async () => {
    ownerStream?.close();
    staffStream?.close();
    await owner?.end();
    await app?.close();
    await sandbox?.close();
  });

  it('lists every practice for the sweep under its own setting only', async () => {
    const routed = app.get(RoutedDb, { strict: false });
    const ids = await routed.sweep('accessAlertSweep', (tx) => new AccessAlertsRepository().practiceIds(tx));
    expect(ids).toContain(tenant());
    // Without the setting, a sweep of another kind sees no practice through this policy.
    const other = await routed.sweep('wakeSweep', (tx) => new AccessAlertsRepository().practiceIds(tx));
    expect(other).not.toContain(tenant());
  });

  it('a burst of reads by one user raises exactly one alert: staff event, email to owners/admins, audit event; a normal user none', async () => {
    await openMessages(burst, 24);
    await openMessages(regular, 3);
    // Reading the same conversation again is no new open.
    await openMessages(regular, 3);

    const raised = await evaluate();
    expect(raised).toEqual([
      expect.objectContaining({
        kind: 'conversations_opened',
        userId: burst.userId,
        observed: 24,
        threshold: 20,
        baseline: null,
      }),
    ]);
    const alert = raised[0]!;
    expect(await alertRows(regular.userId)).toEqual([]);

    // A second evaluation of the same window (another worker, a retry, the next pass) raises nothing.
    expect(await evaluate()).toEqual([]);
    expect(await evaluate(new Date(Date.now() + HOUR))).toEqual([]);
    expect(await alertRows(burst.userId)).toHaveLength(1);

    // The live event, to owners and admins only: ids and kind.
    const announced = await ownerStream.next((e) => e.event === 'access_alert.raised');
    expect(announced.data).toEqual({
      id: announced.id,
      type: 'access_alert.raised',
      at: expect.any(String),
      alertId: alert.id,
      kind: 'conversations_opened',
      userId: burst.userId,
    });
    expectNoPhi(JSON.stringify(announced.data));
    // A later event both may hear arrives after it on the same channel: the front desk's stream
    // has it, and never had the alert.
    await c
      .post(
        `/v1/conversations/${conversations[0]!.conversationId}/notes`,
        { body: 'Called back' },
        admin.accessToken,
      )
      .expect(201);
    await staffStream.next((e) => e.event === 'note.created');
    await ownerStream.next((e) => e.event === 'note.created');
    expect(staffStream.events.filter((e) => e.event === 'access_alert.raised')).toEqual([]);
    expect(ownerStream.events.filter((e) => e.event === 'access_alert.raised')).toHaveLength(1);

    // The email, through the SendGrid sandbox, to the owner (the only owner/admin).
    const [email] = await waitFor(async () => {
      const sent = await emailsTo(admin.email);
      return sent.length ? sent : null;
    });
    expect(email!.from).toContain(PLATFORM_FROM);
    expect(email!.subject).toBe('Unusual access alert in Consent Inbox');
    const text = email!.text ?? '';
    expect(text).toContain(`User id: ${burst.userId} (role: front_desk)`);
    expect(text).toContain('opened 24 conversations in one hour (alert threshold: 20)');
    expect(text).toContain(`/v1/audit-events?actorId=${burst.userId}&from=`);
    expectNoPhi(text);
    for (const staff of [burst, regular]) expect(await emailsTo(staff.email)).toEqual([]);

    // The audit event, by the sweep, about the user.
    const trail = await auditTrail(app, tenant());
    const audited = trail.filter((e) => e.action === 'access_alert.raised');
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      actor: { type: 'system', id: 'access_alerts' },
      target: { type: 'user', id: burst.userId },
      metadata: {
        alertId: alert.id,
        kind: 'conversations_opened',
        role: 'front_desk',
        observed: 24,
        threshold: 20,
      },
    });
    expectNoPhi(JSON.stringify(audited[0]));

    // Owners and admins list it; other staff may not.
    const list = await c.get('/v1/access-alerts', admin.accessToken).expect(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        id: alert.id,
        kind: 'conversations_opened',
        userId: burst.userId,
        userRole: 'front_desk',
        observed: 24,
        threshold: 20,
        baseline: null,
      }),
    ]);
    await c.get('/v1/access-alerts', burst.accessToken).expect(403);
  });

  it("thresholds are the practice's: settable by owners/admins, judged against each user's own baseline", async () => {
    expect((await c.get('/v1/access-alerts/settings', admin.accessToken).expect(200)).body).toEqual({
      opensFactor: 5,
      minimumOpensPerHour: 20,
      exportsOutsideBusinessHours: true,
      configured: false,
    });
    await c
      .put(
        '/v1/access-alerts/settings',
        { opensFactor: 2, minimumOpensPerHour: 0, exportsOutsideBusinessHours: true },
        admin.accessToken,
      )
      .expect(400);
    await c
      .put(
        '/v1/access-alerts/settings',
        { opensFactor: 2, minimumOpensPerHour: 3, exportsOutsideBusinessHours: true },
        burst.accessToken,
      )
      .expect(403);

    // The habitual user opened 10 conversations an hour through the last days: their baseline is 10.
    await owner.query(
      `INSERT INTO access_hourly_opens (tenant_id, user_id, hour_start, opens)
       SELECT $1, $2, date_bin('1 hour', now(), TIMESTAMPTZ 'epoch') - g * interval '1 hour', 10
       FROM generate_series(2, 40) g`,
      [tenant(), habitual.userId],
    );
    await openMessages(habitual, 6);
    await openMessages(newcomer, 6);
    // Under the defaults 6 opens are below the minimum for both.
    expect(await evaluate()).toEqual([]);

    const put = await c
      .put(
        '/v1/access-alerts/settings',
        { opensFactor: 2, minimumOpensPerHour: 5, exportsOutsideBusinessHours: true },
        admin.accessToken,
      )
      .expect(200);
    expect(put.body).toEqual({
      opensFactor: 2,
      minimumOpensPerHour: 5,
      exportsOutsideBusinessHours: true,
      configured: true,
    });
    expect((await c.get('/v1/access-alerts/settings', admin.accessToken).expect(200)).body).toEqual(put.body);

    // 6 opens: over the new minimum; for the newcomer (no history) an alert, for the habitual user
    // (2 x 10 = 20) not. Two workers' passes at once raise it once.
    await app.get(AuditService, { strict: false }).seal(tenant());
    const passes = await Promise.all(
      [0, 1].map(() =>
        app.get(TenantDb, { strict: false }).forTenant(tenant(), (tx) => sweep.practice(tx, new Date())),
      ),
    );
    const raised = passes.flat();
    expect(raised).toEqual([
      expect.objectContaining({
        kind: 'conversations_opened',
        userId: newcomer.userId,
        observed: 6,
        threshold: 5,
      }),
    ]);
    expect(await alertRows(habitual.userId)).toEqual([]);
    const changed = (await auditTrail(app, tenant())).find(
      (e) => e.action === 'access_alert.settings_changed',
    );
    expect(changed?.metadata).toEqual({
      opensFactor: 2,
      minimumOpensPerHour: 5,
      exportsOutsideBusinessHours: true,
    });
  });

  it('a bulk export outside business hours alerts; without business hours nothing is outside them', async () => {
    await c.get('/v1/audit-events/export', admin.accessToken).expect(200);
    expect((await evaluate()).filter((a) => a.kind === 'export_outside_hours')).toEqual([]);

    // Open no day of the week: every instant is outside business hours.
    await c
      .put(
        '/v1/practice/business-hours',
        { timeZone: 'America/New_York', weekly: {}, closures: [] },
        admin.accessToken,
      )
      .expect(200);
    const raised = await evaluate();
    expect(raised).toEqual([
      expect.objectContaining({
        kind: 'export_outside_hours',
        userId: admin.userId,
        observed: 1,
        threshold: 0,
      }),
    ]);
    expect(await evaluate()).toEqual([]);
    const sent = await waitFor(async () => {
      const all = await emailsTo(admin.email);
      return all.some((m) => m.text?.includes('bulk export')) ? all : null;
    });
    const email = sent.find((m) => m.text?.includes('bulk export'))!;
    expect(email.text).toContain('ran 1 bulk export outside business hours');
    expect(email.text).toContain(`User id: ${admin.userId} (role: owner)`);
    expectNoPhi(email.text ?? '');
  });
});

/**
 * The sweep's read of the audit chain stays a range scan of the practice's events in the span:
 * at a realistic size (4 practices x 60k events over 30 days, VACUUM ANALYZE), planned as the app
 * role under RLS, neither it nor the baseline read scans a table sequentially.
 */
describe('access alert query plans', () => {
  let ownerDb: pg.Pool;
  let appDb: pg.Pool;
  const tenants = Array.from({ length: 4 }, () => randomUUID());
  const users = tenants.map(() => randomUUID());

  beforeAll(async () => {
    ownerDb = ownerPool();
    appDb = appPool();
    for (const [i, t] of tenants.entries()) {
      await ownerDb.query(`INSERT INTO practices (id, name) VALUES ($1, $2)`, [t, `Alerts explain ${i}`]);
      await ownerDb.query(
        `INSERT INTO users (id, tenant_id, email, email_normalized, name, role)
         VALUES ($1, $2, $3, $3, 'Explain user', 'front_desk')`,
        [users[i], t, `explain-${users[i]}@example.test`],
      );
      await ownerDb.query(
        `INSERT INTO audit_events (id, tenant_id, seq, hash, occurred_at, actor_type, actor_id, action, target_type, target_id, outcome)
         SELECT gen_random_uuid(), $1, g, '\\x00'::bytea, now() - g * interval '43 seconds', 'user', $2,
                (ARRAY['conversation.read', 'conversation.messages_read', 'contact.read', 'auth.login', 'audit.exported'])[1 + g % 5],
                'conversation', gen_random_uuid()::text, 'success'
         FROM generate_series(1, 60000) g`,
        [t, users[i]],
      );
      await ownerDb.query(
        `INSERT INTO access_hourly_opens (tenant_id, user_id, hour_start, opens)
         SELECT $1, $2, date_bin('1 hour', now(), TIMESTAMPTZ 'epoch') - g * interval '1 hour', g % 30
         FROM generate_series(1, 2000) g`,
        [t, users[i]],
      );
    }
    await ownerDb.query('VACUUM ANALYZE audit_events');
    await ownerDb.query('VACUUM ANALYZE access_hourly_opens');
  });
  afterAll(async () => {
    await ownerDb?.end();
    await appDb?.end();
  });

  it('reads the span of audit events through audit_events_time', async () => {
    const now = Date.now();
    const planned = await planAsTenant(appDb, tenants[0]!, ACTIVITY_SQL, [
      tenants[0],
      new Date(now - 2 * HOUR),
      new Date(now),
      CONVERSATION_OPEN_ACTIONS,
      EXPORT_ACTIONS,
    ]);
    expect(sequentialScansOf(planned, ['audit_events']), shown(planned)).toEqual([]);
    expect(
      planned.some((n) => n['Index Name'] === 'audit_events_time'),
      shown(planned),
    ).toBe(true);
  });

  it("reads a user's baseline through the hourly key", async () => {
    const planned = await planAsTenant(appDb, tenants[0]!, BASELINES_SQL, [
      tenants[0],
      [users[0]],
      [new Date()],
    ]);
    expect(sequentialScansOf(planned, ['access_hourly_opens']), shown(planned)).toEqual([]);
  });
});
