import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DispatchService } from '@app/delivery';
import {
  appPool,
  describePlan,
  ownerPool,
  type PlanNode,
  sequentialScansOf,
  testClientIp,
} from '@app/testing';
import { DISPATCH_READ } from '../libs/delivery/src/outbound/dispatch-read.js';
import {
  type DeliveryPractice,
  DeliveryStack,
  type Patient,
  type SentView,
  attestConsent,
  createDeliveryPractice,
  patientFromForm,
  runDispatchJob,
} from './delivery-fixtures.js';
import { waitFor } from './ingestion-fixtures.js';
import { codeSentTo, csrfOf, secureMessageTo } from './portal-fixtures.js';

/** Our message id in a send the sandbox recorded (its StatusCallback URL carries it). */
const messageIdOf = (sent: SentView): string | undefined =>
  /messageId=([0-9a-f-]{36})/.exec(sent.statusCallback ?? '')?.[1];

// Invariant 12: a patient reads a practice's messages in the order staff sent them (per
// recipient address), whatever the number of workers, retries or batches; other recipients are
// not held up by one whose earlier message is still on its way.
describe('per-recipient order of outbound messages', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  const staffToken = () => practice.owner.accessToken;
  const tenantId = () => practice.owner.practiceId;

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    practice = await createDeliveryPractice(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** A patient who consented to SMS: replies go plain, so the sandbox shows each one's text. */
  async function consentedPatient(): Promise<Patient> {
    const patient = await patientFromForm(stack, practice);
    await attestConsent(stack, staffToken(), patient.contactId, {
      channel: 'sms',
      method: 'verbal_attested',
      attestation: 'Agreed at the desk',
    });
    return patient;
  }

  /** Staff send `bodies` one after the other (each accepted before the next); their message ids. */
  async function reply(patient: Patient, bodies: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const body of bodies) {
      const res = await stack.staff
        .post(`/v1/conversations/${patient.conversationId}/replies`, { body, channel: 'sms' }, staffToken())
        .expect(202);
      ids.push(res.body.messageId as string);
    }
    return ids;
  }

  const statusOf = async (id: string) =>
    (
      await stack.owner.query<{ status: string; error_code: string | null; handed_over: boolean }>(
        `SELECT status, error_code, provider_message_id IS NOT NULL AS handed_over FROM messages WHERE id = $1`,
        [id],
      )
    ).rows[0];

  /** What the sandbox received for `phone`, oldest first. */
  const bodiesReceived = async (phone: string) => (await stack.sentTo(phone)).toReversed().map((s) => s.body);

  const quickReplies = Array.from({ length: 10 }, (_, i) => `Quick reply ${i + 1} of 10`);

  it('ten quick replies, the first retried after a provider 500: the patient gets them in the order staff sent them', async () => {
    const patient = await consentedPatient();
    await stack.injectFault({ provider: 'twilio', to: patient.phone, status: 500, times: 2 });

    await reply(patient, quickReplies);

    await waitFor(async () => (await stack.sentTo(patient.phone)).length === quickReplies.length, 20_000);
    expect(await bodiesReceived(patient.phone)).toEqual(quickReplies);
  });

  describe('with the test as the worker (it decides when each job runs)', () => {
    let worker: INestApplication;
    const runJob = (id: string) => runDispatchJob(worker, tenantId(), id);

    beforeAll(async () => {
      worker = await stack.idleWorker('order-idle');
    });

    /** One run of a message's job, as BullMQ's `attemptsMade` says; moved to delayed: `delayed`. */
    async function runOnce(id: string, attemptsMade = 0): Promise<'done' | 'delayed'> {
      let delayed = false;
      const job = {
        attemptsMade,
        attemptsStarted: attemptsMade + 1,
        opts: { attempts: 8 },
        moveToDelayed: async () => void (delayed = true),
        promote: async () => undefined,
      } as unknown as Job;
      try {
        await worker.get(DispatchService, { strict: false }).dispatch(tenantId(), id, job, undefined);
        return 'done';
      } catch (err) {
        if (err instanceof DelayedError && delayed) return 'delayed';
        throw err;
      }
    }

    it('jobs that run in the reverse order (concurrently, in batches) still reach the provider in order', async () => {
      const patient = await consentedPatient();
      const ids = await reply(patient, quickReplies);

      await Promise.all(ids.toReversed().map((id) => runJob(id)));

      expect(await bodiesReceived(patient.phone)).toEqual(quickReplies);
    });

    it('a reply waits while the one before it is retried; another patient’s reply is not held up; once the earlier one fails for good, the later one goes', async () => {
      const held = await consentedPatient();
      const other = await consentedPatient();
      const [first, second] = (await reply(held, ['First: your results', 'Second: call us back'])) as [
        string,
        string,
      ];
      const [otherReply] = (await reply(other, ['For another patient'])) as [string];

      await stack.injectFault({ provider: 'twilio', to: held.phone, status: 500, times: 1 });
      await expect(runOnce(first)).rejects.toThrow(/retrying/);
      // The first is waiting for its retry: the second may not overtake it.
      expect(await runOnce(second)).toBe('delayed');
      expect(await stack.sentTo(held.phone)).toHaveLength(0);
      // Someone else's reply goes at once.
      expect(await runOnce(otherReply)).toBe('done');
      await waitFor(async () => (await statusOf(otherReply))!.handed_over, 10_000);
      expect(await bodiesReceived(other.phone)).toEqual(['For another patient']);

      // Its last attempt fails too: it fails for good (staff see why), and the second goes on.
      await stack.injectFault({ provider: 'twilio', to: held.phone, status: 500, times: 1 });
      await expect(runOnce(first, 7)).rejects.toBeInstanceOf(UnrecoverableError);
      expect(await statusOf(first)).toMatchObject({ status: 'failed', error_code: 'attempts_exhausted' });
      await runJob(second);
      expect(await bodiesReceived(held.phone)).toEqual(['Second: call us back']);
    });

    it('two replies to one address in one batch go one after the other, in order', async () => {
      const patient = await consentedPatient();
      const ids = await reply(patient, ['Batch one', 'Batch two', 'Batch three']);
      // The first job runs alone; the other two arrive while it decides and share the next batch.
      await Promise.all([runJob(ids[2]!), runJob(ids[1]!), runJob(ids[0]!)]);
      const sent = (await stack.sentTo(patient.phone)).toReversed();
      expect(sent.map((s) => messageIdOf(s))).toEqual(ids);
    });

    it('a portal verification code (the patient asked for it) does not wait behind an earlier reply still on its way', async () => {
      const patient = await patientFromForm(stack, practice);
      // A secure message reaches the patient (its job run here), then a second reply is queued
      // and not sent yet.
      const sentFirst = secureMessageTo(stack, practice, patient, 'Your lab results are ready');
      const firstId = await waitFor(async () => {
        const { rows } = await stack.owner.query<{ id: string }>(
          `SELECT id FROM messages WHERE conversation_id = $1 AND direction = 'outbound'`,
          [patient.conversationId],
        );
        return rows[0]?.id;
      });
      await runJob(firstId);
      const link = await sentFirst;
      const [pending] = await reply(patient, ['A second secure reply']);

      const ip = testClientIp();
      const browser = request.agent(stack.api.getHttpServer());
      const page = await browser.get(`/s/${link.token}`).set('X-Forwarded-For', ip).expect(200);
      await browser
        .post(`/s/${link.token}/code`)
        .set('X-Forwarded-For', ip)
        .type('form')
        .send({ csrf: csrfOf(page.text) })
        .expect(303);
      const { rows } = await stack.owner.query<{ id: string }>(
        `SELECT id FROM messages WHERE conversation_id = $1 AND template = 'portal_code'`,
        [patient.conversationId],
      );
      expect(await runOnce(rows[0]!.id)).toBe('done');
      expect(await codeSentTo(stack, patient.phone, 1)).toMatch(/^\d{6}$/);
      expect(await statusOf(pending!)).toMatchObject({ status: 'queued', handed_over: false });

      await runJob(pending!);
      expect((await stack.sentTo(patient.phone)).map((s) => messageIdOf(s))).toEqual([
        pending,
        rows[0]!.id,
        firstId,
      ]);
    });
  });
});

// The order check rides on the dispatch's existing read (no round trip of its own), and must stay
// an index probe as a practice's history grows: at a realistic size (40k outbound texts to 4k
// numbers, a few still unsent, ANALYZEd), the read's generic plan, as the dispatch connections
// use it, finds the earlier unsent message through `messages_unsent_by_address`.
describe('the per-recipient order check at realistic size', () => {
  const ADDRESSES = 4_000;
  const MESSAGES = 40_000;
  let owner: pg.Pool;
  let app: pg.Pool;
  const tenant = randomUUID();
  let messageId: string;

  beforeAll(async () => {
    owner = ownerPool();
    app = appPool();
    await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Order plan')`, [tenant]);
    const contact = randomUUID();
    const conversation = randomUUID();
    await owner.query(`INSERT INTO contacts (id, tenant_id, name_enc) VALUES ($1, $2, '\\x01'::bytea)`, [
      contact,
      tenant,
    ]);
    await owner.query(
      `INSERT INTO conversations (id, tenant_id, contact_id, status, last_message_at, last_channel, created_at)
       VALUES ($1, $2, $3, 'open', now(), 'sms', now())`,
      [conversation, tenant, contact],
    );
    // Ten texts per number over the last weeks: 97% handed over, 2% failed, 1% still queued.
    await owner.query(
      `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel, direction, kind, body_enc,
         status, provider_message_id, to_address_enc, to_address_bidx, created_at)
       SELECT gen_random_uuid(), $1, $2, $3, 'sms', 'outbound', 'message', '\\x01'::bytea,
              CASE WHEN g % 100 = 0 THEN 'queued' WHEN g % 100 < 3 THEN 'failed' ELSE 'delivered' END,
              CASE WHEN g % 100 < 3 THEN NULL ELSE 'SM' || g END,
              '\\x01'::bytea, sha256(('+1555' || (g % $4))::bytea), now() - (g * interval '1 minute')
       FROM generate_series(1, $5) g`,
      [tenant, conversation, contact, ADDRESSES, MESSAGES],
    );
    await owner.query('ANALYZE messages');
    const { rows } = await owner.query<{ id: string }>(
      `SELECT id FROM messages WHERE tenant_id = $1 AND status = 'queued' ORDER BY created_at DESC LIMIT 1`,
      [tenant],
    );
    messageId = rows[0]!.id;
  }, 120_000);

  afterAll(async () => {
    await app?.end();
    await owner?.end();
  });

  it('the dispatch read (generic plan, app role under RLS) finds an earlier unsent message by index, never by a scan of messages', async () => {
    const client = await app.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      await client.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
      await client.query(`PREPARE order_plan AS ${DISPATCH_READ.text}`);
      const { rows } = await client.query(
        `EXPLAIN (FORMAT JSON) EXECUTE order_plan('${tenant}', '{${messageId}}')`,
      );
      const nodes = await describePlan(client, (rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
      await client.query('ROLLBACK');
      await client.query('DEALLOCATE order_plan');
      const shape = JSON.stringify(nodes.map((n) => [n['Node Type'], n['Relation Name'], n['Index Name']]));
      expect(sequentialScansOf(nodes, ['messages']), shape).toEqual([]);
      expect(
        nodes.some((n) => n['Index Name'] === 'messages_unsent_by_address'),
        shape,
      ).toBe(true);
    } finally {
      client.release();
    }
  });
});
