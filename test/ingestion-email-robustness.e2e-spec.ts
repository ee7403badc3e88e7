import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerPool } from '@app/testing';
import { ingestionRowCounts, startListeningApi } from './ingestion-fixtures.js';
import {
  type EmailPractice,
  createEmailPractice,
  parsedInboundFields,
  signEvents,
} from './ingestion-email-fixtures.js';

type Fields = Record<string, string | string[]>;

/** Hundreds of real HTTP round trips each, on a machine busy with the rest of the suite. */
const PROPERTY_TIMEOUT_MS = 180_000;
type Breaker = (fields: Fields) => Fields;

const set =
  (extra: Fields): Breaker =>
  (fields) => ({ ...fields, ...extra });
const omit =
  (...keys: string[]): Breaker =>
  (fields) =>
    Object.fromEntries(Object.entries(fields).filter(([key]) => !keys.includes(key)));

/** Each makes an otherwise valid Inbound Parse post invalid on its own: 4xx, nothing stored. */
const INBOUND_BREAKERS: Breaker[] = [
  omit('headers'),
  omit('headers', 'from'),
  set({ envelope: 'not json' }),
  set({ envelope: '[]' }),
  set({ envelope: '"x"' }),
  set({ envelope: '{"to": [1, 2]}' }),
  set({ envelope: '{"to": "a@b.c", "from": 42}' }),
  set({ envelope: JSON.stringify({ to: Array.from({ length: 101 }, () => 'a@b.c') }) }),
  set({ 'attachment-info': '{broken' }),
  set({ 'attachment-info': '[1,2]' }),
  set({ subject: 's'.repeat(10_001) }),
  set({ headers: 'Subject: no sender at all', from: '', envelope: '{}' }),
  set({ headers: 'From: not an address', from: 'nobody', envelope: '{}' }),
  set({ email: '' }),
  set({ email: '   ' }),
  set({ from: ['a@b.c', 'd@e.f'] }),
  set({ text: ['one', 'two'] }),
];

const EVENT_BREAKERS: unknown[] = [
  {},
  [],
  'delivered',
  42,
  null,
  [null],
  [1, 2],
  ['delivered'],
  [{}],
  [{ event: '' }],
  [{ event: 'x'.repeat(65) }],
  [{ event: 42 }],
  [{ event: 'delivered', sg_event_id: 7 }],
  [{ event: 'delivered', sg_event_id: 'e'.repeat(101) }],
  [{ event: 'delivered', sg_message_id: { $ne: null } }],
  [{ event: 'delivered', messageId: ['x'] }],
  [{ event: 'delivered', timestamp: 'yesterday' }],
  [{ event: 'delivered', timestamp: -1 }],
  Array.from({ length: 1001 }, (_, i) => ({ event: 'processed', sg_event_id: `bulk-${i}` })),
];

describe('SendGrid webhooks robustness: malformed input gets a 4xx and writes nothing', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let practice: EmailPractice;
  let inboundPath: string;
  let eventsPath: string;

  const validFields = (): Record<string, string> => parsedInboundFields(practice);

  function postInbound(fields: Fields, path = inboundPath) {
    let req = request(app.getHttpServer()).post(path);
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) req = req.field(name, v);
    }
    return req;
  }

  async function writes(): Promise<Record<string, number>> {
    const counts = await ingestionRowCounts(owner, practice.tenantId);
    const { rows } = await owner.query(
      `SELECT (SELECT count(*)::int FROM sendgrid_events WHERE tenant_id = $1) AS events,
              (SELECT count(*)::int FROM email_message_refs WHERE tenant_id = $1) AS refs`,
      [practice.tenantId],
    );
    return { ...counts, ...rows[0] };
  }

  function postEvents(body: string, headers: Record<string, string>) {
    return request(app.getHttpServer())
      .post(eventsPath)
      .set({ 'Content-Type': 'application/json', ...headers })
      .send(body);
  }

  beforeAll(async () => {
    app = await startListeningApi();
    owner = ownerPool();
    practice = await createEmailPractice(app, owner);
    inboundPath = new URL(practice.channel.webhooks.inboundParse).pathname;
    eventsPath = new URL(practice.channel.webhooks.events).pathname;
  });
  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  it('a valid post is accepted (the baseline the breakers start from)', async () => {
    expect((await postInbound(validFields())).status).toBe(200);
  });

  it('refuses every broken Inbound Parse post with a 4xx error body', async () => {
    const before = await writes();
    for (const [index, breaker] of INBOUND_BREAKERS.entries()) {
      const res = await postInbound(breaker(validFields()));
      expect({ index, status: res.status }).toEqual({ index, status: 400 });
      expect(res.body.error.code).toMatch(/^[a-z_]+$/);
    }
    expect(await writes()).toEqual(before);
  });

  it('refuses wrong content types, broken multipart and oversized parts', async () => {
    const before = await writes();
    const server = app.getHttpServer();
    expect((await request(server).post(inboundPath).send({ text: 'json' })).status).toBe(415);
    expect((await request(server).post(inboundPath).type('form').send('text=hi')).status).toBe(415);
    expect((await request(server).post(inboundPath).type('text/plain').send('hi')).status).toBe(415);
    const truncated = await request(server)
      .post(inboundPath)
      .set('Content-Type', 'multipart/form-data; boundary=XYZ')
      .send('--XYZ\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello');
    expect(truncated.status).toBe(400);
    const noBoundary = await request(server)
      .post(inboundPath)
      .set('Content-Type', 'multipart/form-data')
      .send('garbage');
    expect(noBoundary.status).toBe(400);
    // The URL is checked before the body is read: wrong secret 403, unknown channel 404.
    const wrongSecret = await postInbound(validFields(), inboundPath.replace(/[^/]+$/, 'nope'));
    expect([wrongSecret.status, wrongSecret.body.error.code]).toEqual([403, 'invalid_secret']);
    const unknown = inboundPath.replace(/sendgrid\/[^/]+/, 'sendgrid/00000000-0000-4000-8000-000000000000');
    expect((await postInbound(validFields(), unknown)).status).toBe(404);
    expect(
      (await postInbound(validFields(), inboundPath.replace(/sendgrid\/[^/]+/, 'sendgrid/x'))).status,
    ).toBe(404);
    const huge = await postInbound(validFields()).attach(
      'attachment1',
      randomBytes(21 * 1024 * 1024),
      'big.pdf',
    );
    expect(huge.status).toBe(413);
    expect(await writes()).toEqual(before);
  });

  it(
    'never answers 5xx to generated Inbound Parse posts; a 4xx never writes',
    async () => {
      const field = fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom(
          '',
          '{}',
          '[]',
          'null',
          '{"to":"x"}',
          '<>',
          'From: <@>',
          '\u0000',
          '=?utf-8?B?////?=',
        ),
      );
      const names = fc.constantFrom(
        'headers',
        'from',
        'to',
        'subject',
        'text',
        'html',
        'envelope',
        'attachment-info',
        'email',
        'charsets',
        'attachments',
      );
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(names, field, { maxKeys: 6 }),
          fc.boolean(),
          async (generated, keepBase) => {
            const fields = keepBase ? { ...validFields(), ...generated } : generated;
            const before = await writes();
            const res = await postInbound(fields);
            expect(res.status).toBeLessThan(500);
            if (res.status >= 400) {
              expect(res.body.error.code).toMatch(/^[a-z_]+$/);
              expect(await writes()).toEqual(before);
            }
          },
        ),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('refuses malformed signed event batches with 400 and applies nothing', async () => {
    const before = await writes();
    for (const [index, body] of EVENT_BREAKERS.entries()) {
      const raw = JSON.stringify(body);
      const res = await postEvents(raw, signEvents(practice.eventKey, raw));
      expect({ index, status: res.status }).toEqual({ index, status: 400 });
    }
    const notJson = '{"event": ';
    expect((await postEvents(notJson, signEvents(practice.eventKey, notJson))).status).toBe(400);
    const form = await request(app.getHttpServer()).post(eventsPath).type('form').send('event=delivered');
    expect(form.status).toBe(415);
    expect(await writes()).toEqual(before);
  });

  it(
    'never answers 5xx to generated event batches; bad signatures are 403, a 4xx never writes',
    async () => {
      const eventLike = fc.record(
        {
          event: fc.oneof(
            fc.constantFrom('processed', 'delivered', 'bounce', 'open', 'dropped'),
            fc.string(),
            fc.integer(),
          ),
          sg_event_id: fc.oneof(fc.string({ maxLength: 120 }), fc.integer()),
          sg_message_id: fc.oneof(fc.string({ maxLength: 300 }), fc.constant(null)),
          messageId: fc.oneof(fc.uuid(), fc.string(), fc.integer()),
          timestamp: fc.oneof(fc.integer(), fc.string()),
        },
        { requiredKeys: [] },
      );
      const body = fc.oneof(fc.array(eventLike, { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }));
      await fc.assert(
        fc.asyncProperty(body, fc.constantFrom('signed', 'unsigned', 'wrong'), async (value, signing) => {
          const raw = JSON.stringify(value) ?? 'null';
          const headers =
            signing === 'signed'
              ? signEvents(practice.eventKey, raw)
              : signing === 'wrong'
                ? {
                    ...signEvents(practice.eventKey, `${raw} `),
                    'X-Twilio-Email-Event-Webhook-Timestamp': 'abc',
                  }
                : {};
          const before = await writes();
          const res = await postEvents(raw, headers);
          expect(res.status).toBeLessThan(500);
          // JSON the body parser refuses (a bare primitive) is a 400 before any signature is read.
          if (signing !== 'signed') expect([400, 403]).toContain(res.status);
          if (res.status >= 400) expect(await writes()).toEqual(before);
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
