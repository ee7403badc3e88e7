import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import request from 'supertest';
import twilio from 'twilio';
import { ChannelsService, PendingSmsProcessor, type SmsChannelView } from '@app/channels';
import { KeyRingService } from '@app/crypto';
import { TenantDb } from '@app/database';
import { requestContext } from '@app/observability';
import { startApi } from '@app/testing';

/** Shared by the ingestion e2e tests: practices with an SMS channel, and Twilio-shaped signed webhooks. */

export interface SmsPractice {
  tenantId: string;
  channel: SmsChannelView;
  accountSid: string;
  authToken: string;
}

export const freshPhone = (): string => `+1555${String(randomInt(10_000_000)).padStart(7, '0')}`;
export const messageSid = (prefix: 'SM' | 'MM' = 'SM'): string =>
  `${prefix}${randomBytes(16).toString('hex')}`;

/** A practice with keys and one SMS channel, created through the real ChannelsService. */
export async function createSmsPractice(app: INestApplication, owner: pg.Pool): Promise<SmsPractice> {
  const tenantId = randomUUID();
  await owner.query(`INSERT INTO practices (id, name) VALUES ($1, 'Ingestion test practice')`, [tenantId]);
  await app.get(TenantDb).forTenant(tenantId, (tx) => app.get(KeyRingService).createTenantKeys(tx));
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const channel = await requestContext.run({ tenantId, actor: { type: 'user', id: randomUUID() } }, () =>
    app.get(ChannelsService).create({
      type: 'sms',
      name: 'Front desk',
      phoneNumber: freshPhone(),
      twilioAccountSid: accountSid,
      twilioAuthToken: authToken,
    }),
  );
  return { tenantId, channel, accountSid, authToken };
}

/** The fields Twilio posts for an incoming message (geography left empty as for most numbers). */
export function inboundParams(
  practice: SmsPractice,
  fields: { from: string; body: string; sid?: string; media?: Array<{ url: string; contentType: string }> },
): Record<string, string> {
  const sid = fields.sid ?? messageSid(fields.media?.length ? 'MM' : 'SM');
  const params: Record<string, string> = {
    ToCountry: 'US',
    ToState: '',
    SmsMessageSid: sid,
    NumMedia: String(fields.media?.length ?? 0),
    ToCity: '',
    FromZip: '',
    SmsSid: sid,
    FromState: '',
    SmsStatus: 'received',
    FromCity: '',
    Body: fields.body,
    FromCountry: 'US',
    To: practice.channel.phoneNumber,
    ToZip: '',
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: practice.accountSid,
    From: fields.from,
    ApiVersion: '2010-04-01',
  };
  fields.media?.forEach((m, i) => {
    params[`MediaUrl${i}`] = m.url;
    params[`MediaContentType${i}`] = m.contentType;
  });
  return params;
}

/** The fields of a status callback for an outbound message. */
export function statusParams(
  practice: SmsPractice,
  fields: { sid: string; status: string; to?: string; errorCode?: string },
): Record<string, string> {
  return {
    SmsSid: fields.sid,
    SmsStatus: fields.status,
    MessageStatus: fields.status,
    To: fields.to ?? freshPhone(),
    MessageSid: fields.sid,
    AccountSid: practice.accountSid,
    From: practice.channel.phoneNumber,
    ApiVersion: '2010-04-01',
    ...(fields.errorCode ? { ErrorCode: fields.errorCode } : {}),
  };
}

/** POSTs a form to one of the channel's webhook URLs, signed by the twilio SDK as Twilio would sign it. */
export function postSigned(
  app: INestApplication,
  webhookUrl: string,
  params: Record<string, string>,
  authToken: string,
) {
  const { pathname, search } = new URL(webhookUrl);
  return request(app.getHttpServer())
    .post(pathname + search)
    .set('X-Twilio-Signature', twilio.getExpectedTwilioSignature(authToken, webhookUrl, params))
    .type('form')
    .send(new URLSearchParams(params).toString());
}

/**
 * What the worker's `sms.inbound` job does, run in the test's app and awaited: the practice's
 * acknowledged texts become messages (PendingSmsProcessor, the job's own code). Ordinary texts
 * are answered before they are messages, so tests run this between the answer and their reads.
 */
export function processInbound(app: INestApplication, tenantId: string): Promise<number> {
  return app.get(PendingSmsProcessor).drain(tenantId);
}

/** Counts of every table an inbound webhook may write for the tenant, to prove that nothing was written. */
export async function ingestionRowCounts(owner: pg.Pool, tenantId: string): Promise<Record<string, number>> {
  const { rows } = await owner.query(
    `SELECT (SELECT count(*)::int FROM contacts WHERE tenant_id = $1) AS contacts,
            (SELECT count(*)::int FROM conversations WHERE tenant_id = $1) AS conversations,
            (SELECT count(*)::int FROM messages WHERE tenant_id = $1) AS messages,
            (SELECT count(*)::int FROM attachments WHERE tenant_id = $1) AS attachments,
            (SELECT count(*)::int FROM sms_inbound WHERE tenant_id = $1) AS pending,
            (SELECT count(*)::int FROM audit_outbox WHERE tenant_id = $1)
              + (SELECT count(*)::int FROM audit_events WHERE tenant_id = $1) AS audit`,
    [tenantId],
  );
  return rows[0];
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The api listening on a real port, with PUBLIC_BASE_URL pointing at it, so the sandbox can post
 * signed webhooks to the very URLs the channel advertises.
 */
export async function startListeningApi(overrides: Record<string, string> = {}): Promise<INestApplication> {
  const port = await freePort();
  const app = await startApi({ PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, ...overrides });
  await app.listen(port, '127.0.0.1');
  return app;
}

/** Polls until `read` returns a truthy value; the timeout is a failure, never an assertion by itself. */
export async function waitFor<T>(
  read: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('waitFor timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Waits until `backends` transactions wait on the backend `holderPid`'s locks, directly or behind
 * another waiting one (a row's lock queue: the second waits on the first); fails after 5 s.
 */
export async function untilWaitingOn(owner: pg.Pool, holderPid: number, backends: number): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const { rows } = await owner.query(
      `WITH direct AS (SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid)))
       SELECT (SELECT count(*) FROM direct)::int + (
         SELECT count(*) FROM pg_stat_activity a
         WHERE a.pid NOT IN (SELECT pid FROM direct)
           AND EXISTS (SELECT 1 FROM direct d WHERE d.pid = ANY(pg_blocking_pids(a.pid))))::int AS n`,
      [holderPid],
    );
    if ((rows[0].n as number) >= backends) return;
    if (Date.now() > deadline) throw new Error(`fewer than ${backends} transactions waiting on the lock`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
