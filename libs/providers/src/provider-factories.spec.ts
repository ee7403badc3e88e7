import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sendGridSingleton from '@sendgrid/mail';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSendGridMailer } from './sendgrid/sendgrid-mailer.factory.js';
import { createTwilioClient } from './twilio/twilio-client.factory.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A fake provider host that records requests and answers what each test queues. */
let server: Server;
let baseUrl: string;
const seen: Seen[] = [];
let nextAnswer: { status: number; body: unknown; headers?: Record<string, string> } = {
  status: 200,
  body: {},
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(nextAnswer.status, { 'Content-Type': 'application/json', ...nextAnswer.headers });
      res.end(nextAnswer.body === undefined ? '' : JSON.stringify(nextAnswer.body));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

const accountSid = `AC${'c3'.repeat(16)}`;

describe('createTwilioClient', () => {
  it('sends the SDK request to baseUrl with the account Basic credentials', async () => {
    nextAnswer = {
      status: 201,
      body: {
        sid: `SM${'d4'.repeat(16)}`,
        status: 'queued',
        to: '+15551234567',
        date_created: 'Thu, 24 Aug 2023 05:01:45 +0000',
      },
    };
    const client = createTwilioClient({ accountSid, authToken: 'token-1', baseUrl: `${baseUrl}/` });
    const message = await client.messages.create({ to: '+15551234567', from: '+15005550006', body: 'hi' });

    expect(message.status).toBe('queued');
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request).toMatchObject({
      method: 'POST',
      url: `/2010-04-01/Accounts/${accountSid}/Messages.json`,
    });
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${accountSid}:token-1`).toString('base64')}`,
    );
    expect(new URLSearchParams(request?.body)).toEqual(
      new URLSearchParams({ To: '+15551234567', From: '+15005550006', Body: 'hi' }),
    );
  });

  it('turns a Twilio error body into a RestException', async () => {
    nextAnswer = { status: 400, body: { code: 21211, message: 'invalid', more_info: 'x', status: 400 } };
    const client = createTwilioClient({ accountSid, authToken: 'token-1', baseUrl });
    await expect(
      client.messages.create({ to: '+15005550001', from: '+15005550006', body: 'x' }),
    ).rejects.toMatchObject({
      status: 400,
      code: 21211,
    });
  });
});

describe('createSendGridMailer', () => {
  it('posts to baseUrl with the Bearer key, leaving the SDK singleton alone', async () => {
    nextAnswer = { status: 202, body: undefined, headers: { 'X-Message-Id': 'abc' } };
    const mailer = createSendGridMailer({ apiKey: 'SG.one.key', baseUrl });
    const [response] = await mailer.send({
      to: 'a@example.test',
      from: 'b@example.test',
      subject: 's',
      text: 't',
    });

    expect(response.statusCode).toBe(202);
    expect(response.headers['x-message-id']).toBe('abc');
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v3/mail/send' });
    expect(seen[0]?.headers.authorization).toBe('Bearer SG.one.key');
    expect(JSON.parse(seen[0]?.body ?? '{}')).toMatchObject({
      subject: 's',
      from: { email: 'b@example.test' },
    });
    expect(mailer).not.toBe(sendGridSingleton);
  });

  it('keeps the key of each mailer separate', async () => {
    nextAnswer = { status: 202, body: undefined };
    const first = createSendGridMailer({ apiKey: 'SG.first.key', baseUrl });
    createSendGridMailer({ apiKey: 'SG.second.key', baseUrl });
    await first.send({ to: 'a@example.test', from: 'b@example.test', subject: 's', text: 't' });
    expect(seen[0]?.headers.authorization).toBe('Bearer SG.first.key');
  });
});
