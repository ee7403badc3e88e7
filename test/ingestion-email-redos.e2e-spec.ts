import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerPool } from '@app/testing';
import { startListeningApi } from './ingestion-fixtures.js';
import {
  type EmailPractice,
  createEmailPractice,
  freshEmail,
  messageIdHeader,
  parsedInboundFields,
} from './ingestion-email-fixtures.js';

/**
 * Issue 19: one email must not freeze the api. Each post below hit a super-linear path in the
 * email intake (a quadratic regex, or htmlparser2's open-element stack); while it is processed
 * the api must keep answering /health/live. The sizes are a fraction of what the intake accepts
 * (the unit tests beside the code use the full limits): enough for the old code to block the
 * event loop for tens of seconds to minutes, so a regression fails instead of hanging the suite
 * for hours.
 */
const PATHOLOGICAL_CHARS = 200_000;
const DEEP_NESTING_CHARS = 1_000_000;
/** htmlparser2 inside mailparser is quadratic with a smaller constant: the body size limit. */
const MAX_BODY_CHARS = 2_000_000;
/** A live api answers in milliseconds; the breach kept it silent for seconds to hours. */
const HEALTH_ANSWER_BOUND_MS = 5_000;
/** Generous: each post carries up to a megabyte through multipart parsing on a busy machine. */
const CASE_TIMEOUT_MS = 60_000;

type Fields = Record<string, string>;

describe('Inbound Parse: a pathological email does not block the event loop', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let practice: EmailPractice;
  let inboundPath: string;
  let healthUrl: string;

  beforeAll(async () => {
    app = await startListeningApi();
    owner = ownerPool();
    practice = await createEmailPractice(app, owner);
    inboundPath = new URL(practice.channel.webhooks.inboundParse).pathname;
    const { port } = app.getHttpServer().address() as AddressInfo;
    healthUrl = `http://127.0.0.1:${port}/health/live`;
  });
  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  const parsedMode = (extra: Fields): Fields => parsedInboundFields(practice, extra);

  const rawMode = (contentType: string, body: string): Fields => {
    const from = freshEmail();
    return {
      email:
        `From: Pat <${from}>\r\nTo: ${practice.channel.inboundAddress}\r\nMessage-ID: ${messageIdHeader()}\r\n` +
        `Subject: hi\r\nMIME-Version: 1.0\r\nContent-Type: ${contentType}\r\n\r\n${body}`,
      envelope: JSON.stringify({ to: [practice.channel.inboundAddress], from }),
    };
  };

  function postInbound(fields: Fields) {
    let req = request(app.getHttpServer()).post(inboundPath);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req;
  }

  /** Posts the email and probes /health/live back to back until the webhook has answered. */
  async function probeWhileProcessing(fields: Fields) {
    const state = { finished: false };
    const webhook = postInbound(fields).then((res) => {
      state.finished = true;
      return res;
    });
    const probes: Array<{ status: number; ms: number }> = [];
    do {
      const started = performance.now();
      const res = await fetch(healthUrl);
      await res.arrayBuffer();
      probes.push({ status: res.status, ms: Math.round(performance.now() - started) });
    } while (!state.finished);
    return { webhook: await webhook, probes };
  }

  it.each<[string, () => Fields, number]>([
    [
      'an HTML-only email with a long run of spaces (textFromHtml, /[ \\t]+\\n/)',
      () => parsedMode({ text: '', html: `<p>a${' '.repeat(PATHOLOGICAL_CHARS)}b</p>` }),
      200,
    ],
    [
      'an HTML-only email of "<br" repeated (textFromHtml, the break-tag pattern)',
      () => parsedMode({ text: '', html: '<br'.repeat(PATHOLOGICAL_CHARS / 3) }),
      200,
    ],
    [
      'a headers field with a long inner run of whitespace (/\\s+$/)',
      () => {
        const fields = parsedMode({});
        return { ...fields, headers: `${fields.headers}${' '.repeat(PATHOLOGICAL_CHARS)}there` };
      },
      200,
    ],
    [
      'a from field without any @ (firstAddress, the bare-address pattern)',
      () => parsedMode({ from: 'a'.repeat(PATHOLOGICAL_CHARS) }),
      400, // longer than any From header: refused, named by field only
    ],
    [
      'a from field of "<a@a@a@..." (firstAddress, the bracketed pattern)',
      () => parsedMode({ from: `<${'a@'.repeat(PATHOLOGICAL_CHARS / 2)}` }),
      400,
    ],
    [
      'an HTML email nested a million characters deep (htmlparser2 open-element stack)',
      () => parsedMode({ html: '<b>'.repeat(DEEP_NESTING_CHARS / 3) }),
      200,
    ],
    [
      'a raw-MIME HTML-only email whose <script> hides end tags (mailparser html-to-text)',
      () =>
        rawMode(
          'text/html; charset=utf-8',
          '<div><script></div></script>'.repeat(Math.floor(MAX_BODY_CHARS / 28)),
        ),
      200,
    ],
  ])(
    'keeps answering /health/live while it processes %s',
    async (_name, build, status) => {
      const { webhook, probes } = await probeWhileProcessing(build());
      expect(webhook.status).toBe(status);
      expect(probes.length).toBeGreaterThan(0);
      expect(probes.filter((probe) => probe.status !== 200)).toEqual([]);
      expect(probes.filter((probe) => probe.ms > HEALTH_ANSWER_BOUND_MS)).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );
});
