import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttachmentRepository, MessageRepository } from '@app/conversations';
import { TenantDb } from '@app/database';
import { PendingMediaSweeper } from '@app/channels';
import { ownerPool, startWorker } from '@app/testing';
import { createSandboxApp } from '../apps/sandbox/src/sandbox-app.js';
import {
  type SmsPractice,
  createSmsPractice,
  freshPhone,
  processInbound,
  startListeningApi,
} from './ingestion-fixtures.js';

/** A tiny real PDF-ish payload and a PNG: content types on the allow-list. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n% lab results would be here\n%%EOF\n');

// MMS: the sandbox hosts the media behind Basic auth exactly like Twilio and posts the signed
// webhook to the URL the channel advertises; the api fetches with the channel's credentials.
describe('MMS media (Twilio inbound with NumMedia > 0)', () => {
  let sandbox: NestExpressApplication;
  let sandboxUrl: string;
  let app: INestApplication;
  let owner: pg.Pool;
  let practice: SmsPractice;

  interface Simulated {
    status: number;
    body: string;
    messageSid: string;
  }
  async function simulate(extra: Record<string, unknown>, to: SmsPractice = practice): Promise<Simulated> {
    const res = await fetch(`${sandboxUrl}/sandbox/twilio/inbound`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        to: to.channel.phoneNumber,
        from: freshPhone(),
        body: '',
        webhookUrl: to.channel.webhooks.inbound,
        authToken: to.authToken,
        accountSid: to.accountSid,
        ...extra,
      }),
    });
    expect(res.status).toBe(200);
    // The api acknowledged the text; the worker's processing (here, awaited) stores it and its media.
    await processInbound(app, to.tenantId);
    return (await res.json()) as Simulated;
  }

  async function stored(sid: string, of: SmsPractice = practice) {
    const [row] = (
      await owner.query(`SELECT id, tenant_id FROM messages WHERE provider_message_id = $1`, [sid])
    ).rows;
    expect(row.tenant_id).toBe(of.tenantId);
    return app.get(TenantDb).forTenant(of.tenantId, async (tx) => ({
      message: await app.get(MessageRepository).get(tx, row.id),
      attachments: await app.get(AttachmentRepository).listForMessages(tx, [row.id]),
    }));
  }

  beforeAll(async () => {
    sandbox = await createSandboxApp({ logger: false });
    await sandbox.listen(0, '127.0.0.1');
    sandboxUrl = `http://127.0.0.1:${(sandbox.getHttpServer().address() as AddressInfo).port}`;
    app = await startListeningApi({ TWILIO_API_BASE_URL: sandboxUrl });
    owner = ownerPool();
    practice = await createSmsPractice(app, owner);
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
    await owner?.end();
  });

  it('fetches each medium with the channel credentials and stores it encrypted', async () => {
    const result = await simulate({
      body: 'Here is the rash and my referral',
      media: [
        { contentType: 'image/png', contentBase64: PNG.toString('base64') },
        { contentType: 'application/pdf', contentBase64: PDF.toString('base64') },
      ],
    });
    expect(result.status).toBe(200);
    expect(result.body).toContain('<Response/>');

    const { message, attachments } = await stored(result.messageSid);
    expect(message?.body).toBe('Here is the rash and my referral');
    expect(attachments).toEqual([
      expect.objectContaining({ status: 'stored', contentType: 'image/png', sizeBytes: PNG.length }),
      expect.objectContaining({ status: 'stored', contentType: 'application/pdf', sizeBytes: PDF.length }),
    ]);

    const raw = (
      await owner.query(`SELECT content_enc, source_url_enc FROM attachments WHERE id = $1`, [
        attachments[1]!.id,
      ])
    ).rows[0];
    expect(raw.content_enc.includes(Buffer.from('lab results'))).toBe(false);
    expect(raw.source_url_enc.includes(Buffer.from('/sandbox/media/'))).toBe(false);
    const content = await app
      .get(TenantDb)
      .forTenant(practice.tenantId, (tx) => app.get(AttachmentRepository).content(tx, attachments[1]!.id));
    expect(content?.equals(PDF)).toBe(true);
  });

  it('keeps the text and records why when media is refused or cannot be fetched', async () => {
    const tooBig = randomBytes(5 * 1024 * 1024 + 1);
    const result = await simulate({
      body: 'Three files',
      media: [
        { contentType: 'application/x-msdownload', contentBase64: Buffer.from('MZ...').toString('base64') },
        { contentType: 'image/jpeg', contentBase64: tooBig.toString('base64') },
      ],
      // Not a Twilio host (nor the configured API base): the credentials must not go there.
      mediaUrls: ['http://127.0.0.2:9/elsewhere.png'],
      mediaContentTypes: ['image/png'],
    });
    expect(result.status).toBe(200);

    const { message, attachments } = await stored(result.messageSid);
    expect(message?.body).toBe('Three files');
    expect(attachments.map((a) => [a.status, a.failureReason])).toEqual([
      ['failed', 'host_not_allowed'],
      ['failed', 'content_type_not_allowed'],
      ['failed', 'too_large'],
    ]);
    const raw = (
      await owner.query(
        `SELECT count(*)::int AS n FROM attachments WHERE message_id = $1 AND content_enc IS NOT NULL`,
        [message!.id],
      )
    ).rows[0];
    expect(raw.n).toBe(0);
  });

  it('records a media URL that answers an error as fetch_failed', async () => {
    const result = await simulate({
      body: 'broken link',
      mediaUrls: [`${sandboxUrl}/sandbox/media/ME${'0'.repeat(32)}`],
      mediaContentTypes: ['image/jpeg'],
    });
    const { attachments } = await stored(result.messageSid);
    expect(attachments.map((a) => [a.status, a.failureReason])).toEqual([['failed', 'fetch_failed']]);
  });

  // As a crash between the message and its media leaves them: pending, untouched for 10 minutes.
  const leavePending = (id: string, createdAgo = '10 minutes') =>
    owner.query(
      `UPDATE attachments SET status = 'pending', content_enc = NULL, size_bytes = NULL, failure_reason = NULL,
         updated_at = now() - interval '10 minutes', created_at = now() - $2::interval
       WHERE id = $1`,
      [id, createdAgo],
    );

  it('the worker sweeps media left pending by a crash: stores it, retries a failing one later, fails it after a day', async () => {
    const ok = await simulate({
      body: 'pic',
      media: [{ contentType: 'image/png', contentBase64: PNG.toString('base64') }],
    });
    const broken = await simulate({
      body: 'broken link',
      mediaUrls: [`${sandboxUrl}/sandbox/media/ME${'1'.repeat(32)}`],
      mediaContentTypes: ['image/jpeg'],
    });
    const [good] = (await stored(ok.messageSid)).attachments;
    const [bad] = (await stored(broken.messageSid)).attachments;
    await leavePending(good!.id);
    await leavePending(bad!.id);
    const worker = await startWorker({ TWILIO_API_BASE_URL: sandboxUrl });
    try {
      const sweeper = worker.get(PendingMediaSweeper, { strict: false });
      // Only what has waited 5 minutes: other tests' fresh rows are not touched.
      expect(await sweeper.sweepOnce(300)).toBeGreaterThanOrEqual(2);
      expect((await stored(ok.messageSid)).attachments[0]).toMatchObject({
        status: 'stored',
        sizeBytes: PNG.length,
      });
      // The URL still answers an error: tried again later, not failed yet.
      expect((await stored(broken.messageSid)).attachments[0]).toMatchObject({ status: 'pending' });
      expect(await sweeper.sweepOnce(300)).toBe(0);
      // A day later it gives up, with the reason.
      await leavePending(bad!.id, '25 hours');
      await sweeper.sweepOnce(300);
      expect((await stored(broken.messageSid)).attachments[0]).toMatchObject({
        status: 'failed',
        failureReason: 'fetch_failed',
      });
    } finally {
      await worker.close();
    }
  });

  it('a practice whose keys do not open holds up no other practice’s media: its row is tried again later', async () => {
    const other = await createSmsPractice(app, owner);
    const media = [{ contentType: 'image/png', contentBase64: PNG.toString('base64') }];
    const lockedOut = await simulate({ body: 'pic', media }, other);
    const ok = await simulate({ body: 'pic', media });
    const [locked] = (await stored(lockedOut.messageSid, other)).attachments;
    const [good] = (await stored(ok.messageSid)).attachments;
    // Oldest first: the sweep reaches the locked-out practice's row before this one.
    await owner.query(
      `UPDATE attachments SET status = 'pending', content_enc = NULL, size_bytes = NULL, updated_at = now() - interval '2 hours' WHERE id = $1`,
      [locked!.id],
    );
    await leavePending(good!.id);
    // Its keys are wrapped by a master key no process has (a restore from another deployment, say).
    const { rows: keys } = await owner.query(
      `SELECT id, master_key_id FROM tenant_keys WHERE tenant_id = $1`,
      [other.tenantId],
    );
    await owner.query(`UPDATE tenant_keys SET master_key_id = '00000000000000ff' WHERE tenant_id = $1`, [
      other.tenantId,
    ]);
    const worker = await startWorker({ TWILIO_API_BASE_URL: sandboxUrl });
    try {
      const sweeper = worker.get(PendingMediaSweeper, { strict: false });
      expect(await sweeper.sweepOnce(300)).toBeGreaterThanOrEqual(2);
      expect((await stored(ok.messageSid)).attachments[0]).toMatchObject({ status: 'stored' });
      // Still pending, its next try a retry period away, so it does not head every batch.
      const { rows } = await owner.query(
        `SELECT status, updated_at > now() - interval '1 minute' AS postponed FROM attachments WHERE id = $1`,
        [locked!.id],
      );
      expect(rows).toEqual([{ status: 'pending', postponed: true }]);
    } finally {
      for (const key of keys) {
        await owner.query(`UPDATE tenant_keys SET master_key_id = $2 WHERE id = $1`, [
          key.id,
          key.master_key_id,
        ]);
      }
      await worker.close();
    }
  });

  it('does not fetch again when Twilio repeats the same MMS', async () => {
    const first = await simulate({ body: 'pic', numMedia: 1 });
    const again = await simulate({ body: 'pic', numMedia: 1, messageSid: first.messageSid });
    expect(again.status).toBe(200);
    expect(again.body).toBe(first.body);
    const { attachments } = await stored(first.messageSid);
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ status: 'stored', contentType: 'image/png' });
  });
});
