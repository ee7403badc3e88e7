import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaffMember, StaffClient, auditTrail, startApi } from '@app/testing';

describe('canned responses (/v1/canned-responses)', () => {
  let app: INestApplication;
  let c: StaffClient;
  let admin: StaffMember;
  let frontDesk: StaffMember;

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    c = new StaffClient(app);
    admin = await c.signupPractice({ practiceName: 'Maple Dental' });
    frontDesk = await c.addStaff(admin, 'front_desk');
  });
  afterAll(() => app?.close());

  it('admins manage templates; staff list and render them with practice and staff names only', async () => {
    const created = await c
      .post(
        '/v1/canned-responses',
        {
          title: 'Call back',
          body: 'Hi, {staffFirstName} from {practiceName} here. We will call you today.',
        },
        admin.accessToken,
      )
      .expect(201);
    expect((await c.get('/v1/canned-responses', frontDesk.accessToken).expect(200)).body.data).toEqual([
      expect.objectContaining({ id: created.body.id, title: 'Call back' }),
    ]);
    const rendered = await c
      .post(`/v1/canned-responses/${created.body.id}/render`, {}, frontDesk.accessToken)
      .expect(200);
    // addStaff names users "Test <role>".
    expect(rendered.body.text).toBe('Hi, Test from Maple Dental here. We will call you today.');

    await c
      .patch(`/v1/canned-responses/${created.body.id}`, { title: 'Callback' }, admin.accessToken)
      .expect(200);
    await c.delete(`/v1/canned-responses/${created.body.id}`, admin.accessToken).expect(204);
    expect((await c.delete(`/v1/canned-responses/${created.body.id}`, admin.accessToken)).status).toBe(404);
    const actions = (await auditTrail(app, admin.practiceId)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'canned_response.created',
        'canned_response.updated',
        'canned_response.deleted',
      ]),
    );
  });

  it('refuses placeholders that could pull patient data, and non-admin edits', async () => {
    for (const body of ['Dear {patientName}', 'Your {diagnosis} results', 'Hi {}']) {
      const res = await c.post('/v1/canned-responses', { title: 'Bad', body }, admin.accessToken);
      expect([res.status, res.body.error.code], body).toEqual([400, 'validation_failed']);
    }
    const res = await c.post('/v1/canned-responses', { title: 'T', body: 'B' }, frontDesk.accessToken);
    expect(res.status).toBe(403);
  });
});
