import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HONEYPOT_FIELD, type PublicChannel } from '@app/channels';
import { ownerPool, testClientIp } from '@app/testing';
import { startListeningApi } from './ingestion-fixtures.js';
import { SITE, createPublicChannel, intakeRowCounts } from './intake-fixtures.js';

type Body = Record<string, unknown>;
const VALID: Body = {
  name: 'Val Id',
  email: 'val.id@mail.test',
  phone: '+15555550123',
  message: 'hello',
  fields: { a: 1 },
  consent: { sms: true, email: true, disclosureVersion: 'sms-v1' },
};

/** Each makes a valid submission invalid on its own. */
const BREAKERS: Array<(b: Body) => unknown> = [
  () => null,
  () => [],
  () => 'a string',
  () => 42,
  (b) => ({ ...b, unknownField: 'x' }),
  (b) => ({ ...b, email: undefined, phone: undefined }),
  (b) => ({ ...b, email: 'not-an-email' }),
  (b) => ({ ...b, phone: 'call me' }),
  (b) => ({ ...b, phone: '+1'.padEnd(40, '9') }),
  (b) => ({ ...b, name: 'n'.repeat(201) }),
  (b) => ({ ...b, message: 'm'.repeat(5001) }),
  (b) => ({ ...b, message: 12 }),
  (b) => ({ ...b, fields: 'x' }),
  (b) => ({ ...b, fields: { nested: { deep: true } } }),
  (b) => ({ ...b, fields: { list: [1, 2] } }),
  (b) => ({ ...b, fields: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, i])) }),
  (b) => ({ ...b, fields: { big: 'x'.repeat(2001) } }),
  (b) => ({ ...b, fields: { ['k'.repeat(65)]: 1 } }),
  (b) => ({ ...b, consent: true }),
  (b) => ({ ...b, consent: { sms: 'yes' } }),
  (b) => ({ ...b, consent: { sms: true, disclosureVersion: 'sms-v0' } }),
  (b) => ({ ...b, consent: { sms: true, extra: 1 } }),
  (b) => ({ ...b, phone: undefined, consent: { sms: true } }),
  (b) => ({ ...b, email: undefined, consent: { email: true } }),
  (b) => ({ ...b, email: ['a@b.test'] }),
  (b) => ({ ...b, ['__proto__']: { polluted: true }, email: 1 }),
];

const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'garbage',
  undefined,
];

/** A 4xx with a machine-readable code. */
const expectClientError = (res: { status: number; code?: string }) => {
  expect(res.status, JSON.stringify(res)).toBeGreaterThanOrEqual(400);
  expect(res.status, JSON.stringify(res)).toBeLessThan(500);
  expect(res.code).toMatch(/^[a-z_]+$/);
};

/** Invariant 10 for public intake: malformed input gets a 4xx with a code, never a 5xx, and nothing is written. */
describe('public intake under malformed input', () => {
  let app: INestApplication;
  let baseUrl: string;
  let owner: pg.Pool;
  let form: PublicChannel;
  let rawForm: PublicChannel;
  let widget: PublicChannel;

  beforeAll(async () => {
    app = await startListeningApi();
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    owner = ownerPool();
    form = await createPublicChannel(app, owner, 'webform');
    rawForm = await createPublicChannel(app, owner, 'webform');
    widget = await createPublicChannel(app, owner, 'chat');
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  async function post(path: string, body: string | Uint8Array, contentType?: string, token?: string) {
    const headers: Record<string, string> = { Origin: SITE, 'X-Forwarded-For': testClientIp() };
    if (contentType) headers['Content-Type'] = contentType;
    if (token) headers.Authorization = `Bearer ${token}`;
    const payload = typeof body === 'string' ? body : new Uint8Array(body);
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', body: payload, headers });
    const json = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
    return { status: res.status, code: json?.error?.code };
  }

  it('form submissions: broken and random JSON bodies', async () => {
    const before = await intakeRowCounts(owner, form.tenantId);
    const path = `/v1/public/forms/${form.publicKey}/submissions`;
    for (const breaker of BREAKERS)
      expectClientError(await post(path, JSON.stringify(breaker(VALID)), 'application/json'));
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const res = await post(path, JSON.stringify(value), 'application/json');
        const honeypot =
          value !== null && typeof value === 'object' && !Array.isArray(value) && HONEYPOT_FIELD in value;
        if (honeypot && res.status === 202) return;
        expectClientError(res);
      }),
      { numRuns: 200 },
    );
    expect(await intakeRowCounts(owner, form.tenantId)).toEqual(before);
  });

  it('form submissions: raw bytes with assorted content types', async () => {
    const before = await intakeRowCounts(owner, rawForm.tenantId);
    const path = `/v1/public/forms/${rawForm.publicKey}/submissions`;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 1000 }),
          fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
          fc.constant(new TextEncoder().encode(`{"message": "${'a'.repeat(300_000)}"}`)),
        ),
        fc.constantFrom(...CONTENT_TYPES),
        async (body, contentType) => expectClientError(await post(path, body, contentType)),
      ),
      { numRuns: 100 },
    );
    expect(await intakeRowCounts(owner, rawForm.tenantId)).toEqual(before);
  });

  it('chat: broken session starts and messages', async () => {
    const start = `/v1/public/chat/${widget.publicKey}/sessions`;
    const sessions: Array<{ sessionId: string; sessionToken: string }> = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${baseUrl}${start}`, {
        method: 'POST',
        body: '{}',
        headers: { Origin: SITE, 'Content-Type': 'application/json', 'X-Forwarded-For': testClientIp() },
      });
      sessions.push((await res.json()) as { sessionId: string; sessionToken: string });
    }
    const before = await intakeRowCounts(owner, widget.tenantId);
    const badStarts = [
      [],
      'x',
      { email: 'nope' },
      { phone: 'nope' },
      { name: 'n'.repeat(201) },
      { extra: 1 },
      { email: 5 },
    ];
    for (const body of badStarts)
      expectClientError(await post(start, JSON.stringify(body), 'application/json'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue().filter((v) => !(v && typeof v === 'object' && 'body' in v)),
          fc.constantFrom(
            { body: '' },
            { body: '   ' },
            { body: 'x'.repeat(4001) },
            { body: 1 },
            { body: 'ok', x: 1 },
          ),
        ),
        async (value) => {
          const session = sessions[n++ % sessions.length]!;
          const res = await post(
            `/v1/public/chat/sessions/${session.sessionId}/messages`,
            JSON.stringify(value),
            'application/json',
            session.sessionToken,
          );
          expectClientError(res);
        },
      ),
      { numRuns: 100 },
    );
    expect(await intakeRowCounts(owner, widget.tenantId)).toEqual(before);
  });
});
