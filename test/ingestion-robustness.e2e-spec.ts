import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import type pg from 'pg';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '@app/database';
import { ownerPool } from '@app/testing';
import {
  type SmsPractice,
  createSmsPractice,
  freshPhone,
  inboundParams,
  ingestionRowCounts,
  messageSid,
  processInbound,
  startListeningApi,
  statusParams,
} from './ingestion-fixtures.js';

type Params = Record<string, string>;
type Breaker = (p: Params) => Params;

const omit =
  (...keys: string[]): Breaker =>
  (p) =>
    Object.fromEntries(Object.entries(p).filter(([k]) => !keys.includes(k)));
const set =
  (fields: Params): Breaker =>
  (p) => ({ ...p, ...fields });

/** Each makes a Twilio inbound payload invalid on its own (so a correct signature must still get a 4xx). */
const INBOUND_BREAKERS: Breaker[] = [
  omit('MessageSid'),
  set({ MessageSid: 'SM123' }),
  set({ MessageSid: `SM${'g'.repeat(32)}` }),
  omit('From'),
  set({ From: '' }),
  set({ From: '   ' }),
  set({ From: 'not a phone' }),
  set({ From: '+1'.padEnd(80, '9') }),
  omit('AccountSid'),
  set({ AccountSid: 'AC42' }),
  omit('To'),
  set({ Body: 'y'.repeat(4097) }),
  set({ NumMedia: 'abc' }),
  set({ NumMedia: '11' }),
  set({ NumMedia: '-1' }),
  set({ NumMedia: '1' }),
  set({ NumMedia: '1', MediaUrl0: 'javascript:alert(1)' }),
  set({ NumMedia: '1', MediaUrl0: 'https://api.twilio.com/m', MediaContentType0: 'not a type' }),
  set({ NumMedia: '1', MediaUrl0: `https://api.twilio.com/${'a'.repeat(3000)}` }),
  set({ NumMedia: '2', MediaUrl0: 'https://api.twilio.com/m', MediaContentType0: 'image/png' }),
  set({ OptOutType: 'z'.repeat(100) }),
];

const STATUS_BREAKERS: Breaker[] = [
  omit('MessageSid'),
  set({ MessageSid: 'SMshort' }),
  omit('MessageStatus', 'SmsStatus'),
  set({ MessageStatus: '' }),
  set({ MessageStatus: 'd'.repeat(40) }),
  set({ ErrorCode: 'abc' }),
  set({ ErrorCode: '1'.repeat(11) }),
];

const CONTENT_TYPES = [
  undefined,
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-8',
  'application/x-www-form-urlencoded; charset=utf-16',
  'application/x-www-form-urlencoded; charset=latin1',
  'application/json',
  'text/plain',
  'text/xml',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  'garbage',
];
const CONTENT_ENCODINGS = [undefined, 'gzip', 'deflate', 'br', 'identity', 'x-unknown'];

/** Form-like text with awkward keys, repeated and nested fields and broken percent-escapes. */
const formish = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'Body',
          'From',
          'MessageSid',
          'NumMedia',
          'MediaUrl0',
          'a[b]',
          'x[]',
          '__proto__',
          'toString',
        ),
        fc.string({ maxLength: 12 }),
      ),
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('%ZZ', '%E0%A4%A', '%00', '%C3%28', '%ED%A0%80', '+', '&&', '=='),
      ),
      fc.boolean(),
    ),
    { maxLength: 12 },
  )
  .map((pairs) =>
    pairs
      .map(([k, v, encode]) => (encode ? `${encodeURIComponent(k)}=${encodeURIComponent(v)}` : `${k}=${v}`))
      .join('&'),
  );

const garbageBody = fc.oneof(
  formish.map((s) => Buffer.from(s)),
  fc.string({ unit: 'binary', maxLength: 500 }).map((s) => Buffer.from(s)),
  fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
  fc.json().map((s) => Buffer.from(s)),
  fc.constant(Buffer.from('Body=' + 'a'.repeat(300_000))),
  fc.constant(Buffer.alloc(0)),
);

// Invariant 10 for the Twilio webhooks: whatever arrives, the answer is a 4xx with a code (never
// a 5xx) and nothing is written.
describe('Twilio webhooks under malformed input', () => {
  let app: INestApplication;
  let baseUrl: string;
  let owner: pg.Pool;
  let practice: SmsPractice;
  let outboundSid: string;
  const statuses: number[] = [];

  async function post(
    path: string,
    body: Buffer,
    headers: { contentType?: string; contentEncoding?: string; signature?: string },
  ): Promise<number> {
    const res = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      body: new Uint8Array(body),
      headers: {
        ...(headers.contentType ? { 'Content-Type': headers.contentType } : {}),
        ...(headers.contentEncoding ? { 'Content-Encoding': headers.contentEncoding } : {}),
        ...(headers.signature !== undefined ? { 'X-Twilio-Signature': headers.signature } : {}),
      },
    });
    await res.arrayBuffer();
    statuses.push(res.status);
    return res.status;
  }

  const signed = (url: string, params: Params) => ({
    body: Buffer.from(new URLSearchParams(params).toString()),
    signature: twilio.getExpectedTwilioSignature(practice.authToken, url, params),
  });

  beforeAll(async () => {
    app = await startListeningApi();
    owner = ownerPool();
    practice = await createSmsPractice(app, owner);
    // The channel's webhook URLs are under PUBLIC_BASE_URL, which is where this api listens.
    baseUrl = new URL(practice.channel.webhooks.inbound).origin;
    // One real conversation and outbound message, so status callbacks have something to (not) change.
    const first = inboundParams(practice, { from: freshPhone(), body: 'seed' });
    const seeded = signed(practice.channel.webhooks.inbound, first);
    expect(
      await post(new URL(practice.channel.webhooks.inbound).pathname, seeded.body, {
        contentType: 'application/x-www-form-urlencoded',
        signature: seeded.signature,
      }),
    ).toBe(200);
    await processInbound(app, practice.tenantId);
    statuses.length = 0;
    const row = (
      await owner.query(`SELECT conversation_id, contact_id FROM messages WHERE provider_message_id = $1`, [
        first.MessageSid,
      ])
    ).rows[0];
    outboundSid = messageSid();
    await app.get(TenantDb).forTenant(practice.tenantId, (tx) =>
      tx.execute(
        `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel_id, channel, direction, status,
           provider_message_id) VALUES ($1, $2, $3, $4, $5, 'sms', 'outbound', 'sent', $6)`,
        [
          randomUUID(),
          practice.tenantId,
          row.conversation_id,
          row.contact_id,
          practice.channel.id,
          outboundSid,
        ],
      ),
    );
  });
  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  it('answers only 4xx to a few hundred malformed requests and writes nothing', async () => {
    const before = await ingestionRowCounts(owner, practice.tenantId);
    const inboundPath = new URL(practice.channel.webhooks.inbound).pathname;
    const statusPath = new URL(practice.channel.webhooks.status).pathname;
    const paths = fc.constantFrom(
      inboundPath,
      statusPath,
      inboundPath.replace(practice.channel.id, randomUUID()),
      inboundPath.replace(practice.channel.id, 'not-a-uuid'),
      statusPath.replace(practice.channel.id, '%E0%A4%A'),
    );

    // 1. Garbage: any content type, encoding, body and signature.
    await fc.assert(
      fc.asyncProperty(
        paths,
        garbageBody,
        // Weighted toward what passes the first checks, so the later layers (routing, signature) see garbage too.
        fc.oneof(
          { arbitrary: fc.constant('application/x-www-form-urlencoded'), weight: 3 },
          { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 2 },
        ),
        fc.oneof(
          { arbitrary: fc.constant(undefined), weight: 4 },
          { arbitrary: fc.constantFrom(...CONTENT_ENCODINGS), weight: 1 },
        ),
        fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{0,60}$/), { nil: undefined }),
        async (path, body, contentType, contentEncoding, signature) => {
          const status = await post(path, body, { contentType, contentEncoding, signature });
          expect(status, `${path} ${contentType} ${contentEncoding}`).toBeGreaterThanOrEqual(400);
          expect(status).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );

    // 2. Correctly signed by the channel's own token, but invalid: validation, not a 500, and no row.
    await fc.assert(
      fc.asyncProperty(fc.subarray(INBOUND_BREAKERS, { minLength: 1, maxLength: 3 }), async (breakers) => {
        const params = breakers.reduce(
          (p, b) => b(p),
          inboundParams(practice, { from: freshPhone(), body: 'x' }),
        );
        const { body, signature } = signed(practice.channel.webhooks.inbound, params);
        const status = await post(inboundPath, body, {
          contentType: 'application/x-www-form-urlencoded',
          signature,
        });
        expect(status).toBe(400);
      }),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(fc.subarray(STATUS_BREAKERS, { minLength: 1, maxLength: 3 }), async (breakers) => {
        const params = breakers.reduce(
          (p, b) => b(p),
          statusParams(practice, { sid: outboundSid, status: 'failed', errorCode: '30008' }),
        );
        const { body, signature } = signed(practice.channel.webhooks.status, params);
        const status = await post(statusPath, body, {
          contentType: 'application/x-www-form-urlencoded',
          signature,
        });
        expect(status).toBe(400);
      }),
      { numRuns: 40 },
    );

    expect(statuses.length).toBeGreaterThanOrEqual(300);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(await ingestionRowCounts(owner, practice.tenantId)).toEqual(before);
    const outbound = (
      await owner.query(`SELECT status, error_code FROM messages WHERE provider_message_id = $1`, [
        outboundSid,
      ])
    ).rows[0];
    expect(outbound).toEqual({ status: 'sent', error_code: null });
  });
});
