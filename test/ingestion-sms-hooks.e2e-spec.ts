import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArrivingSms, INBOUND_SMS_HOOKS, type InboundSms, type InboundSmsHook } from '@app/channels';
import { loadConfig } from '@app/config';
import type { TenantTx } from '@app/database';
import { checkResponsesAgainstOpenApi, ownerPool, ready } from '@app/testing';
import { ApiModule } from '../apps/api/src/app.module.js';
import { API_APP_OPTIONS, configureApiApp, createApiAdapter } from '../apps/api/src/bootstrap.js';
import {
  type SmsPractice,
  createSmsPractice,
  freshPhone,
  inboundParams,
  ingestionRowCounts,
  postSigned,
  processInbound,
} from './ingestion-fixtures.js';

/** Stands in for the consent issue's keyword hook: replies to HELP, explodes on BOOM. */
class RecordingHook implements InboundSmsHook {
  readonly seen: Array<InboundSms & { storedInSameTx: boolean }> = [];

  /** Claims every text but `later ...` ones, which the worker handles after the acknowledgement. */
  beforeAck(sms: ArrivingSms): boolean {
    return !sms.body.startsWith('later');
  }

  async onInboundSms(tx: TenantTx, sms: InboundSms): Promise<{ reply: string } | null> {
    const stored = await tx.query(`SELECT id FROM messages WHERE id = $1`, [sms.messageId]);
    this.seen.push({ ...sms, storedInSameTx: stored.length === 1 });
    if (sms.body === 'BOOM') throw new Error('hook failed');
    return sms.body.trim().toUpperCase() === 'HELP'
      ? { reply: 'Front desk: call 555-0100. Reply STOP to opt out.' }
      : null;
  }
}

// The extension point the SMS keywords (issue 5) plug into: hooks run inside the transaction
// that stored the message, may answer TwiML, and a retry gets the same answer.
describe('inbound SMS hooks (INBOUND_SMS_HOOKS)', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let practice: SmsPractice;
  const hook = new RecordingHook();

  const send = (params: Record<string, string>) =>
    postSigned(app, practice.channel.webhooks.inbound, params, practice.authToken);

  beforeAll(async () => {
    const config = loadConfig('api', process.env);
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] })
      .overrideProvider(INBOUND_SMS_HOOKS)
      .useValue([hook])
      .compile();
    const nest = moduleRef.createNestApplication<NestFastifyApplication>(
      createApiAdapter(config),
      API_APP_OPTIONS,
    );
    app = await configureApiApp(nest, config);
    const conformance = checkResponsesAgainstOpenApi(app);
    await ready(app);
    await conformance.loadDocument();
    owner = ownerPool();
    practice = await createSmsPractice(app, owner);
  });
  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  it('gives hooks the stored message inside its transaction, with what keyword handling needs', async () => {
    const params: Record<string, string> = {
      ...inboundParams(practice, { from: freshPhone(), body: 'stop' }),
      OptOutType: 'STOP',
    };
    const res = await send(params).expect(200);
    expect(res.text).toContain('<Response/>');
    const row = (
      await owner.query(`SELECT * FROM messages WHERE provider_message_id = $1`, [params.MessageSid])
    ).rows[0];
    expect(hook.seen.at(-1)).toEqual({
      tenantId: practice.tenantId,
      channelId: practice.channel.id,
      channelNumber: params.To,
      messageId: row.id,
      conversationId: row.conversation_id,
      contactId: row.contact_id,
      from: params.From,
      body: 'stop',
      optOutType: 'STOP',
      storedInSameTx: true,
    });
    expect(row.provider_reply).toBeNull();
  });

  it('answers a hook’s reply as TwiML, and the same reply to a retry without running hooks again', async () => {
    const params = inboundParams(practice, { from: freshPhone(), body: 'help' });
    const first = await send(params).expect(200);
    expect(first.headers['content-type']).toMatch(/^text\/xml/);
    expect(first.text).toContain('<Message>Front desk: call 555-0100. Reply STOP to opt out.</Message>');
    const calls = hook.seen.length;
    const retry = await send(params).expect(200);
    expect(retry.text).toBe(first.text);
    expect(hook.seen.length).toBe(calls);
  });

  it('runs hooks in the worker for texts no hook claims before the acknowledgement (no reply then)', async () => {
    const params = inboundParams(practice, { from: freshPhone(), body: 'later, please' });
    const calls = hook.seen.length;
    const res = await send(params).expect(200);
    expect(res.text).toContain('<Response/>');
    expect(hook.seen.length).toBe(calls);
    await processInbound(app, practice.tenantId);
    const row = (
      await owner.query(`SELECT * FROM messages WHERE provider_message_id = $1`, [params.MessageSid])
    ).rows[0];
    expect(hook.seen.at(-1)).toMatchObject({
      messageId: row.id,
      body: 'later, please',
      storedInSameTx: true,
    });
  });

  it('rolls the message back with a failing hook (not acknowledged, so nothing half-done)', async () => {
    const before = await ingestionRowCounts(owner, practice.tenantId);
    const res = await send(inboundParams(practice, { from: freshPhone(), body: 'BOOM' }));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    expect(await ingestionRowCounts(owner, practice.tenantId)).toEqual(before);
  });
});
