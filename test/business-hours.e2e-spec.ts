import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTrail, StaffClient, type StaffMember, startApi } from '@app/testing';

const HOURS = {
  timeZone: 'America/Chicago',
  weekly: {
    mon: [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '17:30' },
    ],
    sat: [{ from: '09:00', to: '24:00' }],
  },
  closures: [{ date: '2026-12-25', name: 'Christmas' }],
};

// Issue 23: a practice's business hours, validated and kept with its time zone.
describe('business hours', () => {
  let app: INestApplication;
  let c: StaffClient;
  let owner: StaffMember;

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    c = new StaffClient(app);
    owner = await c.signupPractice();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('are not configured until set, then read back as stored with the practice time zone', async () => {
    const before = await c.get('/v1/practice/business-hours', owner.accessToken).expect(200);
    expect(before.body).toEqual({
      timeZone: 'America/New_York',
      weekly: {},
      closures: [],
      configured: false,
    });

    const put = await c.put('/v1/practice/business-hours', HOURS, owner.accessToken).expect(200);
    expect(put.body).toEqual({ ...HOURS, configured: true });
    const after = await c.get('/v1/practice/business-hours', owner.accessToken).expect(200);
    expect(after.body).toEqual({ ...HOURS, configured: true });
    // One zone per practice: the reminder hours follow it.
    const settings = await c.get('/v1/practice/settings', owner.accessToken).expect(200);
    expect(settings.body.timeZone).toBe('America/Chicago');
    expect(settings.body.businessHours).toBeUndefined();

    const events = (await auditTrail(app, owner.practiceId)).filter(
      (e) => e.action === 'practice.business_hours_changed',
    );
    expect(events.map((e) => e.metadata)).toEqual([
      { timeZone: 'America/Chicago', openDays: 2, closures: 1 },
    ]);
  });

  it('refuse a bad zone, an overlap, a reversed range and a bad date with 400 naming the field, changing nothing', async () => {
    const cases: Array<[object, string]> = [
      [{ ...HOURS, timeZone: 'America/Atlantis' }, 'timeZone'],
      [
        {
          ...HOURS,
          weekly: {
            tue: [
              { from: '08:00', to: '12:00' },
              { from: '11:59', to: '13:00' },
            ],
          },
        },
        'weekly.tue.1',
      ],
      [{ ...HOURS, weekly: { wed: [{ from: '18:00', to: '09:00' }] } }, 'weekly.wed.0.to'],
      [{ ...HOURS, weekly: { thu: [{ from: '9am', to: '17:00' }] } }, 'weekly.thu.0.from'],
      [{ ...HOURS, closures: [{ date: '2026-02-29' }] }, 'closures.0.date'],
      [{ ...HOURS, weekly: { someday: [] } }, 'weekly'],
    ];
    for (const [body, field] of cases) {
      const res = await c.put('/v1/practice/business-hours', body, owner.accessToken).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(JSON.stringify(res.body.error.details)).toContain(field);
    }
    const after = await c.get('/v1/practice/business-hours', owner.accessToken).expect(200);
    expect(after.body).toEqual({ ...HOURS, configured: true });
  });

  it('are for those who may change the practice settings', async () => {
    const frontDesk = await c.addStaff(owner, 'front_desk');
    await c.get('/v1/practice/business-hours', frontDesk.accessToken).expect(403);
    await c.put('/v1/practice/business-hours', HOURS, frontDesk.accessToken).expect(403);
  });
});
