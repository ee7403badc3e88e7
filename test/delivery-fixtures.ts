import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import {
  createTestInfra,
  destroyTestInfra,
  type StaffMember,
  StaffClient,
  type TestInfra,
  ownerPool,
  startWorker,
  subPrefix,
  testClientIp,
} from '@app/testing';
import { DispatchService } from '@app/delivery';
import { DispatchSessions } from '../libs/delivery/src/dispatch/dispatch-locks.js';
import { createSandboxApp } from '../apps/sandbox/src/sandbox-app.js';
import { freshPhone, processInbound, startListeningApi, waitFor } from './ingestion-fixtures.js';
import twilio from 'twilio';

/** What the sandbox recorded for one send (its inspect view). */
export interface SentView {
  provider: 'twilio' | 'sendgrid';
  id: string;
  to: string;
  body?: string;
  text?: string | null;
  subject?: string | null;
  /** SendGrid: the extra headers of the mail/send request. */
  headers?: Record<string, string>;
  status: string;
  errorCode?: number | null;
  statusCallback?: string | null;
}

export const WEBSITE = 'https://clinic.example';

/**
 * The whole delivery path in one process: the sandbox (Twilio + SendGrid), the api listening on
 * the port its PUBLIC_BASE_URL names (so status callbacks arrive), and a worker with short
 * retry and relay timings.
 */
export class DeliveryStack {
  sandbox!: NestExpressApplication;
  sandboxUrl!: string;
  api!: INestApplication;
  worker: INestApplication | null = null;
  owner!: pg.Pool;
  staff!: StaffClient;

  /** Queues of this stack only: other test files' workers never take its jobs, nor it theirs. */
  readonly redisPrefix = subPrefix(process.env.REDIS_PREFIX!, `delivery-${randomBytes(4).toString('hex')}`);
  /** A database of the stack's own, when asked for: see `start`. */
  private infra: TestInfra | null = null;

  /**
   * `privateDatabase`: the stack gets a database of its own, so its worker's cross-practice sweeps
   * (outbox relay, inbound relay) see only this stack's practices, never another test file's
   * (one of which makes its practice's keys unreadable on purpose).
   */
  static async start(
    options: { responseDelayMs?: number; privateDatabase?: boolean } = {},
  ): Promise<DeliveryStack> {
    const { privateDatabase, ...sandbox } = options;
    const stack = new DeliveryStack();
    if (privateDatabase) stack.infra = await createTestInfra('delivery');
    stack.sandbox = await createSandboxApp({ logger: false, callbackDelayMs: 20, ...sandbox });
    await stack.sandbox.listen(0, '127.0.0.1');
    stack.sandboxUrl = `http://127.0.0.1:${(stack.sandbox.getHttpServer().address() as AddressInfo).port}`;
    stack.api = await startListeningApi({ ...stack.env(), ALLOW_SIGNUP: 'true' });
    stack.owner = stack.infra ? new pg.Pool({ connectionString: stack.infra.ownerUrl, max: 4 }) : ownerPool();
    stack.staff = new StaffClient(stack.api);
    await stack.startWorker();
    return stack;
  }

  /** What the api and every worker of this stack share: providers (the sandbox), queues, database. */
  env(): Record<string, string> {
    return {
      TWILIO_API_BASE_URL: this.sandboxUrl,
      SENDGRID_API_BASE_URL: this.sandboxUrl,
      REDIS_PREFIX: this.redisPrefix,
      ...(this.infra ? { DATABASE_URL: this.infra.appUrl, DATABASE_MIGRATION_URL: this.infra.ownerUrl } : {}),
    };
  }

  async startWorker(overrides: Record<string, string> = {}): Promise<void> {
    this.worker = await startWorker({
      ...this.env(),
      PUBLIC_BASE_URL: this.publicBaseUrl(),
      DELIVERY_BACKOFF_MS: '50',
      DELIVERY_RELAY_INTERVAL_MS: '200',
      DELIVERY_LEASE_SECONDS: '3',
      JOB_STALLED_INTERVAL_MS: '5000',
      ...overrides,
    });
  }

  /**
   * Replaces the stack's worker with one whose BullMQ workers watch queues nobody fills (Redis
   * prefix `<suite's>:<name>`), so its jobs run only when a test calls its dispatcher
   * (`runDispatchJob`); closed with the stack.
   */
  async idleWorker(name: string): Promise<INestApplication> {
    await this.stopWorker();
    this.worker = await startWorker({
      ...this.env(),
      PUBLIC_BASE_URL: this.publicBaseUrl(),
      REDIS_PREFIX: subPrefix(process.env.REDIS_PREFIX!, name),
      DELIVERY_RELAY_INTERVAL_MS: '60000',
    });
    return this.worker;
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = null;
  }

  publicBaseUrl(): string {
    return `http://127.0.0.1:${(this.api.getHttpServer().address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await this.slowStepReport('worker close', () => this.stopWorker());
    await this.slowStepReport('api close', async () => void (await this.api?.close()));
    await this.sandbox?.close();
    await this.owner?.end();
    if (this.infra) await destroyTestInfra(this.infra);
  }

  /**
   * Runs a shutdown step; should it take over 15 s (a hang the hook timeout would end without a
   * word), prints what this database's connections are doing, so a rare hang leaves evidence.
   */
  private async slowStepReport(step: string, run: () => Promise<void>): Promise<void> {
    const timer = setTimeout(() => {
      this.owner
        ?.query(
          `SELECT application_name, state, wait_event_type, wait_event, left(query, 80) AS query,
                  round(extract(epoch FROM now() - state_change))::int AS for_seconds
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        )
        .then(
          ({ rows }) => console.error(`stack.stop: ${step} still running after 15 s`, JSON.stringify(rows)),
          (err: unknown) => console.error(`stack.stop: ${step} still running after 15 s`, err),
        );
    }, 15_000);
    try {
      await run();
    } finally {
      clearTimeout(timer);
    }
  }

  /** Everything the sandbox received for `to`, newest first. */
  async sentTo(to: string): Promise<SentView[]> {
    const res = await request(this.sandbox.getHttpServer()).get('/sandbox/messages').query({ to });
    return res.body as SentView[];
  }

  /** Everything one fake provider received, newest first. */
  async sentVia(provider: 'twilio' | 'sendgrid'): Promise<SentView[]> {
    const res = await request(this.sandbox.getHttpServer()).get('/sandbox/messages').query({ provider });
    return res.body as SentView[];
  }

  async injectFault(fault: { provider: 'twilio' | 'sendgrid'; to: string; status: number; times: number }) {
    await request(this.sandbox.getHttpServer()).post('/sandbox/faults').send(fault).expect(201);
  }

  async messageState(token: string, id: string): Promise<Record<string, unknown>> {
    return (await this.staff.get(`/v1/messages/${id}`, token).expect(200)).body;
  }

  /** Polls GET /v1/messages/:id until the status is one of `statuses`. */
  async waitForStatus(token: string, id: string, statuses: string[], timeoutMs = 15_000) {
    return waitFor(async () => {
      const state = await this.messageState(token, id);
      return statuses.includes(state.status as string) && state;
    }, timeoutMs);
  }

  /** As if the worker died before recording the message's provider call: its attempt has no outcome. */
  async reopenAttempt(messageId: string): Promise<void> {
    await this.owner.query(
      `UPDATE delivery_attempts SET outcome = NULL, finished_at = NULL WHERE message_id = $1`,
      [messageId],
    );
  }

  /**
   * As if the worker died during the message's provider call: its attempt has no outcome and the
   * message is still queued, without the provider's id.
   */
  async forgetOutcome(messageId: string): Promise<void> {
    await this.reopenAttempt(messageId);
    await this.owner.query(
      `UPDATE messages SET status = 'queued', provider_message_id = NULL WHERE id = $1`,
      [messageId],
    );
  }
}

export interface DeliveryPractice {
  owner: StaffMember;
  sms: { id: string; phoneNumber: string; authToken: string; accountSid: string; inboundUrl: string };
  /** `eventsUrl`: the channel's Event Webhook URL (it carries the events secret: the channel has no key). */
  email: { id: string; fromAddress: string; eventsUrl: string; inboundParseUrl: string };
  formKey: string;
}

/** A practice with an SMS number (fast rate for tests), an email channel and a web form. */
export async function createDeliveryPractice(stack: DeliveryStack): Promise<DeliveryPractice> {
  const owner = await stack.staff.signupPractice({ practiceName: 'Riverside Family Clinic' });
  const authToken = `tok${Date.now()}${Math.random().toString(16).slice(2)}`;
  const accountSid = `AC${Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex')}`;
  const sms = await stack.staff
    .post(
      '/v1/channels',
      {
        type: 'sms',
        name: 'Front desk',
        phoneNumber: freshPhone(),
        twilioAccountSid: accountSid,
        twilioAuthToken: authToken,
        sendRatePerSecond: 200,
      },
      owner.accessToken,
    )
    .expect(201);
  const domain = `clinic-${Math.random().toString(16).slice(2, 10)}.test`;
  const email = await stack.staff
    .post(
      '/v1/channels',
      {
        type: 'email',
        name: 'Inbox',
        inboundAddress: `inbox@in.${domain}`,
        fromAddress: `care@${domain}`,
        sendgridApiKey: `SG.${Math.random().toString(36).slice(2)}`,
      },
      owner.accessToken,
    )
    .expect(201);
  const form = await stack.staff
    .post(
      '/v1/channels',
      { type: 'webform', name: 'Contact form', allowedOrigins: [WEBSITE] },
      owner.accessToken,
    )
    .expect(201);
  return {
    owner,
    sms: {
      id: sms.body.id,
      phoneNumber: sms.body.phoneNumber,
      authToken,
      accountSid,
      inboundUrl: sms.body.webhooks.inbound,
    },
    email: {
      id: email.body.id,
      fromAddress: `care@${domain}`,
      eventsUrl: email.body.webhooks.events,
      inboundParseUrl: email.body.webhooks.inboundParse,
    },
    formKey: form.body.formKey,
  };
}

export interface Patient {
  phone: string;
  email: string;
  conversationId: string;
  contactId: string;
}

/** A lead from the website form (phone and email on file): its contact and conversation. */
export async function patientFromForm(stack: DeliveryStack, practice: DeliveryPractice): Promise<Patient> {
  const phone = freshPhone();
  const email = `patient.${Math.random().toString(16).slice(2, 10)}@mail.test`;
  await request(stack.api.getHttpServer())
    .post(`/v1/public/forms/${practice.formKey}/submissions`)
    .set('Origin', WEBSITE)
    .set('X-Forwarded-For', testClientIp()) // one lead per address, as in life (per-IP limits)
    .send({ name: 'Pat Example', phone, email, message: 'Please call me about my results' })
    .expect(202);
  const row = await waitFor(async () => {
    const { rows } = await stack.owner.query(
      `SELECT m.conversation_id, m.contact_id FROM messages m
       WHERE m.tenant_id = $1 AND m.channel = 'webform' ORDER BY m.created_at DESC LIMIT 1`,
      [practice.owner.practiceId],
    );
    return rows[0] as { conversation_id: string; contact_id: string } | undefined;
  });
  return { phone, email, conversationId: row.conversation_id, contactId: row.contact_id };
}

/**
 * An inbound SMS from `from`, signed as Twilio signs it, with any `extra` Twilio fields (e.g.
 * OptOutType); returns the TwiML answer.
 */
export async function textFrom(
  stack: DeliveryStack,
  practice: DeliveryPractice,
  from: string,
  body: string,
  extra: Record<string, string> = {},
) {
  const sid = `SM${Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex')}`;
  const params = {
    MessageSid: sid,
    SmsSid: sid,
    AccountSid: practice.sms.accountSid,
    From: from,
    To: practice.sms.phoneNumber,
    Body: body,
    NumMedia: '0',
    ...extra,
  };
  const res = await request(stack.api.getHttpServer())
    .post(new URL(practice.sms.inboundUrl).pathname)
    .set(
      'X-Twilio-Signature',
      twilio.getExpectedTwilioSignature(practice.sms.authToken, practice.sms.inboundUrl, params),
    )
    .type('form')
    .send(new URLSearchParams(params).toString())
    .expect(200);
  // An ordinary text is acknowledged before it is a message: process it as the worker's job would.
  await processInbound(stack.api, practice.owner.practiceId);
  return res.text;
}

/** Staff record the patient's consent (attested) through the consent API. */
export async function attestConsent(
  stack: DeliveryStack,
  token: string,
  contactId: string,
  consent: { channel: 'sms' | 'email'; method: 'verbal_attested' | 'written_attested'; attestation: string },
): Promise<void> {
  await stack.staff
    .post(`/v1/contacts/${contactId}/consents`, { ...consent, decision: 'granted' }, token)
    .expect(201);
}

/** A BullMQ job as the dispatcher sees it (the test is the worker: it decides when jobs run). */
const inlineJob = {
  attemptsMade: 0,
  attemptsStarted: 1,
  opts: { attempts: 8 },
  moveToDelayed: async () => undefined,
  promote: async () => undefined,
} as unknown as Job;

/**
 * Runs one message's job in `worker` to its end, as BullMQ would (a sender's rate slot: again
 * shortly), then, unless told not to, waits until its batch has recorded the outcome (a job
 * whose message the provider accepted completes before that).
 */
export async function runDispatchJob(
  worker: INestApplication,
  tenantId: string,
  messageId: string,
  { waitForRecord = true } = {},
) {
  const dispatcher = worker.get(DispatchService, { strict: false });
  for (;;) {
    try {
      await dispatcher.dispatch(tenantId, messageId, inlineJob, undefined);
      if (waitForRecord) await worker.get(DispatchSessions, { strict: false }).idle();
      return;
    } catch (err) {
      if (!(err instanceof DelayedError)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

/** Runs, in order, a dispatch job for every message waiting in the practice's outbox (a worker step). */
export async function runOutbox(stack: DeliveryStack, worker: INestApplication, tenantId: string) {
  const { rows } = await stack.owner.query<{ message_id: string }>(
    `SELECT message_id FROM delivery_outbox WHERE tenant_id = $1 ORDER BY created_at`,
    [tenantId],
  );
  for (const { message_id } of rows) await runDispatchJob(worker, tenantId, message_id);
}

/** `phone` texts the practice `body`: the conversation and contact it landed in (the carrier proves the phone). */
export async function conversationOfText(
  stack: DeliveryStack,
  practice: DeliveryPractice,
  phone: string,
  body: string,
): Promise<{ conversationId: string; contactId: string }> {
  await textFrom(stack, practice, phone, body);
  const row = await waitFor(async () => {
    const { rows } = await stack.owner.query(
      `SELECT conversation_id, contact_id FROM messages
       WHERE tenant_id = $1 AND channel = 'sms' AND direction = 'inbound' ORDER BY created_at DESC LIMIT 1`,
      [practice.owner.practiceId],
    );
    return rows[0] as { conversation_id: string; contact_id: string } | undefined;
  });
  return { conversationId: row.conversation_id, contactId: row.contact_id };
}
