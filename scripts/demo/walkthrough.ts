import { createSendGridMailer, createTwilioClient } from '@app/providers';
import { DEMO_PRACTICE_ID, openDemoContext } from './demo-context.js';

// The scripted walk: prints what the system does with the demo practice's data.
const ctx = await openDemoContext();
const say = (title: string, lines: Record<string, unknown>) => {
  console.log(`\n-- ${title}`);
  for (const [k, v] of Object.entries(lines))
    console.log(`   ${k.padEnd(36)} ${typeof v === 'string' ? v : JSON.stringify(v)}`);
};
const hex = (b: Buffer | null) => (b ? `${b.toString('hex').slice(0, 48)}… (${b.length} bytes)` : 'null');

try {
  const api = `http://127.0.0.1:${process.env.PORT}`;
  const ready = await (await fetch(`${api}/health/ready`)).json();
  say('API readiness', { 'GET /health/ready': ready });

  const [raw] = (
    await ctx.owner.query(
      `SELECT id, name_enc, phone_enc, phone_bidx FROM contacts WHERE tenant_id = $1 LIMIT 1`,
      [DEMO_PRACTICE_ID],
    )
  ).rows;
  say('Encryption at rest: the raw row, as the table owner sees it', {
    'contacts.name_enc': hex(raw.name_enc),
    'contacts.phone_enc': hex(raw.phone_enc),
    'contacts.phone_bidx (blind index)': hex(raw.phone_bidx),
  });

  const found = await ctx.db.forTenant(DEMO_PRACTICE_ID, async (tx) => {
    const matches = await ctx.contacts.findByPhone(tx, '+1 (555) 123-4567');
    ctx.audit.record(tx, { action: 'contact.search', metadata: { by: 'phone', results: matches.length } });
    for (const c of matches)
      ctx.audit.record(tx, { action: 'contact.read', target: { type: 'contact', id: c.id } });
    return matches;
  });
  say('Blind-index lookup by "+1 (555) 123-4567" (stored as 5551234567), decrypted by the app role', {
    matches: found.length,
    'first match': found[0] ? { name: found[0].name, phone: found[0].phone, email: found[0].email } : null,
  });

  const noContext = await ctx.ds.query(`SELECT count(*)::int AS n FROM contacts`);
  say('Row-level security, as the app role', {
    'contacts visible without a tenant': noContext[0].n,
    'contacts visible to the demo tenant': await ctx.db.forTenant(
      DEMO_PRACTICE_ID,
      async (tx) => (await tx.query(`SELECT count(*)::int AS n FROM contacts`))[0]!.n,
    ),
  });

  const chain = await ctx.db.forTenant(DEMO_PRACTICE_ID, (tx) => ctx.audit.verify(tx));
  const recent = await ctx.db.forTenant(DEMO_PRACTICE_ID, (tx) => ctx.audit.list(tx, { limit: 4 }));
  say('Audit trail (append-only, hash-chained)', {
    verify: chain,
    'latest events': recent.map((e) => `#${e.seq} ${e.action} ${e.outcome}`),
  });

  const sandbox = `http://127.0.0.1:${process.env.SANDBOX_PORT}`;
  const twilio = createTwilioClient({
    accountSid: 'ACdemo0000000000000000000000000000',
    authToken: 'demo-token',
    baseUrl: sandbox,
  });
  const sms = await twilio.messages.create({
    to: '+15551234567',
    from: '+15550001111',
    body: 'You have a new secure message. (demo)',
  });
  const mailer = createSendGridMailer({ apiKey: 'SG.demo', baseUrl: sandbox });
  const [mail] = await mailer.send({
    to: 'maria.lopez@example.com',
    from: 'clinic@example.com',
    subject: 'Demo',
    text: 'Demo notice',
  });
  const sent = (await (await fetch(`${sandbox}/sandbox/messages`)).json()) as Array<{
    provider: string;
    to: string;
  }>;
  say('Provider sandbox, reached by the real twilio and @sendgrid/mail SDKs', {
    'twilio messages.create': `${sms.sid} status=${sms.status}`,
    'sendgrid mail.send': `HTTP ${mail.statusCode} x-message-id=${String(mail.headers['x-message-id'])}`,
    'GET /sandbox/messages': `${sent.length} sent so far (newest: ${sent[0]?.provider} to ${sent[0]?.to})`,
  });
} finally {
  await ctx.close();
}
