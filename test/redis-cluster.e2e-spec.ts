import { randomUUID } from 'node:crypto';
import type { Job } from 'bullmq';
import type { FastifyReply } from 'fastify';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveStreamLimits, LiveSubscriptions, StaffEvents } from '@app/conversations';
import { JOBS, type JobHandler, type JobName, JobQueue, JobWorkerHost, QUEUE_NAMES } from '@app/jobs';
import { AppError } from '@app/observability';
import { unreachableDependencies } from '@app/platform';
import { StaffClient, ownerPool, startWorker, testClientIp } from '@app/testing';
import {
  REDIS,
  type RedisClient,
  RedisKeys,
  RedisPublisher,
  SUBSCRIBER_SLOTS_REFRESH_MS,
  createRedis,
  isCluster,
  queuePrefix,
} from '@app/redis';
import { SenderRateLimit } from '../libs/delivery/src/dispatch/sender-rate-limit.js';
import { RedisThrottlerStorage } from '../libs/identity/src/http/redis-throttler.storage.js';
import {
  type CachedSession,
  type CachedUser,
  SessionCache,
} from '../libs/identity/src/sessions/session-cache.js';
import { PortalRateLimits } from '../libs/portal/src/rate-limits.js';
import { freePort } from './private-redis.js';
import { SITE, SseClient, createPublicChannel } from './intake-fixtures.js';
import { startListeningApi } from './ingestion-fixtures.js';
import { type LocalRedisCluster, startRedisCluster } from './redis-cluster.js';

/** Only what a limiter sets on a refusal. */
const response = () => {
  const headers: Record<string, string> = {};
  return {
    headers,
    res: { header: (name: string, value: string) => (headers[name] = value) } as unknown as FastifyReply,
  };
};

/**
 * The Redis-backed parts of the system on a real Redis Cluster (3 masters, 3 replicas, started
 * here on spare ports): BullMQ queues and workers through JobQueue and JobWorkerHost, the session
 * check scripts, the rate limits, live events over sharded pub/sub, and a master failing over
 * in the middle of a burst of jobs.
 */
describe('on a Redis Cluster', () => {
  let cluster: LocalRedisCluster;
  let redis: RedisClient;
  let keys: RedisKeys;
  const prefix = `cl-${randomUUID().slice(0, 8)}`;
  const closers: Array<() => Promise<unknown>> = [];

  const slotOf = async (key: string): Promise<number> =>
    (await cluster.nodes[0]!.redis.cluster('KEYSLOT', key)) as number;
  const portOfSlot = async (slot: number): Promise<number> => (await cluster.masterOf(slot)).port;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    redis = createRedis(cluster.url, 'cluster-spec');
    closers.push(() => redis.quit());
    keys = new RedisKeys({ REDIS_PREFIX: prefix });
  });

  afterAll(async () => {
    for (const close of closers.toReversed()) await close().catch(() => undefined);
    await cluster?.stop();
  });

  it('connects with a Cluster client to a redis+cluster:// URL', async () => {
    expect(isCluster(redis)).toBe(true);
    await redis.set(keys.key('probe'), '1');
    expect(await redis.get(keys.key('probe'))).toBe('1');
    expect(cluster.nodes).toHaveLength(6);
  });

  it('is checked at boot like a single server: answering, or named with an error code', async () => {
    const DATABASE_URL = process.env.DATABASE_URL!;
    expect(await unreachableDependencies({ DATABASE_URL, REDIS_URL: cluster.url }, 2000)).toEqual([]);
    const nobody = `redis+cluster://127.0.0.1:${await freePort()},127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const failures = await unreachableDependencies({ DATABASE_URL, REDIS_URL: nobody }, 2000);
    // No seed node answered (each refused the connection).
    expect(failures).toEqual([{ dependency: 'redis', code: 'ClusterAllFailedError' }]);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  describe('sessions', () => {
    const T0 = 1_800_000_000_000;
    const user: CachedUser = {
      active: true,
      tokenVersion: 1,
      role: 'owner',
      mfaEnabled: false,
      practiceRequiresMfa: false,
    };
    const session = (tenantId: string, userId: string): CachedSession => ({
      userId,
      tenantId,
      seenAt: T0,
      idleMs: 15 * 60_000,
      expiresAt: T0 + 12 * 3600_000,
      mfa: 'not_required',
      dbSeenAt: T0,
    });

    it('checks, slides, re-times and forgets a practice’s sessions and users (scripts, MULTI, multi-key DEL)', async () => {
      const cache = new SessionCache(redis, keys);
      const tenantId = randomUUID();
      const [alice, bob] = [randomUUID(), randomUUID()];
      const [s1, s2, s3] = [randomUUID(), randomUUID(), randomUUID()];
      await cache.put(s1, session(tenantId, alice), alice, user);
      await cache.put(s2, session(tenantId, alice), alice, user);
      await cache.put(s3, session(tenantId, bob), bob, user);
      const ok = await cache.check(tenantId, s1, alice, T0 + 60_000);
      expect(ok).toEqual({
        status: 'ok',
        session: { ...session(tenantId, alice), seenAt: T0 + 60_000 },
        user,
      });
      expect(await cache.seenAt(tenantId, s1)).toBe(T0 + 60_000);
      await cache.markDbSeen(tenantId, s1, T0 + 60_000);
      await cache.setIdle(tenantId, [s1, s2, s3, randomUUID()], 60_000);
      expect((await cache.check(tenantId, s2, alice, T0 + 61_000)).status).toBe('idle');
      expect((await cache.check(tenantId, s3, bob, T0 + 30_000)).status).toBe('ok');
      await cache.forget(tenantId, { sessionIds: [s1, s3], userIds: [alice, bob] });
      for (const [sid, uid] of [
        [s1, alice],
        [s3, bob],
      ] as const)
        expect((await cache.check(tenantId, sid, uid, T0 + 30_000)).status).toBe('miss');

      // One practice's session and user keys share a slot; practices spread over the slots and masters.
      const sessionKey = (t: string, id: string) => keys.key('session', keys.tag(t), id);
      const userKey = (t: string, id: string) => keys.key('user', keys.tag(t), id);
      const slot = await slotOf(sessionKey(tenantId, s1));
      for (const key of [sessionKey(tenantId, s2), userKey(tenantId, alice), userKey(tenantId, bob)])
        expect(await slotOf(key)).toBe(slot);
      const practices = Array.from({ length: 30 }, () => randomUUID());
      const slots = new Set(await Promise.all(practices.map((t) => slotOf(sessionKey(t, randomUUID())))));
      expect(slots.size).toBeGreaterThanOrEqual(28);
      const masters = new Set(await Promise.all([...slots].map(portOfSlot)));
      expect(masters.size).toBe(3);
    });
  });

  describe('rate limits', () => {
    it('counts a throttle window and blocks past the limit (a two-key script)', async () => {
      const throttler = new RedisThrottlerStorage(redis, keys);
      const subject = randomUUID();
      const hits = [];
      for (let i = 0; i < 4; i++) hits.push(await throttler.increment(subject, 60_000, 2, 30_000, 'auth'));
      expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
        [1, false],
        [2, false],
        [3, true],
        [3, true],
      ]);
      expect(hits[3]!.timeToBlockExpire).toBe(30);
      const base = keys.key('throttle', keys.tag(`auth:${subject}`));
      expect(await slotOf(`${base}:blocked`)).toBe(await slotOf(base));
      // A multi-key command over both: no CROSSSLOT.
      expect(await redis.exists(base, `${base}:blocked`)).toBe(2);
    });

    it('takes a live stream’s quotas together or not at all (one script over the chat session and the address)', async () => {
      const limits = new LiveStreamLimits(redis, keys, { leaseMs: 5000 });
      const chatSession = { scope: 'chat-session', subject: randomUUID(), limit: 2 };
      const address = {
        scope: 'chat-address',
        subject: `198.51.100.${Math.floor(Math.random() * 200)}`,
        limit: 3,
      };
      const first = await limits.acquire(response().res, [chatSession, address]);
      await limits.acquire(response().res, [chatSession, address]);
      const refused = await limits
        .acquire(response().res, [chatSession, address])
        .catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('too_many_streams');
      // The refusal took nothing from the address: one more stream from it still fits.
      await limits.acquire(response().res, [{ ...chatSession, subject: randomUUID() }, address]);
      await first.renew();
      await first.release();
      await limits.acquire(response().res, [chatSession, { ...address, subject: '203.0.113.9' }]);
    });

    it('spaces a sender’s sends and counts portal hits', async () => {
      const sender = new SenderRateLimit(redis, keys);
      const senderKey = `+1555${Math.floor(Math.random() * 1e7)}`;
      const first = await sender.take(senderKey, 1);
      const second = await sender.take(senderKey, 1);
      expect(first.reserved).toBe(true);
      expect(second.reserved).toBe(false);
      expect(second.at - first.at).toBeGreaterThanOrEqual(990);
      const portal = new PortalRateLimits(redis, keys);
      const rule = { limit: 2, windowSeconds: 60 };
      const link = randomUUID();
      expect([
        await portal.allow('link', link, rule),
        await portal.allow('link', link, rule),
        await portal.allow('link', link, rule),
      ]).toEqual([true, true, false]);
    });
  });

  describe('live events and jobs', () => {
    const tenants = Array.from({ length: 6 }, () => randomUUID());
    let events: StaffEvents;
    let publisher: RedisPublisher;
    const received: Array<Map<string, string[]>> = [new Map(), new Map()];

    beforeAll(async () => {
      const publishing = createRedis(cluster.url, 'cluster-spec-publisher');
      closers.push(() => publishing.quit());
      publisher = new RedisPublisher(publishing);
      events = new StaffEvents(publisher, keys);
      // Two api instances, each with its own connection and its own subscriber.
      for (const seen of received) {
        const instance = createRedis(cluster.url, 'cluster-spec-api');
        const live = new LiveSubscriptions(instance);
        closers.push(
          () => instance.quit(),
          () => live.onApplicationShutdown(),
        );
        for (const tenantId of tenants) {
          const channel = events.channelOf(tenantId);
          seen.set(channel, []);
          await live.subscribe(channel, (payload) => seen.get(channel)!.push(payload));
        }
      }
    });

    async function publishRound(round: string): Promise<void> {
      for (let n = 0; n < 5; n++)
        for (const tenantId of tenants)
          publisher.publish(events.channelOf(tenantId), `${round}-${n}`, (err) => {
            throw err;
          });
      await publisher.flush();
      const expected = [0, 1, 2, 3, 4].map((n) => `${round}-${n}`);
      const deadline = Date.now() + 10_000;
      const complete = () =>
        received.every((seen) =>
          [...seen.values()].every((list) => list.filter((m) => m.startsWith(round)).length === 5),
        );
      while (!complete() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const seen of received)
        for (const list of seen.values())
          expect(list.filter((m) => m.startsWith(`${round}-`))).toEqual(expected);
    }

    it('delivers each practice’s events, in order, to subscribers on two instances (sharded pub/sub)', async () => {
      await publishRound('before');
      // Sharded channels: each lives on its slot's master, which counts both subscribers.
      const channels = tenants.map((t) => events.channelOf(t));
      const masters = new Set<number>();
      for (const channel of channels) {
        const master = await cluster.masterOf(await slotOf(channel));
        masters.add(master.port);
        expect(await master.redis.call('PUBSUB', 'SHARDNUMSUB', channel)).toEqual([channel, 2]);
      }
      expect(masters.size).toBeGreaterThanOrEqual(2);
    });

    it('loses no acknowledged job and runs none twice while a master fails over mid-burst; events still flow after', async () => {
      const config = {
        REDIS_URL: cluster.url,
        REDIS_PREFIX: prefix,
        DELIVERY_CONCURRENCY: 8,
        JOB_STALLED_INTERVAL_MS: 30_000,
        JOB_SHUTDOWN_GRACE_MS: 5000,
      };
      const runs = new Map<string, number>();
      const handlers = (Object.keys(JOBS) as JobName[]).map((job): JobHandler => ({
        job,
        handle: async (_data: unknown, bullJob: Job) => {
          runs.set(bullJob.id!, (runs.get(bullJob.id!) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, 2));
        },
      }));
      const queue = new JobQueue(config);
      const worker = new JobWorkerHost(handlers, config);
      closers.push(
        () => queue.onApplicationShutdown(),
        () => worker.beforeApplicationShutdown(),
      );
      worker.onApplicationBootstrap();

      // The failover hits the master of the delivery-sms queue's slot.
      const smsSlot = await slotOf(`${queuePrefix(prefix, 'delivery-sms')}:delivery-sms:wait`);
      const tenantId = randomUUID();
      const kinds: Array<() => [JobName, unknown]> = [
        () => ['delivery.sms', { tenantId, messageId: randomUUID() }],
        () => ['delivery.email', { tenantId, messageId: randomUUID() }],
        () => ['conversation.wake', { tenantId, conversationId: randomUUID() }],
        () => ['sms.inbound', { tenantId }],
        () => ['audit.seal', { tenantId }],
      ];
      const acknowledged: string[] = [];
      const refused: string[] = [];
      let failover: Promise<{ from: number; to: number }> | null = null;
      // Set by the adds and the failover as they complete (the loop below reads them).
      const progress = { failedOver: false, failedOverAt: 0, duringFailover: 0, afterFailover: 0 };
      let n = 0;
      const started = Date.now();
      // Batches of 25 adds at once, until the failover is over, 300 more were acknowledged after
      // it, and 1,000 in all.
      while (!progress.failedOver || progress.afterFailover < 300 || acknowledged.length < 1000) {
        await Promise.all(
          Array.from({ length: 25 }, async () => {
            const i = n++;
            const [name, data] = kinds[i % kinds.length]!();
            const jobId = `burst-${i}`;
            try {
              await queue.add(name, data as never, { jobId });
              acknowledged.push(jobId);
              if (failover && !progress.failedOver) progress.duringFailover++;
              if (progress.failedOver) progress.afterFailover++;
            } catch {
              refused.push(jobId);
            }
          }),
        );
        if (!failover && acknowledged.length >= 300)
          failover = cluster.failover(smsSlot).then((result) => {
            progress.failedOver = true;
            progress.failedOverAt = Date.now();
            return result;
          });
        if (Date.now() - started > 30_000) throw new Error('burst did not end');
      }
      const { from, to } = await failover!;
      expect(to).not.toBe(from);
      expect(await portOfSlot(smsSlot)).toBe(to);

      const deadline = Date.now() + 30_000;
      while (acknowledged.some((id) => !runs.has(id)) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const lost = acknowledged.filter((id) => !runs.has(id));
      const twice = [...runs].filter(([, count]) => count > 1).map(([id]) => id);
      expect({ lost, twice, refused }).toEqual({ lost: [], twice: [], refused: [] });
      expect(acknowledged.length).toBeGreaterThanOrEqual(1000);
      // Adds went on while the master handed over: the burst spans the failover.
      expect(progress.duringFailover).toBeGreaterThan(0);
      expect(runs.size).toBe(acknowledged.length);

      // Each queue's keys sit in one slot of their own; the queues spread over the masters.
      const queueSlots = new Map<string, Set<number>>();
      for (const node of cluster.nodes) {
        const keysHere: string[] = [];
        let cursor = '0';
        do {
          const [next, batch] = await node.redis.scan(cursor, 'MATCH', `${prefix}:{*`, 'COUNT', 1000);
          keysHere.push(...batch);
          cursor = next;
        } while (cursor !== '0');
        for (const key of keysHere) {
          const queueName = /^[^{]*\{([^}]+)\}:/.exec(key)![1]!;
          if (!(QUEUE_NAMES as string[]).includes(queueName)) continue; // {live-streams}
          const slots = queueSlots.get(queueName) ?? new Set();
          slots.add(await slotOf(key));
          queueSlots.set(queueName, slots);
        }
      }
      expect([...queueSlots.keys()].toSorted()).toEqual([...QUEUE_NAMES].toSorted());
      for (const [, slots] of queueSlots) expect(slots.size).toBe(1);
      const queueMasters = new Set(
        await Promise.all([...queueSlots.values()].map((s) => portOfSlot([...s][0]!))),
      );
      expect(queueMasters.size).toBeGreaterThanOrEqual(2);

      // The subscribers follow the failover: within about SUBSCRIBER_SLOTS_REFRESH_MS each has
      // subscribed again on the new master (live hints published in between are missed: a
      // screen re-reads the inbox), and events flow again.
      const channels = tenants.map((t) => events.channelOf(t));
      const resubscribedBy = progress.failedOverAt + 3 * SUBSCRIBER_SLOTS_REFRESH_MS + 1000;
      for (;;) {
        let all = true;
        for (const channel of channels) {
          const master = await cluster.masterOf(await slotOf(channel));
          const [, count] = (await master.redis.call('PUBSUB', 'SHARDNUMSUB', channel)) as [string, number];
          if (count !== 2) all = false;
        }
        if (all) break;
        expect(Date.now()).toBeLessThan(resubscribedBy);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await publishRound('after');
    });
  });

  it('runs the apps: two api instances share sessions, rate limits and live events, a worker is ready', async () => {
    const env = { REDIS_URL: cluster.url, REDIS_PREFIX: prefix, ALLOW_SIGNUP: 'true' };
    const [api1, api2] = [await startListeningApi(env), await startListeningApi(env)];
    const worker = await startWorker(env);
    const owner = ownerPool();
    closers.push(
      () => owner.end(),
      () => worker.close(),
      () => api2.close(),
      () => api1.close(),
    );
    expect(isCluster(api1.get(REDIS, { strict: false }) as RedisClient)).toBe(true);
    expect((await request(worker.getHttpServer()).get('/health/ready').expect(200)).body).toMatchObject({
      status: 'ok',
    });
    // Signed up on one instance (its session cached in the Cluster), admitted by the other.
    const staff = await new StaffClient(api1).signupPractice();
    await new StaffClient(api2).get('/v1/me', staff.accessToken).expect(200);
    const sessionId = staff.refreshToken.split('.')[1]!;
    const tag = keys.tag(staff.practiceId);
    expect(await redis.exists(keys.key('session', tag, sessionId), keys.key('user', tag, staff.userId))).toBe(
      2,
    );
    const form = await createPublicChannel(api1, owner, 'webform', { tenantId: staff.practiceId });
    // The stream on api2, the submission on api1: the event crosses instances by sharded pub/sub.
    const baseUrl = (await api2.getUrl()).replace('[::1]', '127.0.0.1');
    const stream = await SseClient.open(`${baseUrl}/v1/events`, {
      Authorization: `Bearer ${staff.accessToken}`,
    });
    closers.push(async () => stream.close());
    expect(stream.status).toBe(200);
    await stream.next((e) => e.event === 'ready');
    await request(api1.getHttpServer())
      .post(`/v1/public/forms/${form.publicKey}/submissions`)
      .set('Origin', SITE)
      .set('X-Forwarded-For', testClientIp())
      .send({ name: 'Cluster Patient', email: 'cluster.patient@mail.test', message: 'hello' })
      .expect(202);
    const event = await stream.next((e) => e.event === 'message.created');
    expect(event.data).toMatchObject({ type: 'message.created', channel: 'webform', direction: 'inbound' });
  });
});
