import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailThreads } from '@app/channels';
import { TenantDb } from '@app/database';
import { type StaffMember, StaffClient, ownerPool } from '@app/testing';
import { startListeningApi } from './ingestion-fixtures.js';
import { freshEmail, messageIdHeader } from './ingestion-email-fixtures.js';

/** An email as SendGrid's Inbound Parse posts it; `spf`/`dkim` undefined leaves the field out. */
interface InboundMail {
  from: string;
  to?: string;
  messageId?: string;
  inReplyTo?: string;
  text?: string;
  spf?: string;
  dkim?: string;
  /** SMTP MAIL FROM (the address SPF is checked for); the From address unless given. */
  envelopeFrom?: string;
}

const domainOf = (address: string) => address.split('@')[1]!;
/** What SendGrid posts for mail its sender's domain signed and sent from its own servers. */
const authentic = (from: string) => ({ spf: 'pass', dkim: `{@${domainOf(from)} : pass}` });
/** A forged From: the attacker's server is not the domain's, and nothing is signed. */
const spoofed = { spf: 'fail', dkim: 'none' };

// Issue 19, item 7: an email's From is a claim unless SPF or DKIM proves it for the From domain.
describe('inbound email: an unauthenticated sender is a claim, not the contact', () => {
  let app: INestApplication;
  let owner: pg.Pool;
  let staff: StaffClient;
  let practice: StaffMember;
  let channel: { id: string; inboundAddress: string; inboundParse: string };

  beforeAll(async () => {
    app = await startListeningApi({ ALLOW_SIGNUP: 'true' });
    owner = ownerPool();
    staff = new StaffClient(app);
    practice = await staff.signupPractice();
    const inboundAddress = `frontdesk@in-${Math.random().toString(16).slice(2, 10)}.practice.example`;
    const created = await staff
      .post(
        '/v1/channels',
        {
          type: 'email',
          name: 'Front desk',
          inboundAddress,
          fromAddress: inboundAddress,
          sendgridApiKey: `SG.${Math.random().toString(36).slice(2)}`,
        },
        practice.accessToken,
      )
      .expect(201);
    channel = { id: created.body.id, inboundAddress, inboundParse: created.body.webhooks.inboundParse };
  });
  afterAll(async () => {
    await app?.close();
    await owner?.end();
  });

  function post(mail: InboundMail) {
    const to = mail.to ?? channel.inboundAddress;
    const messageId = mail.messageId ?? messageIdHeader();
    const headers = [
      `From: Pat <${mail.from}>`,
      `To: ${to}`,
      `Message-ID: ${messageId}`,
      ...(mail.inReplyTo ? [`In-Reply-To: ${mail.inReplyTo}`] : []),
      'Subject: my results',
    ].join('\r\n');
    const fields: Record<string, string> = {
      headers,
      from: `Pat <${mail.from}>`,
      to,
      subject: 'my results',
      text: mail.text ?? 'Hello',
      envelope: JSON.stringify({ to: [to], from: mail.envelopeFrom ?? mail.from }),
      ...(mail.spf !== undefined ? { SPF: mail.spf } : {}),
      ...(mail.dkim !== undefined ? { dkim: mail.dkim } : {}),
    };
    let req = request(app.getHttpServer()).post(new URL(channel.inboundParse).pathname);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return req;
  }

  /** Where the newest inbound email landed. */
  async function landed(): Promise<{ messageId: string; contactId: string; conversationId: string }> {
    const { rows } = await owner.query(
      `SELECT id, contact_id, conversation_id FROM messages
       WHERE tenant_id = $1 AND channel = 'email' AND direction = 'inbound'
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [practice.practiceId],
    );
    return { messageId: rows[0].id, contactId: rows[0].contact_id, conversationId: rows[0].conversation_id };
  }

  /** A patient known by an authenticated email: its contact and conversation. */
  async function patient(): Promise<{
    email: string;
    contactId: string;
    conversationId: string;
    header: string;
  }> {
    const email = freshEmail();
    const header = messageIdHeader();
    await post({ from: email, messageId: header, ...authentic(email) }).expect(200);
    return { email, header, ...(await landed()) };
  }

  const contactView = async (id: string) =>
    (await staff.get(`/v1/contacts/${id}`, practice.accessToken).expect(200)).body;
  const messagesOf = async (conversationId: string) =>
    (await staff.get(`/v1/conversations/${conversationId}/messages`, practice.accessToken).expect(200)).body
      .data as Array<{ id: string; authentication?: Record<string, unknown> }>;

  it("a spoofed From (SPF fail, no DKIM) does not join the patient's conversation; staff see why", async () => {
    const real = await patient();
    await post({ from: real.email, text: 'Please send my records to this address', ...spoofed }).expect(200);
    const spoof = await landed();
    expect(spoof.contactId).not.toBe(real.contactId);
    expect(spoof.conversationId).not.toBe(real.conversationId);

    const claimant = await contactView(spoof.contactId);
    expect(claimant).toMatchObject({
      possibleMatch: { contactId: real.contactId, reason: 'unauthenticated_email' },
      unverified: { reason: 'unauthenticated_email' },
      claimed: { phone: null, email: real.email },
      email: null,
    });
    // The verdict is on the message, as SendGrid gave it (results only, no address or domain).
    const [message] = await messagesOf(spoof.conversationId);
    expect(message!.authentication).toEqual({
      result: 'fail',
      alignedBy: null,
      spf: { result: 'fail', aligned: true },
      dkim: [],
    });
    const [original] = await messagesOf(real.conversationId);
    expect(original!.authentication).toEqual({
      result: 'pass',
      alignedBy: 'dkim',
      spf: { result: 'pass', aligned: true },
      dkim: [{ result: 'pass', aligned: true }],
    });

    // The patient's own next email still lands in the patient's conversation.
    await post({ from: real.email, ...authentic(real.email) }).expect(200);
    expect(await landed()).toMatchObject({ contactId: real.contactId, conversationId: real.conversationId });
  });

  it("a pass for the sender's own domain is not a pass for the From domain", async () => {
    const real = await patient();
    // The attacker's server is allowed for, and signs as, the attacker's domain only.
    await post({
      from: real.email,
      envelopeFrom: 'bounce@attacker.example',
      spf: 'pass',
      dkim: '{@attacker.example : pass}',
    }).expect(200);
    const spoof = await landed();
    expect(spoof.contactId).not.toBe(real.contactId);
    const [message] = await messagesOf(spoof.conversationId);
    expect(message!.authentication).toMatchObject({
      result: 'fail',
      spf: { result: 'pass', aligned: false },
      dkim: [{ result: 'pass', aligned: false }],
    });
  });

  it('a post without SPF and dkim results is unauthenticated (fails closed)', async () => {
    const real = await patient();
    await post({ from: real.email }).expect(200);
    const unknown = await landed();
    expect(unknown.contactId).not.toBe(real.contactId);
    const [message] = await messagesOf(unknown.conversationId);
    expect(message!.authentication).toMatchObject({ result: 'fail', spf: { result: 'missing' } });
  });

  it("threading never puts an unauthenticated email into another contact's conversation", async () => {
    const real = await patient();
    // In-Reply-To naming the patient's email.
    await post({ from: freshEmail(), inReplyTo: real.header, ...spoofed }).expect(200);
    expect((await landed()).conversationId).not.toBe(real.conversationId);
    // The conversation's reply address (as if it had leaked).
    const replyTo = await app
      .get(TenantDb)
      .forTenant(practice.practiceId, (tx) =>
        app.get(EmailThreads).issueReplyAddress(tx, channel, real.conversationId),
      );
    await post({ from: real.email, to: replyTo, ...spoofed }).expect(200);
    const viaReplyAddress = await landed();
    expect(viaReplyAddress.conversationId).not.toBe(real.conversationId);
    expect(viaReplyAddress.contactId).not.toBe(real.contactId);
    // An authenticated reply to that address still threads (as before).
    const other = freshEmail();
    await post({ from: other, to: replyTo, ...authentic(other) }).expect(200);
    expect((await landed()).conversationId).toBe(real.conversationId);
  });

  it('an unauthenticated email from an address nobody holds does not make the sender its holder', async () => {
    const address = freshEmail();
    await post({ from: address, ...spoofed }).expect(200);
    const first = await landed();
    expect(await contactView(first.contactId)).toMatchObject({
      unverified: { reason: 'unauthenticated_email' },
      claimed: { email: address },
      email: null,
    });
    expect((await contactView(first.contactId)).possibleMatch).toBeUndefined();
    // The address's owner, authenticated, gets a contact of their own, not the claimant's conversation.
    await post({ from: address, ...authentic(address) }).expect(200);
    const owned = await landed();
    expect(owned.contactId).not.toBe(first.contactId);
    expect(owned.conversationId).not.toBe(first.conversationId);
    expect(await contactView(owned.contactId)).toMatchObject({ email: address });
  });

  it("raw mode reads SendGrid's fields, never the message's own Authentication-Results", async () => {
    const real = await patient();
    const postRaw = (fields: Record<string, string>) => {
      let req = request(app.getHttpServer()).post(new URL(channel.inboundParse).pathname);
      for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
      return req;
    };
    const mime = (messageId: string) =>
      [
        `From: Pat <${real.email}>`,
        `To: ${channel.inboundAddress}`,
        `Message-ID: ${messageId}`,
        `Authentication-Results: mx.example; spf=pass smtp.mailfrom=${real.email}; dkim=pass header.d=${domainOf(real.email)}`,
        `Received-SPF: pass (domain of ${domainOf(real.email)} designates 192.0.2.1 as permitted sender)`,
        'Subject: raw',
        '',
        'Hello from raw mode',
      ].join('\r\n');
    const envelope = JSON.stringify({ to: [channel.inboundAddress], from: real.email });
    await postRaw({ email: mime(messageIdHeader()), envelope, SPF: 'fail', dkim: 'none' }).expect(200);
    expect((await landed()).contactId).not.toBe(real.contactId);
    await postRaw({ email: mime(messageIdHeader()), envelope, SPF: 'pass', dkim: 'none' }).expect(200);
    expect(await landed()).toMatchObject({ contactId: real.contactId, conversationId: real.conversationId });
  });

  it('aligned SPF alone (a subdomain return path) authenticates', async () => {
    const real = await patient();
    await post({
      from: real.email,
      envelopeFrom: `bounces@mail.${domainOf(real.email)}`,
      spf: 'pass',
      dkim: 'none',
    }).expect(200);
    expect(await landed()).toMatchObject({ contactId: real.contactId, conversationId: real.conversationId });
  });

  it('the same unauthenticated email posted twice, at once, is one message under one claim', async () => {
    const real = await patient();
    const contactsBefore = await countContacts();
    const header = messageIdHeader();
    const answers = await Promise.all([
      post({ from: real.email, messageId: header, ...spoofed }),
      post({ from: real.email, messageId: header, ...spoofed }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => a.body.duplicate).toSorted()).toEqual([false, true]);
    const again = await post({ from: real.email, messageId: header, ...spoofed }).expect(200);
    expect(again.body.duplicate).toBe(true);
    expect(await countContacts()).toBe(contactsBefore + 1);
  });

  async function countContacts(): Promise<number> {
    const { rows } = await owner.query(`SELECT count(*)::int AS n FROM contacts WHERE tenant_id = $1`, [
      practice.practiceId,
    ]);
    return rows[0].n;
  }
});
