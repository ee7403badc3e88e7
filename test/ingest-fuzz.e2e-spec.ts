import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import type pg from 'pg';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicChannel } from '@app/channels';
import { ownerPool, testClientIp } from '@app/testing';
import {
  type SmsPractice,
  createSmsPractice,
  freshPhone,
  inboundParams,
  messageSid,
  processInbound,
  startListeningApi,
  statusParams,
} from './ingestion-fixtures.js';
import {
  type EmailPractice,
  createEmailPractice,
  freshEmail,
  signEvents,
} from './ingestion-email-fixtures.js';
import { SITE, createPublicChannel } from './intake-fixtures.js';

/**
 * Invariant 10 across every public ingestion door at once: about 3000 generated requests (wrong
 * types, huge fields, broken encodings, missing fields, garbage bytes) to the Twilio inbound and
 * status webhooks, SendGrid Inbound Parse (multipart and raw MIME) and events, web forms and
 * chat. Every answer is below 500; a 4xx writes no row anywhere; payloads built around a defect
 * (`mustReject`) get a 4xx. Random bodies that happen to be valid may be accepted and write what
 * a valid request writes: the row counts are compared per request, so only a refusal has to
 * leave them unchanged.
 */

type Params = Record<string, string>;

/** Requests per door; they add up to the few thousand the product asks for. */
const RUNS = {
  twilioGarbage: 500,
  twilioSignedBroken: 500,
  twilioStatusBroken: 250,
  parseMultipart: 400,
  parseRaw: 250,
  events: 300,
  form: 450,
  chatStart: 150,
  chatMessage: 250,
} as const;
const TOTAL_RUNS = Object.values(RUNS).reduce((a, b) => a + b, 0);
/** Thousands of real HTTP round trips, on a machine busy with the rest of the suite. */
const TIMEOUT_MS = 240_000;

// ---------------------------------------------------------------------------------------------
// Building blocks of malformed input

/** Text no phone parser reads as a number (no digits), for fields that must hold one. */
const noDigits = fc.string({ maxLength: 30 }).map((s) => s.replace(/[0-9]/g, 'x'));

/** Strings that stress decoding: lone surrogates, NUL, control characters, any code point. */
const awkwardText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    maxLength: 4,
  }),
  fc.constantFrom('\u0000', '\u0000\u0001\u001f', '\ufeff', '\u202e', '%ZZ', '%C3%28', '=?utf-8?B?////?='),
);

/** Beyond every field limit; the largest is beyond the 256 kB body limit too. */
const hugeText = fc.constantFrom(5_001, 70_000, 300_000).map((n) => 'x'.repeat(n));

/** JSON values of every shape; `wrongTypeFor` keeps those whose shape differs from a valid value. */
const anyShape = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

const shapeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const wrongTypeFor = (valid: unknown) => anyShape.filter((v) => shapeOf(v) !== shapeOf(valid));
const wrongType = wrongTypeFor('a string');

/** Bytes that are not valid UTF-8 (stray continuation bytes, overlong forms, truncated sequences). */
const invalidUtf8 = fc.constantFrom(
  Buffer.from([0xc3, 0x28]),
  Buffer.from([0xff, 0xfe, 0xfd]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0xed, 0xa0, 0x80]),
);

/** Garbage bodies of any kind. */
const garbageBytes = fc.oneof(
  fc.uint8Array({ maxLength: 1500 }).map((a) => Buffer.from(a)),
  fc.string({ unit: 'binary', maxLength: 300 }).map((s) => Buffer.from(s)),
  fc.json({ maxDepth: 3 }).map((s) => Buffer.from(s)),
  fc
    .tuple(fc.string({ maxLength: 60 }), invalidUtf8, fc.string({ maxLength: 60 }))
    .map(([a, bad, b]) => Buffer.concat([Buffer.from(a), bad, Buffer.from(b)])),
  hugeText.map((s) => Buffer.from(`Body=${s}`)),
  // More fields than the form parser takes, and nesting deep enough to hurt a recursive reader.
  fc.constant(Buffer.from('a=1&'.repeat(2_000))),
  fc.constantFrom('[', '{"a":').map((open) => Buffer.from(open.repeat(20_000))),
  fc.constant(Buffer.from(`${'['.repeat(20_000)}${']'.repeat(20_000)}`)),
  fc.constant(Buffer.alloc(0)),
);

const CONTENT_TYPES = [
  undefined,
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-16',
  'application/json',
  'application/json; charset=latin1',
  'text/plain',
  'multipart/form-data',
  'multipart/form-data; boundary=zz',
  'application/octet-stream',
  'garbage/',
];
const CONTENT_ENCODINGS = [undefined, undefined, undefined, 'gzip', 'deflate', 'br', 'x-unknown'];

/** A form-encoded body with one part replaced by bytes that are not UTF-8 once percent-decoded. */
const brokenPercentEncoding = (params: Params) =>
  fc
    .tuple(
      fc.constantFrom(...Object.keys(params)),
      fc.constantFrom('%C3%28', '%FF%FE', '%ED%A0%80', '%E2%82', '%'),
    )
    .map(([key, bad]) => {
      const body = new URLSearchParams(params);
      body.delete(key);
      return `${body.toString()}&${encodeURIComponent(key)}=${bad}`;
    });

/** A multipart/form-data body built by hand, so any bytes can go into a part. */
const multipart = (fields: Array<[string, Buffer]>, boundary = 'fuzzBoundary') =>
  Buffer.concat([
    ...fields.map(([name, value]) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
        value,
        Buffer.from('\r\n'),
      ]),
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);

/** A select-list item counting the rows of `table` over the tenants in $1. */
const countOf = (table: string) =>
  `(SELECT count(*)::int FROM ${table} WHERE tenant_id = ANY($1)) AS ${table}`;

/** An object with one defect: a required field missing, or any field with a wrong type, a huge or an unknown key. */
function brokenObject(valid: Record<string, unknown>, required: string[]) {
  const keys = Object.keys(valid);
  const defects = [
    fc
      .constantFrom(...keys)
      .chain((key) =>
        fc.oneof(wrongTypeFor(valid[key]), hugeText).map((value) => ({ ...valid, [key]: value })),
      ),
    fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !keys.includes(k) && k !== 'website')
      .map((k) => ({ ...valid, [k]: 'unexpected' })),
  ];
  if (required.length > 0) {
    defects.push(
      fc.constant(Object.fromEntries(Object.entries(valid).filter(([k]) => !required.includes(k)))),
    );
  }
  return fc.oneof(...defects);
}

// ---------------------------------------------------------------------------------------------

describe('ingestion fuzz: thousands of malformed webhook, form and chat bodies', () => {
  let app: INestApplication;
  let baseUrl: string;
  let owner: pg.Pool;
  let sms: SmsPractice;
  let email: EmailPractice;
  let forms: PublicChannel[];
  let widget: PublicChannel;
  let chatSessions: Array<{ sessionId: string; sessionToken: string }>;
  let outboundSid: string;
  let tenants: string[];
  const outcomes = { total: 0, accepted: 0, refused: 0, serverErrors: [] as string[] };

  /** Rows of every table ingestion writes, over the practices of this test. */
  async function rowCounts(): Promise<Record<string, number>> {
    const { rows } = await owner.query(
      `SELECT ${[
        'contacts',
        'conversations',
        'messages',
        'sms_inbound',
        'attachments',
        'form_submissions',
        'consent_records',
        'chat_sessions',
        'sendgrid_events',
        'email_message_refs',
      ]
        .map(countOf)
        .join(', ')},
        (SELECT count(*)::int FROM audit_outbox WHERE tenant_id = ANY($1))
          + (SELECT count(*)::int FROM audit_events WHERE tenant_id = ANY($1)) AS audit`,
      [tenants],
    );
    return rows[0];
  }

  interface Sent {
    path: string;
    body: Buffer | string;
    headers?: Record<string, string | undefined>;
    /** Built around a defect: must be refused. */
    mustReject: boolean;
  }

  /** Sends one case and checks the invariant for it; never throws on the status alone (5xx are collected). */
  async function check(sent: Sent): Promise<void> {
    const before = await rowCounts();
    const headers = Object.fromEntries(
      Object.entries(sent.headers ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
    );
    const res = await fetch(`${baseUrl}${sent.path}`, {
      method: 'POST',
      body: typeof sent.body === 'string' ? sent.body : new Uint8Array(sent.body),
      headers,
    });
    const text = await res.text();
    outcomes.total++;
    if (res.status >= 500) {
      outcomes.serverErrors.push(`${res.status} ${sent.path} ${JSON.stringify(headers)}`);
      return;
    }
    const label = `${res.status} ${sent.path} ${text.slice(0, 200)}`;
    if (res.status >= 400) {
      outcomes.refused++;
      expect(JSON.parse(text).error.code, label).toMatch(/^[a-z_]+$/);
      expect(await rowCounts(), label).toEqual(before);
      return;
    }
    outcomes.accepted++;
    expect(sent.mustReject, `accepted a defective request: ${label}`).toBe(false);
  }

  const twilioForm = (url: string, params: Params, signature: 'valid' | 'none' | string) => ({
    body: new URLSearchParams(params).toString(),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature':
        signature === 'valid'
          ? twilio.getExpectedTwilioSignature(sms.authToken, url, params)
          : signature === 'none'
            ? undefined
            : signature,
    },
  });

  beforeAll(async () => {
    app = await startListeningApi();
    owner = ownerPool();
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    sms = await createSmsPractice(app, owner);
    email = await createEmailPractice(app, owner);
    // Several forms: each takes at most 300 posts a minute, and a 429 would hide the validation.
    forms = [];
    for (let i = 0; i < 3; i++) forms.push(await createPublicChannel(app, owner, 'webform'));
    widget = await createPublicChannel(app, owner, 'chat');
    tenants = [sms.tenantId, email.tenantId, widget.tenantId, ...forms.map((f) => f.tenantId)];

    // A real inbound SMS and an outbound message, so status callbacks find something (not) to change.
    const seed = inboundParams(sms, { from: freshPhone(), body: 'seed' });
    const seeded = twilioForm(sms.channel.webhooks.inbound, seed, 'valid');
    const res = await fetch(sms.channel.webhooks.inbound, {
      method: 'POST',
      body: seeded.body,
      headers: seeded.headers as Record<string, string>,
    });
    expect(res.status).toBe(200);
    await processInbound(app, sms.tenantId);
    const row = (
      await owner.query(`SELECT conversation_id, contact_id FROM messages WHERE provider_message_id = $1`, [
        seed.MessageSid,
      ])
    ).rows[0];
    outboundSid = messageSid();
    await owner.query(
      `INSERT INTO messages (id, tenant_id, conversation_id, contact_id, channel_id, channel, direction, status,
         provider_message_id) VALUES ($1, $2, $3, $4, $5, 'sms', 'outbound', 'sent', $6)`,
      [randomUUID(), sms.tenantId, row.conversation_id, row.contact_id, sms.channel.id, outboundSid],
    );

    // Chat sessions to post broken messages into (30 messages per session and minute are allowed).
    chatSessions = [];
    for (let i = 0; i < Math.ceil(RUNS.chatMessage / 25); i++) {
      const started = await fetch(`${baseUrl}/v1/public/chat/${widget.publicKey}/sessions`, {
        method: 'POST',
        body: '{}',
        headers: { Origin: SITE, 'Content-Type': 'application/json', 'X-Forwarded-For': testClientIp() },
      });
      expect(started.status).toBe(201);
      chatSessions.push((await started.json()) as { sessionId: string; sessionToken: string });
    }
  });

  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  it(
    'answers every one with a 4xx (or accepts what is valid), never a 5xx, and a refusal writes nothing',
    async () => {
      const inboundPath = new URL(sms.channel.webhooks.inbound).pathname;
      const statusPath = new URL(sms.channel.webhooks.status).pathname;

      // Twilio: garbage of any content type, encoding and signature, to the real and to bogus channels.
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            inboundPath,
            statusPath,
            inboundPath.replace(sms.channel.id, randomUUID()),
            statusPath.replace(sms.channel.id, 'not-a-uuid'),
          ),
          garbageBytes,
          fc.oneof(
            { arbitrary: fc.constant('application/x-www-form-urlencoded'), weight: 3 },
            { arbitrary: fc.constantFrom(...CONTENT_TYPES), weight: 2 },
          ),
          fc.constantFrom(...CONTENT_ENCODINGS),
          fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{0,40}$/), { nil: undefined }),
          async (path, body, contentType, contentEncoding, signature) =>
            check({
              path,
              body,
              headers: {
                'Content-Type': contentType,
                'Content-Encoding': contentEncoding,
                'X-Twilio-Signature': signature,
              },
              // Not signed with the channel's token: nothing may get in.
              mustReject: true,
            }),
        ),
        { numRuns: RUNS.twilioGarbage },
      );

      // Twilio inbound, correctly signed by the channel's own token, with one defect each.
      const inboundDefect = (params: Params): fc.Arbitrary<Params> =>
        fc.oneof(
          fc.constantFrom('MessageSid', 'From', 'AccountSid', 'To').map((key) => {
            const { [key]: _dropped, ...rest } = params;
            return rest;
          }),
          fc.oneof(awkwardText, noDigits).map((v) => ({ ...params, MessageSid: `SM${v}` })),
          noDigits.map((v) => ({ ...params, From: v })),
          fc.oneof(awkwardText, hugeText).map((v) => ({ ...params, AccountSid: `AC${v}` })),
          hugeText.map((v) => ({ ...params, Body: v })),
          fc
            .oneof(
              fc.constantFrom('abc', '-1', '1.5', '0x1'),
              fc.integer({ min: 11, max: 10_000 }).map(String),
            )
            .map((v) => ({ ...params, NumMedia: v })),
          awkwardText.map((v) => ({ ...params, NumMedia: '1', MediaUrl0: `javascript:${v}` })),
        );
      await fc.assert(
        fc.asyncProperty(
          awkwardText
            .chain((body) => inboundDefect(inboundParams(sms, { from: freshPhone(), body })))
            .chain((params) => {
              const form = twilioForm(sms.channel.webhooks.inbound, params, 'valid');
              // Signed over the fields, but sent with one of them percent-encoded into invalid UTF-8.
              return fc.oneof(fc.constant(form.body), brokenPercentEncoding(params)).map((body) => ({
                body,
                headers: form.headers,
              }));
            }),
          async ({ body, headers }) => check({ path: inboundPath, body, headers, mustReject: true }),
        ),
        { numRuns: RUNS.twilioSignedBroken },
      );

      // Twilio status callbacks, signed, with one defect each.
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constantFrom('MessageSid', 'MessageStatus').map((key) => (p: Params) => {
              const { [key]: _dropped, SmsStatus: _alias, ...rest } = p;
              return rest;
            }),
            fc.oneof(awkwardText, hugeText).map((v) => (p: Params) => ({ ...p, MessageSid: `SM${v}` })),
            // Unknown statuses of a sane length are ignored (204); empty or overlong ones are malformed.
            fc
              .oneof(fc.constant(''), hugeText)
              .map((v) => (p: Params) => ({ ...p, MessageStatus: v, SmsStatus: v })),
            fc
              .oneof(
                noDigits.filter((v) => v.length > 0),
                fc.constant('1'.repeat(11)),
              )
              .map((v) => (p: Params) => ({ ...p, ErrorCode: v })),
          ),
          async (defect) => {
            const params = defect(statusParams(sms, { sid: outboundSid, status: 'delivered' }));
            const form = twilioForm(sms.channel.webhooks.status, params, 'valid');
            await check({ path: statusPath, body: form.body, headers: form.headers, mustReject: true });
          },
        ),
        { numRuns: RUNS.twilioStatusBroken },
      );
      const outbound = (
        await owner.query(`SELECT status FROM messages WHERE provider_message_id = $1`, [outboundSid])
      ).rows[0];
      expect(outbound.status).toBe('sent');

      // SendGrid Inbound Parse, multipart: generated fields over a valid post, or alone.
      const parsePath = new URL(email.channel.webhooks.inboundParse).pathname;
      const validEmailFields = (): Array<[string, Buffer]> => {
        const from = freshEmail();
        return [
          [
            'headers',
            Buffer.from(`From: Pat <${from}>\r\nTo: ${email.channel.inboundAddress}\r\nSubject: hi`),
          ],
          ['from', Buffer.from(`Pat <${from}>`)],
          ['to', Buffer.from(email.channel.inboundAddress)],
          ['text', Buffer.from('hello')],
          ['envelope', Buffer.from(JSON.stringify({ to: [email.channel.inboundAddress], from }))],
        ];
      };
      const fieldValue = fc.oneof(
        awkwardText.map((s) => Buffer.from(s)),
        wrongType.map((v) => Buffer.from(JSON.stringify(v))),
        fc
          .tuple(fc.string({ maxLength: 20 }), invalidUtf8)
          .map(([a, bad]) => Buffer.concat([Buffer.from(a), bad])),
        fc
          .constantFrom('{}', '[]', 'null', '{"to":[1]}', '{"from":42}', 'From: <@>', '')
          .map((s) => Buffer.from(s)),
        fc.constant(Buffer.from('s'.repeat(10_001))),
      );
      const fieldName = fc.constantFrom(
        'headers',
        'from',
        'to',
        'subject',
        'text',
        'html',
        'envelope',
        'attachment-info',
        'charsets',
        'attachments',
        'SPF',
        'dkim',
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fieldName, fieldValue), { minLength: 1, maxLength: 5 }),
          fc.boolean(),
          fc.constantFrom(
            'multipart/form-data; boundary=fuzzBoundary',
            'multipart/form-data',
            'multipart/form-data; boundary=other',
            'application/json',
          ),
          async (generated, keepBase, contentType) => {
            const names = new Set<string>(generated.map(([n]) => n));
            const base = keepBase ? validEmailFields().filter(([n]) => !names.has(n)) : [];
            await check({
              path: parsePath,
              body: multipart([...base, ...generated]),
              headers: { 'Content-Type': contentType },
              mustReject: false,
            });
          },
        ),
        { numRuns: RUNS.parseMultipart },
      );

      // SendGrid Inbound Parse, raw MIME (`email` field) without any sender: must be refused.
      const headerLine = fc.oneof(
        fc.constantFrom(
          'Subject: hi',
          'To: someone@example.org',
          'Content-Type: text/plain; charset=utf-16',
          'Content-Transfer-Encoding: base64',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary=x',
        ),
        awkwardText.map((s) => `X-Fuzz: ${s}`),
        noDigits.map((s) => `${s.replace(/[:\r\n]/g, '')}: value`),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(headerLine, { maxLength: 5 }),
          fc.oneof(awkwardText, fc.constant('=?=\r\n--x\r\n'), fc.constant('@'.repeat(2000))),
          fc.option(fc.constantFrom('{}', '{"to":["a@b.c"]}', 'not json', '[]', '{"from":null}'), {
            nil: undefined,
          }),
          async (headers, bodyText, envelope) => {
            const mime = `${headers.filter((h) => !/^(from|sender|reply-to)\s*:/i.test(h)).join('\r\n')}\r\n\r\n${bodyText}`;
            const fields: Array<[string, Buffer]> = [['email', Buffer.from(mime)]];
            if (envelope !== undefined) fields.push(['envelope', Buffer.from(envelope)]);
            await check({
              path: parsePath,
              body: multipart(fields),
              headers: { 'Content-Type': 'multipart/form-data; boundary=fuzzBoundary' },
              mustReject: true,
            });
          },
        ),
        { numRuns: RUNS.parseRaw },
      );

      // SendGrid Event Webhook: signed, unsigned and wrongly signed batches of broken events.
      const eventsPath = new URL(email.channel.webhooks.events).pathname;
      const eventLike = fc.record(
        {
          event: fc.oneof(
            fc.constantFrom('processed', 'delivered', 'bounce', 'dropped'),
            awkwardText,
            wrongType,
          ),
          sg_event_id: fc.oneof(awkwardText, wrongType, hugeText),
          sg_message_id: fc.oneof(awkwardText, wrongType),
          messageId: fc.oneof(fc.uuid(), awkwardText, wrongType),
          timestamp: fc.oneof(fc.integer(), awkwardText, wrongType),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.array(eventLike, { maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })),
          fc.constantFrom('signed', 'unsigned', 'wrong'),
          async (value, signing) => {
            const raw = JSON.stringify(value) ?? 'null';
            const signature =
              signing === 'signed'
                ? signEvents(email.eventKey, raw)
                : signing === 'wrong'
                  ? signEvents(email.eventKey, `${raw} `)
                  : {};
            await check({
              path: eventsPath,
              body: raw,
              headers: { 'Content-Type': 'application/json', ...signature },
              // Events about messages that do not exist apply nothing, so a valid signed batch may pass.
              mustReject: signing !== 'signed',
            });
          },
        ),
        { numRuns: RUNS.events },
      );

      // Web forms: one defect over a valid submission, or raw garbage in any content type.
      const validForm = {
        name: 'Val Id',
        email: 'val.id@mail.test',
        phone: '+15555550123',
        message: 'hello',
        fields: { a: 1 },
        consent: { sms: true, email: true, disclosureVersion: 'sms-v1' },
      };
      let formIndex = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            brokenObject(validForm, ['email', 'phone']).map((b) => ({
              body: JSON.stringify(b),
              type: 'application/json',
              mustReject: true,
            })),
            fc.record({
              body: garbageBytes,
              type: fc.constantFrom(...CONTENT_TYPES),
              mustReject: fc.constant(false),
            }),
          ),
          async ({ body, type, mustReject }) => {
            const form = forms[formIndex++ % forms.length]!;
            await check({
              path: `/v1/public/forms/${form.publicKey}/submissions`,
              body,
              headers: { 'Content-Type': type, Origin: SITE, 'X-Forwarded-For': testClientIp() },
              mustReject,
            });
          },
        ),
        { numRuns: RUNS.form },
      );

      // Chat: broken session starts and broken visitor messages.
      await fc.assert(
        fc.asyncProperty(
          brokenObject({ name: 'Visitor', email: 'visitor@mail.test', phone: '+15555550124' }, []),
          async (value) =>
            check({
              path: `/v1/public/chat/${widget.publicKey}/sessions`,
              body: JSON.stringify(value),
              headers: {
                'Content-Type': 'application/json',
                Origin: SITE,
                'X-Forwarded-For': testClientIp(),
              },
              mustReject: true,
            }),
        ),
        { numRuns: RUNS.chatStart },
      );
      let sessionIndex = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            brokenObject({ body: 'hello' }, ['body']).map((v) => JSON.stringify(v)),
            fc.constantFrom('{"body":"   "}', '{"body":""}', '{"body": "x"', '"body"', '[{"body":"x"}]'),
          ),
          async (body) => {
            const session = chatSessions[sessionIndex++ % chatSessions.length]!;
            await check({
              path: `/v1/public/chat/sessions/${session.sessionId}/messages`,
              body,
              headers: {
                'Content-Type': 'application/json',
                Origin: SITE,
                Authorization: `Bearer ${session.sessionToken}`,
              },
              mustReject: true,
            });
          },
        ),
        { numRuns: RUNS.chatMessage },
      );

      expect(outcomes.serverErrors).toEqual([]);
      expect(outcomes.total).toBe(TOTAL_RUNS);
      expect(outcomes.refused).toBeGreaterThan(TOTAL_RUNS * 0.9);
    },
    TIMEOUT_MS,
  );
});
