import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnoozeSweepJob } from '@app/conversations';
import { JOBS } from '@app/jobs';
import { queuePrefix } from '@app/redis';
import { type StaffMember, StaffClient, auditTrail, ownerPool, startWorker } from '@app/testing';
import { InboxSeeder } from './inbox-fixtures.js';
import { startListeningApi, waitFor } from './ingestion-fixtures.js';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
/** Waits (up to 3 s) for jobs added or removed after commit; the assertion that follows says what is wrong. */
const settled = (check: () => Promise<boolean>) => waitFor(check, 3000).catch(() => undefined);
const sameIds = (ids: Array<string | undefined>, expected: string[]) =>
  ids.length === expected.length && expected.every((id) => ids.includes(id));

describe('snooze (PATCH status snoozed + snoozedUntil)', () => {
  let api: INestApplication;
  let worker: INestApplication;
  let owner: pg.Pool;
  let c: StaffClient;
  let staff: StaffMember;
  let seed: InboxSeeder;
  /** The queue the wake jobs go to, read with BullMQ's own API under this run's prefix. */
  let wakeQueue: Queue;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    wakeQueue = new Queue(JOBS['conversation.wake'].queue, {
      connection: redis,
      prefix: queuePrefix(process.env.REDIS_PREFIX!, JOBS['conversation.wake'].queue),
    });
    api = await startListeningApi({ ALLOW_SIGNUP: 'true' });
    worker = await startWorker();
    owner = ownerPool();
    c = new StaffClient(api);
    staff = await c.signupPractice();
    seed = await InboxSeeder.forPractice(api, owner, staff.practiceId);
  });

  afterAll(async () => {
    await wakeQueue?.close();
    redis?.disconnect();
    await worker?.close();
    await api?.close();
    await owner?.end();
  });

  const state = async (id: string) =>
    (
      await owner.query(
        `SELECT c.status, c.snoozed_until, (SELECT count(*)::int FROM snooze_wakeups w WHERE w.conversation_id = c.id) AS wakeups
         FROM conversations c WHERE c.id = $1`,
        [id],
      )
    ).rows[0] as { status: string; snoozed_until: Date | null; wakeups: number };

  it('reopens the conversation when the snooze ends (delayed job in the worker), audited', async () => {
    const x = await seed.inbound();
    const res = await c.patch(
      `/v1/conversations/${x.conversationId}`,
      { snoozedUntil: inSeconds(1.5) },
      staff.accessToken,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'snoozed', snoozedUntil: expect.any(String) });
    expect(await state(x.conversationId)).toMatchObject({ status: 'snoozed', wakeups: 1 });

    await waitFor(async () => ((await state(x.conversationId)).status === 'open' ? true : undefined), 15_000);
    expect(await state(x.conversationId)).toEqual({ status: 'open', snoozed_until: null, wakeups: 0 });
    const woke = (await auditTrail(api, staff.practiceId)).find(
      (e) => e.target?.id === x.conversationId && e.metadata.reason === 'snooze_ended',
    );
    expect(woke).toMatchObject({ action: 'conversation.status_changed', actor: { type: 'system' } });
  });

  it('a re-snooze to a later time wins over the earlier wake-up', async () => {
    const x = await seed.inbound();
    const url = `/v1/conversations/${x.conversationId}`;
    await c.patch(url, { status: 'snoozed', snoozedUntil: inSeconds(1) }, staff.accessToken).expect(200);
    await c.patch(url, { snoozedUntil: inSeconds(3600) }, staff.accessToken).expect(200);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await state(x.conversationId)).toMatchObject({ status: 'snoozed', wakeups: 1 });
  });

  it('the periodic sweep wakes a due snooze whose job was lost (Redis keeps nothing on restart)', async () => {
    const x = await seed.inbound();
    await c
      .patch(`/v1/conversations/${x.conversationId}`, { snoozedUntil: inSeconds(3600) }, staff.accessToken)
      .expect(200);
    // As if the hour had passed and the delayed job vanished with Redis.
    await owner.query(`UPDATE conversations SET snoozed_until = now() - interval '1 minute' WHERE id = $1`, [
      x.conversationId,
    ]);
    await owner.query(
      `UPDATE snooze_wakeups SET due_at = now() - interval '1 minute' WHERE conversation_id = $1`,
      [x.conversationId],
    );
    await worker.get(SnoozeSweepJob).handle();
    expect(await state(x.conversationId)).toEqual({ status: 'open', snoozed_until: null, wakeups: 0 });
  });

  it('un-snoozing by hand drops the wake-up', async () => {
    const x = await seed.inbound();
    const url = `/v1/conversations/${x.conversationId}`;
    await c.patch(url, { snoozedUntil: inSeconds(3600) }, staff.accessToken).expect(200);
    await c.patch(url, { status: 'pending' }, staff.accessToken).expect(200);
    expect(await state(x.conversationId)).toEqual({ status: 'pending', snoozed_until: null, wakeups: 0 });
  });

  const delayedWakeJobs = async (conversationId: string) =>
    (await wakeQueue.getDelayed())
      .filter((job) => job.name === 'conversation.wake' && job.data.conversationId === conversationId)
      .map((job) => job.id);

  it('re-snoozing or un-snoozing removes the earlier delayed wake job (Redis never evicts it)', async () => {
    const x = await seed.inbound();
    const url = `/v1/conversations/${x.conversationId}`;
    await c.patch(url, { snoozedUntil: inSeconds(3600) }, staff.accessToken).expect(200);
    await waitFor(async () => ((await delayedWakeJobs(x.conversationId)).length === 1 ? true : undefined));
    await c.patch(url, { snoozedUntil: inSeconds(7200) }, staff.accessToken).expect(200);
    await c.patch(url, { snoozedUntil: inSeconds(86_400 * 300) }, staff.accessToken).expect(200);
    // The jobs are added and removed after commit: wait for the latest one, then count.
    const until = (await state(x.conversationId)).snoozed_until!;
    const latest = `wake-${x.conversationId}-${until.getTime()}`;
    await settled(async () => sameIds(await delayedWakeJobs(x.conversationId), [latest]));
    expect(await delayedWakeJobs(x.conversationId)).toEqual([latest]);

    await c.patch(url, { status: 'open' }, staff.accessToken).expect(200);
    await settled(async () => sameIds(await delayedWakeJobs(x.conversationId), []));
    expect(await delayedWakeJobs(x.conversationId)).toEqual([]);
  });
});
