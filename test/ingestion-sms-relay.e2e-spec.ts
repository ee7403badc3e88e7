import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queuePrefix } from '@app/redis';
import { PendingSmsRelay } from '@app/channels';
import { ownerPool, startApi, startWorker, subPrefix } from '@app/testing';
import {
  type SmsPractice,
  createSmsPractice,
  freshPhone,
  inboundParams,
  postSigned,
  waitFor,
} from './ingestion-fixtures.js';

// The acknowledged-then-processed path survives losing its job: the text is in sms_inbound
// (committed before Twilio got its 200), the job is gone (Redis restarted without persistence,
// or the api died between commit and enqueue), and the worker's relay enqueues it again.
describe('inbound SMS acknowledged but never processed', () => {
  // Queues of their own: this test empties its inbound queue.
  const prefix = subPrefix(process.env.REDIS_PREFIX!, 'sms-relay');
  let api: INestApplication;
  let worker: INestApplication | undefined;
  let owner: pg.Pool;
  let practice: SmsPractice;

  beforeAll(async () => {
    api = await startApi({ REDIS_PREFIX: prefix });
    owner = ownerPool();
    practice = await createSmsPractice(api, owner);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await owner?.end();
  });

  it('is enqueued again by the relay and becomes one audited message', async () => {
    const params = inboundParams(practice, { from: freshPhone(), body: 'Did you get my text?' });
    const sid = params.MessageSid!;
    await postSigned(api, practice.channel.webhooks.inbound, params, practice.authToken).expect(200);
    expect((await owner.query(`SELECT 1 FROM sms_inbound WHERE message_sid = $1`, [sid])).rowCount).toBe(1);

    // The crash: every job gone from Redis, the stored text left.
    const queue = new Queue('inbound', {
      connection: { url: process.env.REDIS_URL! },
      prefix: queuePrefix(prefix, 'inbound'),
    });
    await queue.obliterate({ force: true });
    expect(await queue.getJobCounts()).toMatchObject({ waiting: 0, active: 0, delayed: 0 });
    await queue.close();
    // Older than INBOUND_RELAY_AFTER_SECONDS, as after a real outage.
    await owner.query(
      `UPDATE sms_inbound SET received_at = now() - interval '1 hour' WHERE message_sid = $1`,
      [sid],
    );

    // A worker (its relay's own timer out of the way: this test runs one pass itself).
    worker = await startWorker({
      REDIS_PREFIX: prefix,
      INBOUND_RELAY_INTERVAL_MS: '600000',
      // Far beyond any other test's unprocessed texts in this shared database.
      INBOUND_RELAY_AFTER_SECONDS: '1800',
    });
    expect(await worker.get(PendingSmsRelay).relayOnce()).toBe(1);

    const message = await waitFor(
      async () =>
        (await owner.query(`SELECT id FROM messages WHERE provider_message_id = $1`, [sid])).rows[0] as
          { id: string } | undefined,
      20_000,
    );
    await waitFor(
      async () =>
        (await owner.query(`SELECT 1 FROM sms_inbound WHERE message_sid = $1`, [sid])).rowCount === 0,
    );
    const audited = await waitFor(
      async () =>
        (
          await owner.query(
            `SELECT actor_type FROM audit_events WHERE tenant_id = $1 AND action = 'message.received' AND target_id = $2`,
            [practice.tenantId, message.id],
          )
        ).rows[0] as { actor_type: string } | undefined,
    );
    expect(audited.actor_type).toBe('provider');
    // Nothing left for the relay.
    expect(await worker.get(PendingSmsRelay).relayOnce()).toBe(0);
  });
});
