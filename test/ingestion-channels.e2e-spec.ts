import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelRouter } from '@app/channels';
import { TenantDb } from '@app/database';
import { StaffClient, type StaffMember, ownerPool, startApi } from '@app/testing';
import { type SmsPractice, freshPhone, inboundParams, postSigned, waitFor } from './ingestion-fixtures.js';

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

const smsInput = () => ({
  type: 'sms',
  name: 'Main line',
  phoneNumber: '(555) 010-' + String(1000 + Math.floor(Math.random() * 8999)),
  twilioAccountSid: sid('AC'),
  twilioAuthToken: `tok_${randomBytes(16).toString('hex')}`,
});

/** The channel as the webhook fixtures need it. */
const asPractice = (
  admin: StaffMember,
  input: ReturnType<typeof smsInput>,
  view: SmsPractice['channel'],
) => ({
  tenantId: admin.practiceId,
  channel: view,
  accountSid: input.twilioAccountSid,
  authToken: input.twilioAuthToken,
});

// The channel registry: admins configure channels; secrets go in encrypted and never come out;
// one practice's channels are invisible to and unroutable from another.
describe('/v1/channels', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let client: StaffClient;
  let adminA: StaffMember;
  let adminB: StaffMember;

  async function createChannel(admin: StaffMember, input = smsInput()) {
    const res = await client.post('/v1/channels', input, admin.accessToken);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { input, view: res.body };
  }

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    owner = ownerPool();
    client = new StaffClient(app);
    adminA = await client.signupPractice({ practiceName: 'Practice A' });
    adminB = await client.signupPractice({ practiceName: 'Practice B' });
  });
  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  it('creates an SMS channel and answers its webhook URLs, never its secret', async () => {
    const { input, view } = await createChannel(adminA);
    expect(view).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'sms',
      name: 'Main line',
      phoneNumber: expect.stringMatching(/^\+1555010\d{4}$/),
      twilioAccountSid: input.twilioAccountSid,
      messagingServiceSid: null,
      sendRatePerSecond: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      webhooks: {
        inbound: `${process.env.PUBLIC_BASE_URL}/webhooks/twilio/${view.id}/inbound`,
        status: `${process.env.PUBLIC_BASE_URL}/webhooks/twilio/${view.id}/status`,
      },
    });
    const reads = [
      await client.get(`/v1/channels/${view.id}`, adminA.accessToken).expect(200),
      await client.get('/v1/channels', adminA.accessToken).expect(200),
    ];
    expect(reads[0]!.body).toEqual(view);
    expect(reads[1]!.body.data).toContainEqual(view);
    for (const res of [view, ...reads.map((r) => r.body)]) {
      expect(JSON.stringify(res)).not.toContain(input.twilioAuthToken);
    }
  });

  it('stores the auth token encrypted, with its route written in the same transaction', async () => {
    const { input, view } = await createChannel(adminA);
    const { rows } = await owner.query(`SELECT * FROM channels WHERE id = $1`, [view.id]);
    const row = rows[0];
    expect(row.credentials_enc).toBeInstanceOf(Buffer);
    expect(row.credentials_enc.includes(Buffer.from(input.twilioAuthToken))).toBe(false);
    expect(JSON.stringify(row.config)).not.toContain(input.twilioAuthToken);
    const route = (await owner.query(`SELECT * FROM channel_routes WHERE channel_id = $1`, [view.id]))
      .rows[0];
    expect(route).toMatchObject({ tenant_id: adminA.practiceId, type: 'sms', active: true });

    const audit = await waitFor(
      async () =>
        (
          await owner.query(
            `SELECT actor_type, actor_id, metadata FROM audit_events WHERE action = 'channel.created' AND target_id = $1`,
            [view.id],
          )
        ).rows[0],
    );
    expect(audit).toMatchObject({ actor_type: 'user', actor_id: adminA.userId, metadata: { type: 'sms' } });
  });

  it('validates input with field-level errors that never echo values', async () => {
    const { twilioAuthToken: _t, ...noToken } = smsInput();
    const missing = await client.post('/v1/channels', noToken, adminA.accessToken).expect(400);
    expect(missing.body.error).toMatchObject({
      code: 'validation_failed',
      details: [expect.objectContaining({ path: 'twilioAuthToken' })],
    });
    const badPhone = await client
      .post('/v1/channels', { ...smsInput(), phoneNumber: 'call me maybe' }, adminA.accessToken)
      .expect(400);
    expect(badPhone.body.error.details).toEqual([{ path: 'phoneNumber', message: expect.any(String) }]);
    expect(JSON.stringify(badPhone.body)).not.toContain('call me');
    await client.post('/v1/channels', { ...smsInput(), type: 'fax' }, adminA.accessToken).expect(400);
    await client.post('/v1/channels', { ...smsInput(), extra: true }, adminA.accessToken).expect(400);
    await client.patch(`/v1/channels/${randomUUID()}`, {}, adminA.accessToken).expect(400);
  });

  it('hides practice A’s channel from practice B: not listed, 404 to read, change or delete', async () => {
    const { view } = await createChannel(adminA);
    const listed = await client.get('/v1/channels', adminB.accessToken).expect(200);
    expect(listed.body.data.map((c: { id: string }) => c.id)).not.toContain(view.id);
    await client.get(`/v1/channels/${view.id}`, adminB.accessToken).expect(404);
    await client.patch(`/v1/channels/${view.id}`, { name: 'Hijacked' }, adminB.accessToken).expect(404);
    await client.delete(`/v1/channels/${view.id}`, adminB.accessToken).expect(404);
    await client.get(`/v1/channels/not-a-uuid`, adminB.accessToken).expect(404);
    const still = await client.get(`/v1/channels/${view.id}`, adminA.accessToken).expect(200);
    expect(still.body.name).toBe('Main line');

    // As the app role: B's transactions see none of A's routes; the router resolves only the id it is given.
    const routesSeenByB = await app
      .get(TenantDb)
      .forTenant(adminB.practiceId, (tx) =>
        tx.query<{ tenant_id: string }>(`SELECT tenant_id FROM channel_routes`),
      );
    expect(routesSeenByB.every((r) => r.tenant_id === adminB.practiceId)).toBe(true);
    expect(await app.get(ChannelRouter).byChannelId(view.id)).toMatchObject({ tenantId: adminA.practiceId });
  });

  it('rotates the auth token with PATCH: the old signature is refused, the new one accepted', async () => {
    const { input, view } = await createChannel(adminA);
    const newToken = `tok_${randomBytes(16).toString('hex')}`;
    const patched = await client
      .patch(`/v1/channels/${view.id}`, { name: 'Renamed', twilioAuthToken: newToken }, adminA.accessToken)
      .expect(200);
    expect(patched.body).toMatchObject({ id: view.id, name: 'Renamed', phoneNumber: view.phoneNumber });
    expect(JSON.stringify(patched.body)).not.toContain(newToken);

    const practice = asPractice(adminA, input, view);
    const params = inboundParams(practice, { from: freshPhone(), body: 'after rotation' });
    await postSigned(app, view.webhooks.inbound, params, input.twilioAuthToken).expect(403);
    await postSigned(app, view.webhooks.inbound, params, newToken).expect(200);

    const audit = await waitFor(
      async () =>
        (
          await owner.query(
            `SELECT metadata FROM audit_events WHERE action = 'channel.updated' AND target_id = $1`,
            [view.id],
          )
        ).rows[0],
    );
    expect(audit.metadata).toEqual({ fields: 'name,twilioAuthToken' });
  });

  it('accepts a token rotated through another api instance at once, though this one had the old one cached', async () => {
    const { input, view } = await createChannel(adminA);
    const practice = asPractice(adminA, input, view);
    const other = await startApi({ ALLOW_SIGNUP: 'true' });
    try {
      // Warms the other instance's channel cache with the current token.
      await postSigned(
        other,
        view.webhooks.inbound,
        inboundParams(practice, { from: freshPhone(), body: 'warm' }),
        input.twilioAuthToken,
      ).expect(200);
      const newToken = `tok_${randomBytes(16).toString('hex')}`;
      await client
        .patch(`/v1/channels/${view.id}`, { twilioAuthToken: newToken }, adminA.accessToken)
        .expect(200);
      const params = inboundParams(practice, { from: freshPhone(), body: 'signed with the new token' });
      await postSigned(other, view.webhooks.inbound, params, newToken).expect(200);
      await postSigned(
        other,
        view.webhooks.inbound,
        inboundParams(practice, { from: freshPhone(), body: 'forged' }),
        `tok_${randomBytes(16).toString('hex')}`,
      ).expect(403);
    } finally {
      await other.close();
    }
  });

  it('soft-deletes: gone from the list, 404 to read, inbound webhooks 404, the row kept', async () => {
    const { input, view } = await createChannel(adminA);
    await client.delete(`/v1/channels/${view.id}`, adminA.accessToken).expect(204);
    await client.get(`/v1/channels/${view.id}`, adminA.accessToken).expect(404);
    await client.delete(`/v1/channels/${view.id}`, adminA.accessToken).expect(404);
    const listed = await client.get('/v1/channels', adminA.accessToken).expect(200);
    expect(listed.body.data.map((c: { id: string }) => c.id)).not.toContain(view.id);

    const practice = asPractice(adminA, input, view);
    const params = inboundParams(practice, { from: freshPhone(), body: 'anyone there?' });
    await postSigned(app, view.webhooks.inbound, params, input.twilioAuthToken).expect(404);

    const row = (await owner.query(`SELECT deleted_at FROM channels WHERE id = $1`, [view.id])).rows[0];
    expect(row.deleted_at).toBeInstanceOf(Date);
    const route = (await owner.query(`SELECT active FROM channel_routes WHERE channel_id = $1`, [view.id]))
      .rows[0];
    expect(route.active).toBe(false);
  });

  it('is for admins only: front desk gets 403, no token 401', async () => {
    const frontDesk = await client.addStaff(adminA, 'front_desk');
    const res = await client.post('/v1/channels', smsInput(), frontDesk.accessToken);
    expect(res.status).toBe(403);
    await client.get('/v1/channels', frontDesk.accessToken).expect(403);
    await client.get('/v1/channels').expect(401);
  });
});
