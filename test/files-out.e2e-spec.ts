import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { linkTokensIn } from '@app/delivery';
import { ExpiredUploadSweeper, MAX_UPLOAD_BYTES } from '@app/conversations';
import { auditTrail, testClientIp } from '@app/testing';
import {
  attestConsent,
  createDeliveryPractice,
  type DeliveryPractice,
  DeliveryStack,
  patientFromForm,
} from './delivery-fixtures.js';
import { csrfOf, portalBrowser, requestPortalCode } from './portal-fixtures.js';

const BODY = 'Here are your lab results from Tuesday.';
const FILE_NAME = 'Résultats labo 2026.pdf';
/** A PDF with bytes of every value (what a lossy path would change). */
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
  Buffer.from('\n%%EOF\n'),
]);

// Issue 22, files out: staff upload a file and send it with a reply; the file travels only
// through the secure link, even to a contact whose consent lets the text go plain.
describe('files out (POST /v1/attachments, attachmentIds on replies and first messages)', () => {
  let stack: DeliveryStack;
  let practice: DeliveryPractice;
  const token = () => practice.owner.accessToken;

  const upload = (content: Buffer, opts: { filename?: string; contentType?: string; as?: string } = {}) =>
    request(stack.api.getHttpServer())
      .post('/v1/attachments')
      .set('X-Forwarded-For', stack.staff.ip)
      .set('Authorization', `Bearer ${opts.as ?? token()}`)
      .attach('file', content, {
        filename: opts.filename ?? 'file.pdf',
        contentType: opts.contentType ?? 'application/pdf',
      });

  const messageCount = async (conversationId: string) =>
    (
      await stack.owner.query(`SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1`, [
        conversationId,
      ])
    ).rows[0].n as number;

  beforeAll(async () => {
    stack = await DeliveryStack.start();
    practice = await createDeliveryPractice(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('a PDF sent to a contact with plain consent: the provider gets text only, the patient downloads the same bytes in the portal', async () => {
    const patient = await patientFromForm(stack, practice);
    await attestConsent(stack, token(), patient.contactId, {
      channel: 'sms',
      method: 'written_attested',
      attestation: 'Signed the intake form',
    });

    const uploaded = await upload(PDF, { filename: FILE_NAME }).expect(201);
    expect(uploaded.body).toEqual({
      id: expect.any(String),
      fileName: FILE_NAME,
      contentType: 'application/pdf',
      size: PDF.length,
    });
    const attachmentId: string = uploaded.body.id;
    // Encrypted at rest: neither the bytes nor the name are stored in clear.
    const { rows } = await stack.owner.query(
      `SELECT content_enc, filename_enc, message_id FROM attachments WHERE id = $1`,
      [attachmentId],
    );
    expect(rows[0].message_id).toBeNull();
    expect((rows[0].content_enc as Buffer).includes(PDF.subarray(0, 64))).toBe(false);
    expect((rows[0].filename_enc as Buffer).toString('latin1')).not.toContain('labo');

    const reply = await stack.staff
      .post(
        `/v1/conversations/${patient.conversationId}/replies`,
        {
          body: BODY,
          channel: 'sms',
          attachmentIds: [attachmentId],
        },
        token(),
      )
      .expect(202);
    expect(reply.body).toMatchObject({
      channel: 'sms',
      deliveryRoute: 'secure_link',
      routeReason: 'has_attachments',
      status: 'queued',
    });
    await stack.waitForStatus(token(), reply.body.messageId, ['sent', 'delivered']);
    const sent = (await stack.sentTo(patient.phone))[0]!;
    const raw = JSON.stringify(sent);
    expect(raw).not.toContain('lab results');
    expect(raw).not.toContain('labo');
    expect(raw).not.toContain('.pdf');
    expect((sent as { mediaUrls?: string[] }).mediaUrls ?? []).toEqual([]);
    const link = linkTokensIn(sent.body!)[0]!;

    // Staff see the file on the message like inbound media.
    const page = await stack.staff
      .get(`/v1/conversations/${patient.conversationId}/messages`, token())
      .expect(200);
    const message = (page.body.data as Array<{ id: string; attachments: unknown[] }>).find(
      (m) => m.id === reply.body.messageId,
    )!;
    expect(message.attachments).toEqual([
      expect.objectContaining({ id: attachmentId, fileName: FILE_NAME, contentType: 'application/pdf' }),
    ]);

    // The patient: not before the code; after it, the thread lists the file and it downloads whole.
    const b = portalBrowser(stack);
    await b.get(`/s/${link}/attachments/${attachmentId}`).expect(404);
    const first = await b.get(`/s/${link}`).expect(200);
    const code = await requestPortalCode(stack, b, link, csrfOf(first.text), patient.phone);
    await b.post(`/s/${link}/verify`, { csrf: csrfOf(first.text), code }).expect(303);
    const thread = (await b.get(`/s/${link}`).expect(200)).text;
    expect(thread).toContain(BODY);
    expect(thread).toContain(`/attachments/${attachmentId}`);
    expect(thread).toContain('Résultats labo 2026.pdf');
    const file = await b
      .get(`/s/${link}/attachments/${attachmentId}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="R_sultats_labo_2026.pdf"; filename*=UTF-8''R%C3%A9sultats%20labo%202026.pdf`,
    );
    expect(file.headers['cache-control']).toBe('no-store');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);

    const trail = await auditTrail(stack.api, practice.owner.practiceId);
    expect(trail.find((e) => e.action === 'attachment.uploaded')).toMatchObject({
      target: { type: 'attachment', id: attachmentId },
    });
    expect(
      trail.find((e) => e.action === 'secure_message.attachment_downloaded' && e.target?.id === attachmentId),
    ).toMatchObject({ actor: { type: 'patient', id: patient.contactId } });
    expect(JSON.stringify(trail)).not.toContain('labo');

    // Sent once: the same upload cannot go out again.
    const again = await stack.staff
      .post(
        `/v1/conversations/${patient.conversationId}/replies`,
        { body: BODY, attachmentIds: [attachmentId] },
        token(),
      )
      .expect(422);
    expect(again.body.error).toMatchObject({
      code: 'attachment_unavailable',
      details: { attachmentIds: [attachmentId] },
    });
  });

  it('a first message (outreach) with a file goes as a secure link too', async () => {
    const contact = await stack.staff
      .post('/v1/contacts', { name: 'Nia New', email: `nia.${Date.now()}@mail.test` }, token())
      .expect(201);
    const uploaded = await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), {
      filename: 'x-ray.png',
      contentType: 'image/png',
    }).expect(201);
    const first = await stack.staff
      .post(
        '/v1/conversations',
        {
          contactId: contact.body.id,
          channel: 'email',
          body: BODY,
          attachmentIds: [uploaded.body.id],
        },
        token(),
      )
      .expect(202);
    expect(first.body).toMatchObject({ deliveryRoute: 'secure_link', routeReason: 'no_consent' });
    const { rows } = await stack.owner.query(`SELECT message_id FROM attachments WHERE id = $1`, [
      uploaded.body.id,
    ]);
    expect(rows[0].message_id).toBe(first.body.messageId);
  });

  it('refuses a wrong type, bytes that are not the declared type, an oversize file, a missing part, a role that cannot reply', async () => {
    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), {
      filename: 'page.html',
      contentType: 'text/html',
    }).expect(415);
    expect(html.body.error.code).toBe('unsupported_file_type');
    const svg = await upload(Buffer.from('<svg/>'), {
      filename: 'a.svg',
      contentType: 'image/svg+xml',
    }).expect(415);
    expect(svg.body.error.code).toBe('unsupported_file_type');

    const disguised = await upload(Buffer.from('MZ\x90\x00 not a pdf'), { filename: 'invoice.pdf' }).expect(
      422,
    );
    expect(disguised.body.error.code).toBe('file_content_mismatch');
    const empty = await upload(Buffer.alloc(0)).expect(422);
    expect(empty.body.error.code).toBe('file_content_mismatch');

    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_UPLOAD_BYTES)]);
    const oversize = await upload(big).expect(413);
    expect(oversize.body.error).toMatchObject({
      code: 'file_too_large',
      details: { maxBytes: MAX_UPLOAD_BYTES },
    });

    const json = await stack.staff.post('/v1/attachments', { file: 'x' }, token()).expect(415);
    expect(json.body.error.code).toBe('unsupported_media_type');
    const noFile = await request(stack.api.getHttpServer())
      .post('/v1/attachments')
      .set('X-Forwarded-For', testClientIp())
      .set('Authorization', `Bearer ${token()}`)
      .field('other', 'x')
      .expect(400);
    expect(['file_required', 'invalid_multipart']).toContain(noFile.body.error.code);

    const billing = await stack.staff.addStaff(practice.owner, 'billing');
    await upload(PDF, { as: billing.accessToken }).expect(403);
    await request(stack.api.getHttpServer())
      .post('/v1/attachments')
      .attach('file', PDF, { filename: 'a.pdf', contentType: 'application/pdf' })
      .expect(401);

    const { rows } = await stack.owner.query(
      `SELECT count(*)::int AS n FROM attachments WHERE tenant_id = $1 AND message_id IS NULL AND uploaded_by = $2`,
      [practice.owner.practiceId, billing.userId],
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses ids that are not this practice’s unsent uploads, and an expired upload, storing nothing', async () => {
    const patient = await patientFromForm(stack, practice);
    const before = await messageCount(patient.conversationId);
    const replyWith = (attachmentIds: string[]) =>
      stack.staff.post(
        `/v1/conversations/${patient.conversationId}/replies`,
        { body: BODY, attachmentIds },
        token(),
      );

    // Another practice's upload is unknown here.
    const other = await stack.staff.signupPractice();
    const theirs = await upload(PDF, { as: other.accessToken }).expect(201);
    const foreign = await replyWith([theirs.body.id]).expect(422);
    expect(foreign.body.error).toMatchObject({
      code: 'attachment_unavailable',
      details: { attachmentIds: [theirs.body.id] },
    });
    const unknown = crypto.randomUUID();
    expect((await replyWith([unknown]).expect(422)).body.error.code).toBe('attachment_unavailable');
    // Malformed, repeated, empty: the body is invalid.
    const mine = await upload(PDF).expect(201);
    for (const ids of [['nope'], [mine.body.id, mine.body.id], []])
      expect((await replyWith(ids)).status, JSON.stringify(ids)).toBe(400);

    // One good and one foreign id: nothing is sent, the good one stays unclaimed.
    await replyWith([mine.body.id, theirs.body.id]).expect(422);
    const { rows: still } = await stack.owner.query(`SELECT message_id FROM attachments WHERE id = $1`, [
      mine.body.id,
    ]);
    expect(still[0].message_id).toBeNull();

    // An upload nobody sent within its lifetime is refused, then emptied by the next upload.
    await stack.owner.query(`UPDATE attachments SET created_at = now() - interval '25 hours' WHERE id = $1`, [
      mine.body.id,
    ]);
    const expired = await replyWith([mine.body.id]).expect(422);
    expect(expired.body.error).toMatchObject({
      code: 'attachment_expired',
      details: { attachmentIds: [mine.body.id] },
    });
    expect(await messageCount(patient.conversationId)).toBe(before);
    await upload(PDF).expect(201);
    const { rows: emptied } = await stack.owner.query(
      `SELECT status, failure_reason, content_enc, filename_enc FROM attachments WHERE id = $1`,
      [mine.body.id],
    );
    expect(emptied[0]).toEqual({
      status: 'failed',
      failure_reason: 'expired',
      content_enc: null,
      filename_enc: null,
    });
    expect((await replyWith([mine.body.id]).expect(422)).body.error.code).toBe('attachment_expired');
  });

  it('two replies racing for one upload: exactly one sends it', async () => {
    const patient = await patientFromForm(stack, practice);
    const uploaded = await upload(PDF).expect(201);
    const results = await Promise.all(
      [0, 1].map(() =>
        stack.staff.post(
          `/v1/conversations/${patient.conversationId}/replies`,
          { body: BODY, attachmentIds: [uploaded.body.id] },
          token(),
        ),
      ),
    );
    expect(results.map((r) => r.status).toSorted()).toEqual([202, 422]);
    const sentWith = results.find((r) => r.status === 202)!.body.messageId;
    const { rows } = await stack.owner.query(`SELECT message_id FROM attachments WHERE id = $1`, [
      uploaded.body.id,
    ]);
    expect(rows[0].message_id).toBe(sentWith);
  });

  it('the worker empties expired uploads of a practice that uploads nothing more, and only those', async () => {
    const quiet = await stack.staff.signupPractice();
    const old = await upload(PDF, { as: quiet.accessToken }).expect(201);
    const fresh = await upload(PDF, { as: quiet.accessToken }).expect(201);
    await stack.owner.query(`UPDATE attachments SET created_at = now() - interval '25 hours' WHERE id = $1`, [
      old.body.id,
    ]);
    expect(
      await stack.worker!.get(ExpiredUploadSweeper, { strict: false }).sweepOnce(),
    ).toBeGreaterThanOrEqual(1);
    const { rows } = await stack.owner.query(
      `SELECT id, status, content_enc IS NULL AS erased FROM attachments WHERE id = ANY($1::uuid[])`,
      [[old.body.id, fresh.body.id]],
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[old.body.id]).toMatchObject({ status: 'failed', erased: true });
    expect(byId[fresh.body.id]).toMatchObject({ status: 'stored', erased: false });
  });
});
