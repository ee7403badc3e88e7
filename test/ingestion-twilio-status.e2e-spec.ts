import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChannelsService } from '@app/channels';
import { MessageRepository, StaffEvents } from '@app/conversations';
import { TenantDb } from '@app/database';
import { requestContext } from '@app/observability';
import { createRedis } from '@app/redis';
import { createTwilioClient } from '@app/providers';
import { ownerPool } from '@app/testing';
import { createSandboxApp } from '../apps/sandbox/src/sandbox-app.js';
import {
  type SmsPractice,
  createSmsPractice,
  freshPhone,
  inboundParams,
  messageSid,
  postSigned,
  processInbound,
  startListeningApi,
  statusParams,
  waitFor,
} from './ingestion-fixtures.js';
import { injectWriteFault } from './write-faults.js';

/** A status report as the callback route hands it to the repository. */
const report = (sid: string, status: 'sent' | 'delivered') => ({
  channel: 'sms',
  providerMessageId: sid,
  ourId: null,
  status,
  errorCode: null,
});

// Status callbacks: signed like inbound webhooks, idempotent, and a status only moves forward
// (invariant 9) whatever order Twilio's callbacks arrive in.
describe('POST /webhooks/twilio/:channelId/status', () => {
  let sandbox: NestExpressApplication;
  let sandboxUrl: string;
  let app: INestApplication;
  let owner: pg.Pool;
  let practice: SmsPractice;
  let conversation: { id: string; contactId: string };

  const callback = (
    fields: { sid: string; status: string; errorCode?: string },
    token = practice.authToken,
  ) => postSigned(app, practice.channel.webhooks.status, statusParams(practice, fields), token);
  const statusOf = async (sid: string) =>
    (await owner.query(`SELECT status, error_code FROM messages WHERE provider_message_id = $1`, [sid]))
      .rows[0];

  /** An outbound message as the delivery worker (issue 7) will have stored it before sending. */
  async function outbound(sid: string | null, channel = practice): Promise<string> {
    const id = randomUUID();
    await app.get(TenantDb).forTenant(channel.tenantId, (tx) =>
      tx.execute(
        `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel_id, channel, direction, status,
           provider_message_id)
         VALUES ($1, $2, $3, $4, $5, 'sms', 'outbound', 'queued', $6)`,
        [id, channel.tenantId, conversation.id, conversation.contactId, channel.channel.id, sid],
      ),
    );
    return id;
  }

  beforeAll(async () => {
    sandbox = await createSandboxApp({ logger: false, callbackDelayMs: 200 });
    await sandbox.listen(0, '127.0.0.1');
    sandboxUrl = `http://127.0.0.1:${(sandbox.getHttpServer().address() as AddressInfo).port}`;
    app = await startListeningApi({ TWILIO_API_BASE_URL: sandboxUrl });
    owner = ownerPool();
    practice = await createSmsPractice(app, owner);
    const first = inboundParams(practice, { from: freshPhone(), body: 'hello' });
    await postSigned(app, practice.channel.webhooks.inbound, first, practice.authToken).expect(200);
    await processInbound(app, practice.tenantId);
    const row = (
      await owner.query(`SELECT conversation_id, contact_id FROM messages WHERE provider_message_id = $1`, [
        first.MessageSid,
      ])
    ).rows[0];
    conversation = { id: row.conversation_id, contactId: row.contact_id };
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
    await owner?.end();
  });

  it('follows a real send through the twilio SDK and the sandbox’s signed callbacks to delivered', async () => {
    const client = createTwilioClient({
      accountSid: practice.accountSid,
      authToken: practice.authToken,
      baseUrl: sandboxUrl,
    });
    const sent = await client.messages.create({
      to: freshPhone(),
      from: practice.channel.phoneNumber,
      body: 'You have a new secure message',
      statusCallback: practice.channel.webhooks.status,
    });
    await outbound(sent.sid);
    const final = await waitFor(async () => {
      const row = await statusOf(sent.sid);
      return row.status === 'delivered' && row;
    });
    expect(final).toEqual({ status: 'delivered', error_code: null });
  });

  it('ends in delivered whatever order (and however often) the callbacks arrive, even concurrently', async () => {
    const events = ['queued', 'sending', 'sent', 'delivered'];
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(events, { minLength: 4 }), fc.nat(4), async (order, repeats) => {
        const sid = messageSid();
        await outbound(sid);
        const burst = [...order, ...order.slice(0, repeats)];
        const responses = await Promise.all(burst.map((status) => callback({ sid, status })));
        expect(responses.map((r) => r.status)).toEqual(burst.map(() => 204));
        expect((await statusOf(sid)).status).toBe('delivered');
      }),
      { numRuns: 12 },
    );
  });

  /** Every message `sent`, and announced so exactly once (no late duplicate). */
  async function expectSentAndAnnouncedOnce(ids: string[], announced: string[]) {
    const { rows } = await owner.query(`SELECT id, status FROM messages WHERE id = ANY($1)`, [ids]);
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => 'sent'));
    await waitFor(async () => announced.length >= ids.length);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(announced.toSorted()).toEqual(ids.map((id) => `${id} sent`).toSorted());
  }

  /** `message.status_changed` live events of the practice, as "<message id> <status>", as they come. */
  async function statusAnnouncements(name: string) {
    const subscriber = createRedis(process.env.REDIS_URL!, name);
    const announced: string[] = [];
    subscriber.on('message', (_channel, payload: string) => {
      const event = JSON.parse(payload) as { type: string; messageId: string; status: string };
      if (event.type === 'message.status_changed') announced.push(`${event.messageId} ${event.status}`);
    });
    await subscriber.subscribe(app.get(StaffEvents).channelOf(practice.tenantId));
    return { announced, subscriber };
  }

  it('writes a burst of callbacks in fewer transactions than callbacks, each applied and announced once', async () => {
    const sids = Array.from({ length: 40 }, () => messageSid());
    const ids = await Promise.all(sids.map((sid) => outbound(sid)));
    const { announced, subscriber } = await statusAnnouncements('status-e2e-sub');
    const transactions = vi.spyOn(app.get(TenantDb), 'forTenant');
    // The first callback's batch waits on a row lock held here, so the others arrive while it
    // is being written, as they would under load.
    const holder = await owner.connect();
    try {
      await holder.query(`BEGIN; SELECT 1 FROM messages WHERE id = '${ids[0]}' FOR UPDATE`);
      // A supertest request goes out once something waits for it: `then` sends it now.
      const sent = (sid: string) => callback({ sid, status: 'sent' }).then((response) => response);
      const first = sent(sids[0]!);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const rest = Promise.all(sids.slice(1).map(sent));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await holder.query('COMMIT');
      const responses = [await first, ...(await rest)];
      expect(responses.map((r) => r.status)).toEqual(sids.map(() => 204));
      // 40 callbacks, and the 39 that waited went together (a few stragglers at most).
      expect(transactions.mock.calls.length).toBeGreaterThanOrEqual(2);
      expect(transactions.mock.calls.length).toBeLessThanOrEqual(5);
      await expectSentAndAnnouncedOnce(ids, announced);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
      transactions.mockRestore();
      subscriber.disconnect();
    }
  });

  it('applies two batches holding the same messages in opposite orders without a deadlock', async () => {
    const messages = app.get(MessageRepository, { strict: false });
    const batch = (reports: ReturnType<typeof report>[]) =>
      app
        .get(TenantDb)
        .forTenant(practice.tenantId, (tx) => messages.applyProviderStatusesAndCommit(tx, reports));
    // Applied in arrival order, [x, y] against [y, x] would deadlock half the time: the first
    // takes x and waits for y (held here), the second waits for y, and whichever gets y next
    // then waits for the other's row. Each round must end with both applied.
    for (let round = 0; round < 6; round++) {
      const [x, y] = [messageSid(), messageSid()];
      await outbound(x);
      await outbound(y);
      const holder = await owner.connect();
      try {
        await holder.query(`BEGIN; SELECT 1 FROM messages WHERE provider_message_id = '${y}' FOR UPDATE`);
        const first = batch([report(x, 'sent'), report(y, 'sent')]);
        const second = batch([report(y, 'delivered'), report(x, 'delivered')]);
        await new Promise((resolve) => setTimeout(resolve, 150));
        await holder.query('COMMIT');
        // Neither failed. `sent` moves nothing if `delivered` got there first; `delivered` always moves.
        const [, delivered] = await Promise.all([first, second]);
        expect(delivered.map((moved) => moved.length)).toEqual([1, 1]);
      } finally {
        await holder.query('ROLLBACK').catch(() => undefined);
        holder.release();
      }
      expect((await statusOf(x)).status).toBe('delivered');
      expect((await statusOf(y)).status).toBe('delivered');
    }
  });

  it('retries a batch that lost a deadlock: every callback answered 204, applied and announced once', async () => {
    const sids = Array.from({ length: 6 }, () => messageSid());
    const ids = await Promise.all(sids.map((sid) => outbound(sid)));
    const { announced, subscriber } = await statusAnnouncements('status-retry-e2e-sub');
    // The first write of the last message's status loses a deadlock, as Postgres reports it (a
    // sequence: its count survives the rollback, so only the first attempt fails).
    const fault = await injectWriteFault(owner, {
      table: 'messages',
      operation: 'UPDATE',
      rows: { id: ids.at(-1)! },
      once: true,
      condition: 'deadlock_detected',
    });
    try {
      // Together, so they go as one batch (or a few): the failed one fails all of its callbacks.
      const responses = await Promise.all(sids.map((sid) => callback({ sid, status: 'sent' })));
      expect(responses.map((r) => r.status)).toEqual(sids.map(() => 204));
      expect(await fault.writesSeen()).toBe(2);
      await expectSentAndAnnouncedOnce(ids, announced);
    } finally {
      await fault.remove();
      subscriber.disconnect();
    }
  });

  it('never lets a late sent overwrite delivered', async () => {
    const sid = messageSid();
    await outbound(sid);
    for (const status of ['delivered', 'sent', 'queued']) await callback({ sid, status }).expect(204);
    expect((await statusOf(sid)).status).toBe('delivered');
  });

  it('keeps the ErrorCode of a failure, and a failure is final', async () => {
    const sid = messageSid();
    await outbound(sid);
    await callback({ sid, status: 'sent' }).expect(204);
    await callback({ sid, status: 'undelivered', errorCode: '30003' }).expect(204);
    await callback({ sid, status: 'delivered' }).expect(204);
    expect(await statusOf(sid)).toEqual({ status: 'undelivered', error_code: '30003' });
  });

  it('finds the message by our id in the callback URL when the provider id is not stored yet, and stores it', async () => {
    const sid = messageSid();
    const id = await outbound(null);
    const url = `${practice.channel.webhooks.status}?messageId=${id}`;
    await postSigned(app, url, statusParams(practice, { sid, status: 'sent' }), practice.authToken).expect(
      204,
    );
    const row = (await owner.query(`SELECT status, provider_message_id FROM messages WHERE id = $1`, [id]))
      .rows[0];
    expect(row).toEqual({ status: 'sent', provider_message_id: sid });

    // Our id with another message's provider id: not this message.
    const other = await outbound(messageSid());
    const wrong = `${practice.channel.webhooks.status}?messageId=${other}`;
    await postSigned(
      app,
      wrong,
      statusParams(practice, { sid: messageSid(), status: 'delivered' }),
      practice.authToken,
    ).expect(204);
    expect((await owner.query(`SELECT status FROM messages WHERE id = $1`, [other])).rows[0].status).toBe(
      'queued',
    );
  });

  it('acknowledges callbacks about unknown messages (so Twilio stops) and changes nothing', async () => {
    await callback({ sid: messageSid(), status: 'delivered' }).expect(204);
    // A status of an inbound message (its MessageSid is known, but as inbound) is ignored too.
    const inbound = inboundParams(practice, { from: freshPhone(), body: 'in' });
    await postSigned(app, practice.channel.webhooks.inbound, inbound, practice.authToken).expect(200);
    await processInbound(app, practice.tenantId);
    await callback({ sid: inbound.MessageSid!, status: 'failed', errorCode: '30008' }).expect(204);
    expect(await statusOf(inbound.MessageSid!)).toEqual({ status: 'received', error_code: null });
  });

  it('refuses an unsigned or wrongly signed callback with 403 and changes nothing', async () => {
    const sid = messageSid();
    await outbound(sid);
    const res = await callback({ sid, status: 'failed', errorCode: '30008' }, 'wrong-token');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('invalid_signature');
    expect(await statusOf(sid)).toEqual({ status: 'queued', error_code: null });
  });

  it('still applies callbacks after the channel was deleted (they are about earlier sends)', async () => {
    const doomed = await createSmsPractice(app, owner);
    const first = inboundParams(doomed, { from: freshPhone(), body: 'hi' });
    await postSigned(app, doomed.channel.webhooks.inbound, first, doomed.authToken).expect(200);
    await processInbound(app, doomed.tenantId);
    const row = (
      await owner.query(`SELECT conversation_id, contact_id FROM messages WHERE provider_message_id = $1`, [
        first.MessageSid,
      ])
    ).rows[0];
    const sid = messageSid();
    await app.get(TenantDb).forTenant(doomed.tenantId, (tx) =>
      tx.execute(
        `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel_id, channel, direction, status,
           provider_message_id)
         VALUES ($1, $2, $3, $4, $5, 'sms', 'outbound', 'sent', $6)`,
        [randomUUID(), doomed.tenantId, row.conversation_id, row.contact_id, doomed.channel.id, sid],
      ),
    );
    await requestContext.run({ tenantId: doomed.tenantId, actor: { type: 'user', id: randomUUID() } }, () =>
      app.get(ChannelsService).remove(doomed.channel.id),
    );
    await postSigned(
      app,
      doomed.channel.webhooks.status,
      statusParams(doomed, { sid, status: 'delivered' }),
      doomed.authToken,
    ).expect(204);
    expect((await statusOf(sid)).status).toBe('delivered');
  });
});
