import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle, CapabilityStatement } from '@medplum/fhirtypes';
import { generate } from 'otplib';
import { Webhook } from 'standardwebhooks';
import { createApiClient } from '@app/api-client';
import { openDemoContext } from './demo-context.js';

// The scripted walk through the running api, worker and sandbox; prints what happened.
const api = `http://127.0.0.1:${process.env.PORT}`;
const sandbox = `http://127.0.0.1:${process.env.SANDBOX_PORT}`;
const OWNER_FILE = '.demo/owner.json';
const CLINIC_NUMBER = '+15550001111';
// A new patient each run (a re-run must not hit the per-contact consent-request limit).
const PATIENT_NUMBER = `+1555${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
const PATIENT_NUMBER_AS_TYPED = `+1 (555) ${PATIENT_NUMBER.slice(5, 8)}-${PATIENT_NUMBER.slice(8)}`;

const say = (title: string, lines: Record<string, unknown>) => {
  console.log(`\n-- ${title}`);
  for (const [k, v] of Object.entries(lines))
    console.log(`   ${k.padEnd(40)} ${typeof v === 'string' ? v : JSON.stringify(v)}`);
};
const hex = (b: Buffer | null) => (b ? `${b.toString('hex').slice(0, 40)}… (${b.length} bytes)` : 'null');

/** The staff API through the client typed from docs/openapi.json: a renamed path or field breaks the build. */
const client = createApiClient({ baseUrl: api });
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
/** What a step prints of an answer: its status, and the error code when it is refused. */
const outcome = (res: { response: Response; error?: unknown }) =>
  `${res.response.status}${res.error ? ` ${(res.error as { error?: { code?: string } }).error?.code}` : ''}`;
/** The body of an answer the walk needs to go on; a refusal ends the demo saying which step. */
function need<T>(step: string, res: { data?: T; error?: unknown; response: Response }): T {
  if (res.data === undefined) throw new Error(`demo: ${step} answered ${outcome(res)}`);
  return res.data;
}

/** A TOTP code for a time step not used yet (the api refuses a replayed step). */
async function totp(secret: string, usedStep: { last?: number }): Promise<string> {
  let step = Math.floor(Date.now() / 30_000);
  if (usedStep.last !== undefined && step <= usedStep.last) {
    await new Promise((r) => setTimeout(r, (usedStep.last! + 1) * 30_000 - Date.now() + 200));
    step = Math.floor(Date.now() / 30_000);
  }
  usedStep.last = step;
  return generate({ secret, epoch: step * 30 });
}

/** A phone browser without JavaScript on the patient pages: its own cookie jar. */
function portalBrowser() {
  const cookies = new Map<string, string>();
  const request = async (path: string, form?: Record<string, string>) => {
    const jar = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(
      `${api}${path}`,
      form
        ? {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(form),
          }
        : { redirect: 'manual', headers: { cookie: jar } },
    );
    for (const cookie of res.headers.getSetCookie()) {
      const [name, ...value] = cookie.split(';')[0]!.split('=');
      cookies.set(name!, value.join('='));
    }
    return res;
  };
  return {
    cookies,
    /** GET the page, or POST the form to it when one is given. */
    async visit(path: string, form?: Record<string, string>) {
      const res = await request(path, form);
      const html = await res.text();
      return { status: res.status, html, csrf: /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
    },
    async download(path: string) {
      const res = await request(path);
      return {
        status: res.status,
        bytes: Buffer.from(await res.arrayBuffer()),
        type: res.headers.get('content-type'),
      };
    },
  };
}

/** The newest text the sandbox's Twilio sent to `number`. */
async function newestSmsTo(number: string): Promise<string | undefined> {
  const res = await fetch(`${sandbox}/sandbox/messages?to=${encodeURIComponent(number)}`);
  return ((await res.json()) as Array<{ body: string }>)[0]?.body;
}

/** The one-time code of the newest text to `number` that carries one (waits for it). */
async function codeSentTo(number: string): Promise<string | undefined> {
  for (let i = 0; i < 100; i++) {
    const code = /verification code[^0-9]*(\d{6})/i.exec((await newestSmsTo(number)) ?? '')?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

/** Waits for `check` to answer something (polling every `everyMs`); undefined once `ms` have passed. */
async function waitFor<T>(
  check: () => Promise<T | undefined>,
  ms: number,
  everyMs = 200,
): Promise<T | undefined> {
  for (const until = Date.now() + ms; ;) {
    const found = await check();
    if (found !== undefined || Date.now() > until) return found;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Where the walk's webhook receiver listens, so a later run can remove what an interrupted one left. */
const RECEIVER_PATH = '/demo-webhooks';
const API_CLIENT_NAME = 'EHR nightly sync (demo)';

/** A receiver like an EHR's: it records every request and answers 204. */
async function startReceiver() {
  const requests: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    requests,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${RECEIVER_PATH}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A FHIR searchset page in one line: how many entries, whether more follow, the first one's reference. */
function searchsetSummary(bundle: Bundle): string {
  const firstResource = bundle.entry?.[0]?.resource;
  return `${bundle.type}, ${bundle.entry?.length ?? 0} entries${bundle.total === undefined ? '' : ` of ${bundle.total}`}, next page: ${bundle.link?.some((l) => l.relation === 'next') ? 'yes' : 'no'}; first: ${firstResource ? `${firstResource.resourceType}/${firstResource.id}` : 'none'}`;
}

interface Owner {
  email: string;
  password: string;
  totpSecret: string;
  practiceId: string;
  lastStep?: number;
}

async function signIn(): Promise<{ owner: Owner; token: string; fresh: boolean }> {
  if (existsSync(OWNER_FILE)) {
    const owner = JSON.parse(readFileSync(OWNER_FILE, 'utf8')) as Owner;
    const login = need(
      'login',
      await client.POST('/v1/auth/login', { body: { email: owner.email, password: owner.password } }),
    );
    if (!('mfaToken' in login)) throw new Error('demo: the owner signed in without the MFA step');
    const used = { last: owner.lastStep };
    const mfa = need(
      'MFA',
      await client.POST('/v1/auth/mfa', {
        body: { mfaToken: login.mfaToken, code: await totp(owner.totpSecret, used) },
      }),
    );
    writeFileSync(OWNER_FILE, JSON.stringify({ ...owner, lastStep: used.last }));
    return { owner, token: mfa.accessToken, fresh: false };
  }
  const email = `owner.${randomBytes(3).toString('hex')}@riverside.example`;
  const password = `Demo-${randomBytes(9).toString('base64url')}`;
  const signup = need(
    'sign-up',
    await client.POST('/v1/auth/signup', {
      body: { practiceName: 'Riverside Family Clinic', name: 'Olivia Owner', email, password },
    }),
  );
  const login = need('login', await client.POST('/v1/auth/login', { body: { email, password } }));
  if (!('accessToken' in login)) throw new Error('demo: a new owner was asked for an MFA code');
  const beforeEnrolling = await client.GET('/v1/users', bearer(login.accessToken));
  const setup = need('MFA setup', await client.POST('/v1/auth/mfa/setup', bearer(login.accessToken)));
  const used: { last?: number } = {};
  const enable = need(
    'MFA enable',
    await client.POST('/v1/auth/mfa/enable', {
      body: { code: await totp(setup.secret, used) },
      ...bearer(login.accessToken),
    }),
  );
  say('Staff identity: sign-up, then MFA enrolment (mandatory for owners)', {
    'POST /v1/auth/signup': `201 practiceId=${signup.practiceId}`,
    'POST /v1/auth/login': `200 mfaEnrollmentRequired=${login.mfaEnrollmentRequired}`,
    'GET /v1/users before enrolling': outcome(beforeEnrolling),
    'POST /v1/auth/mfa/setup': '200 otpauth URL issued',
    'POST /v1/auth/mfa/enable': `200 ${enable.recoveryCodes.length} recovery codes, a new session`,
    'the pre-MFA token afterwards': `${outcome(await client.GET('/v1/me', bearer(login.accessToken)))} (its session ended)`,
  });
  const owner: Owner = {
    email,
    password,
    totpSecret: setup.secret,
    practiceId: signup.practiceId,
    lastStep: used.last,
  };
  writeFileSync(OWNER_FILE, JSON.stringify(owner));
  return { owner, token: enable.accessToken, fresh: true };
}

const ctx = await openDemoContext();
try {
  say('API readiness', { 'GET /health/ready': outcome(await client.GET('/health/ready')) });

  const { owner, token } = await signIn();
  const auth = bearer(token);
  const me = need('GET /v1/me', await client.GET('/v1/me', auth));
  say('Signed in', {
    'GET /v1/me': `${me.role} of practice ${me.practiceId}, mfaEnabled=${me.mfaEnabled}`,
  });

  const authToken = randomBytes(16).toString('hex');
  const created = need(
    'POST /v1/channels (sms)',
    await client.POST('/v1/channels', {
      body: {
        type: 'sms',
        name: `Front desk line ${randomBytes(2).toString('hex')}`,
        phoneNumber: CLINIC_NUMBER,
        twilioAccountSid: `AC${randomBytes(16).toString('hex')}`,
        twilioAuthToken: authToken,
      },
      ...auth,
    }),
  );
  if (created.type !== 'sms') throw new Error('demo: the SMS channel came back as another type');
  const channel = created;
  say('SMS channel (Twilio credentials stored encrypted, never returned)', {
    'POST /v1/channels': `201 id=${channel.id}`,
    'inbound webhook': channel.webhooks.inbound,
    'secrets in the answer': JSON.stringify(channel).includes(authToken) ? 'YES (bug)' : 'none',
  });

  /** A text from `from` to the clinic, through the sandbox's Twilio (signed as Twilio signs). */
  const textFrom = async (from: string, body: string, messageSid?: string) =>
    (await fetch(`${sandbox}/sandbox/twilio/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        to: CLINIC_NUMBER,
        from,
        body,
        webhookUrl: channel.webhooks.inbound,
        authToken,
        messageSid,
      }),
    }).then((r) => r.json())) as { status: number; body: string; messageSid: string };
  const inbound = (body: string, messageSid?: string) => textFrom(PATIENT_NUMBER, body, messageSid);
  const first = await inbound('Hi, this is Maria. Are my lab results back?');
  const replay = await inbound('Hi, this is Maria. Are my lab results back?', first.messageSid);
  const forged = await fetch(channel.webhooks.inbound, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'forged' },
    body: new URLSearchParams({
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
      From: PATIENT_NUMBER,
      To: CLINIC_NUMBER,
      Body: 'x',
    }),
  });
  // An ordinary text is answered once stored; the worker makes it a message right after.
  const messageRows = async () =>
    (
      await ctx.owner.query(
        `SELECT m.body_enc, count(*) OVER () AS n FROM messages m WHERE m.tenant_id = $1 AND m.provider_message_id = $2`,
        [owner.practiceId, first.messageSid],
      )
    ).rows;
  let rows = await messageRows();
  for (const until = Date.now() + 10_000; rows.length === 0 && Date.now() < until; rows = await messageRows())
    await new Promise((resolve) => setTimeout(resolve, 100));
  say('A patient texts the clinic (signed by the sandbox exactly as Twilio signs)', {
    'inbound webhook answer': `${first.status} ${first.body}`,
    'same MessageSid retried': `${replay.status}; rows with that MessageSid: ${rows[0]?.n}`,
    'forged signature': `${forged.status} (nothing stored)`,
    'messages.body_enc as the owner sees it': hex(rows[0]?.body_enc ?? null),
  });

  const found = await ctx.db.forTenant(owner.practiceId, (tx) =>
    ctx.contacts.findByPhone(tx, PATIENT_NUMBER_AS_TYPED),
  );
  const noContext = await ctx.ds.query(`SELECT count(*)::int AS n FROM messages`);
  say('Blind-index lookup and row-level security, as the app role', {
    [`contacts matching "${PATIENT_NUMBER_AS_TYPED}"`]: found.length,
    'messages visible without a tenant': noContext[0].n,
  });

  const events = need(
    'GET /v1/audit-events',
    await client.GET('/v1/audit-events', { params: { query: { limit: 6 } }, ...auth }),
  );
  const verify = need('GET /v1/audit-events/verify', await client.GET('/v1/audit-events/verify', auth));
  say('Audit trail (append-only, hash-chained per practice)', {
    'GET /v1/audit-events?limit=6': events.data.map((e) => `#${e.seq} ${e.action}`),
    'GET /v1/audit-events/verify': verify,
  });

  // The consent-gated reply flow, end to end through the worker and the sandbox's Twilio.
  const conversationId = (
    await ctx.owner.query(`SELECT conversation_id FROM messages WHERE provider_message_id = $1`, [
      first.messageSid,
    ])
  ).rows[0].conversation_id as string;
  const contactId = (
    await ctx.owner.query(`SELECT contact_id FROM conversations WHERE id = $1`, [conversationId])
  ).rows[0].contact_id as string;
  const PHI = 'Your lab results are back: cholesterol 180, all normal.';
  const reply = (body: string, via?: 'chat') =>
    client.POST('/v1/conversations/{id}/replies', {
      params: { path: { id: conversationId } },
      body: { body, ...(via ? { channel: via } : {}) },
      ...auth,
    });
  const messageState = async (messageId: string) =>
    need(
      'GET /v1/messages/:id',
      await client.GET('/v1/messages/{id}', { params: { path: { id: messageId } }, ...auth }),
    );
  const settled = async (messageId: string, statuses = ['sent', 'delivered', 'failed']) => {
    for (let i = 0; i < 100; i++) {
      const state = await messageState(messageId);
      if (statuses.includes(state.status)) return state;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`message ${messageId} did not settle`);
  };
  const lastSms = () => newestSmsTo(PATIENT_NUMBER);

  const secure = need('reply (no consent)', await reply(PHI));
  const secureState = await settled(secure.messageId);
  say('Staff reply WITHOUT consent: held as a secure message, the patient gets a PHI-free link', {
    'POST /v1/conversations/:id/replies': `202 route=${secure.deliveryRoute} reason=${secure.routeReason}`,
    'GET /v1/messages/:id': `${secureState.status}, ${secureState.attempts} provider call(s)`,
    'what Twilio (sandbox) received': await lastSms(),
  });

  // The patient side: a phone browser, no JavaScript. Open the link, get a code by SMS, read.
  const notice = (await lastSms()) ?? '';
  const linkToken = /\/s\/([A-Za-z0-9_-]{43})/.exec(notice)?.[1];
  if (!linkToken) throw new Error('demo: the secure notice carried no link');
  const browser = portalBrowser();
  const { cookies } = browser;
  const portal = browser.visit;
  const opened = await portal(`/s/${linkToken}`);
  const asksCode = await portal(`/s/${linkToken}/code`, { csrf: opened.csrf });
  let code: string | undefined;
  for (let i = 0; i < 100 && !code; i++) {
    code = /verification code[^0-9]*(\d{6})/i.exec((await lastSms()) ?? '')?.[1];
    if (!code) await new Promise((r) => setTimeout(r, 100));
  }
  const codePage = await portal(`/s/${linkToken}`);
  const verified = await portal(`/s/${linkToken}/verify`, { csrf: codePage.csrf, code: code ?? '' });
  const thread = await portal(`/s/${linkToken}`);
  const afterRead = await messageState(secure.messageId);
  say('The patient opens the link, proves it is them with a one-time code, and reads it', {
    'GET /s/<token> (no session)': `${opened.status}, shows the message: ${opened.html.includes(PHI)}`,
    'POST /s/<token>/code': `${asksCode.status}; the SMS (via the worker): ${await lastSms()}`,
    'POST /s/<token>/verify': `${verified.status} (session cookie set: ${cookies.has('portal_session')})`,
    'GET /s/<token> (verified)': `${thread.status}, shows the message: ${thread.html.includes(PHI)}`,
    'GET /v1/messages/:id (staff)': afterRead.status,
  });

  // Website chat: a stranger types Maria's number. A typed number is a claim, not an identity.
  const SITE = 'https://www.riverside-clinic.example';
  const widget = need(
    'POST /v1/channels (chat)',
    await client.POST('/v1/channels', {
      body: { type: 'chat', name: 'Website chat', allowedOrigins: [SITE] },
      ...auth,
    }),
  );
  if (widget.type !== 'chat') throw new Error('demo: the chat channel came back as another type');
  /** The chat widget's requests: from the practice's site, with the session's bearer token. */
  const origin = { Origin: SITE };
  const chatStart = await client.POST('/v1/public/chat/{widgetKey}/sessions', {
    params: { path: { widgetKey: widget.widgetKey }, header: origin },
    body: { phone: PATIENT_NUMBER },
  });
  const { sessionId, sessionToken } = need('starting a chat', chatStart);
  const session = {
    params: { path: { sessionId }, header: origin },
    headers: { authorization: `Bearer ${sessionToken}` },
  };
  need(
    'a chat message',
    await client.POST('/v1/public/chat/sessions/{sessionId}/messages', {
      ...session,
      body: { body: 'Hi, it is Maria. What were my results?' },
    }),
  );
  const chatInbox = need(
    'GET /v1/conversations?channel=chat',
    await client.GET('/v1/conversations', { params: { query: { channel: 'chat', limit: 1 } }, ...auth }),
  );
  const claimant = need(
    'GET /v1/contacts/:id',
    await client.GET('/v1/contacts/{id}', {
      params: { path: { id: chatInbox.data[0]!.contact.id } },
      ...auth,
    }),
  );
  const inChat = need('reply asked for in the chat', await reply(PHI, 'chat'));
  await settled(inChat.messageId);
  const strangerReads = need(
    "the visitor's messages",
    await client.GET('/v1/public/chat/sessions/{sessionId}/messages', session),
  );
  const askCode = await client.POST('/v1/public/chat/sessions/{sessionId}/verification', {
    ...session,
    body: { channel: 'sms' },
  });
  let chatCode: string | undefined;
  for (let i = 0; i < 100 && !chatCode; i++) {
    const sms = (await lastSms()) ?? '';
    chatCode = /verification code[^0-9]*(\d{6})/i.exec(sms)?.[1];
    if (!chatCode || sms.includes(code ?? '-')) chatCode = undefined;
    if (!chatCode) await new Promise((r) => setTimeout(r, 100));
  }
  const guessed = await client.POST('/v1/public/chat/sessions/{sessionId}/verification/confirm', {
    ...session,
    body: { code: chatCode === '000000' ? '000001' : '000000' },
  });
  say("Website chat: a stranger types Maria's number (a claim, not an identity)", {
    'POST /v1/public/chat/:widgetKey/sessions': `${chatStart.response.status} with {phone: Maria's number}`,
    'GET /v1/contacts/:id (the visitor, staff)': `possibleMatch=${JSON.stringify(claimant.possibleMatch)}, own phone: ${claimant.phone}`,
    'reply to Maria, asking for the chat': `202 route=${inChat.deliveryRoute} channel=${inChat.channel}`,
    'what the visitor can read': `${strangerReads.data.length} message(s) (their own); the reply among them: ${JSON.stringify(strangerReads.data).includes(PHI)}`,
    'POST .../verification {channel: sms}': `${outcome(askCode)}; the code went to Maria's phone: ${chatCode !== undefined}`,
    'POST .../verification/confirm (a guess)': outcome(guessed),
  });

  const contact = { params: { path: { id: contactId } }, ...auth };
  const request = need(
    'POST /v1/contacts/:id/consent-requests',
    await client.POST('/v1/contacts/{id}/consent-requests', { ...contact, body: { channel: 'sms' } }),
  );
  // A bare YES answers only a request the carrier confirmed delivering.
  await settled(request.messageId, ['delivered', 'failed']);
  const asked = await lastSms();
  const yes = await inbound('YES');
  const consents = need(
    'GET /v1/contacts/:id/consents',
    await client.GET('/v1/contacts/{id}/consents', contact),
  );
  say('QuickSend consent request, answered YES by text', {
    'POST /v1/contacts/:id/consent-requests': `202 expires ${request.expiresAt}`,
    'what the patient received': asked,
    'the patient answers YES; TwiML reply': yes.body,
    'GET /v1/contacts/:id/consents (current)': consents.current.map(
      (c) => `${c.decision} via ${c.method}, disclosure ${c.disclosureVersion}`,
    ),
  });

  const plain = need('reply (with consent)', await reply(PHI));
  await settled(plain.messageId);
  say('The next reply, WITH consent: plain SMS', {
    'POST /v1/conversations/:id/replies': `202 route=${plain.deliveryRoute}`,
    'what Twilio (sandbox) received': await lastSms(),
  });

  const stop = await inbound('STOP');
  const blocked = await reply(PHI);
  const consentNow = need(
    'GET /v1/contacts/:id/consents',
    await client.GET('/v1/contacts/{id}/consents', contact),
  );
  say('STOP: one confirmation, then nothing more by SMS', {
    'TwiML answer to STOP': stop.body,
    'a reply afterwards': outcome(blocked),
    'consent now': consentNow.current.map((c) => `${c.decision} via ${c.method}`),
  });
  await inbound('START'); // leave the demo number subscribed for the next run

  // Outreach: a patient who never wrote, entered by the front desk; the first message, with a PDF,
  // goes through the same gate (no consent yet: the notice and a secure link only), and the file
  // travels only through the secure link whatever the consent.
  const NEW_PATIENT = `+1555${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
  const entered = need(
    'POST /v1/contacts',
    await client.POST('/v1/contacts', { body: { name: 'Noah Newpatient', phone: NEW_PATIENT }, ...auth }),
  );
  const again = await client.POST('/v1/contacts', { body: { phone: NEW_PATIENT }, ...auth });
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
  const form = new FormData();
  form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'lab-report.pdf');
  const uploadRes = await fetch(`${api}/v1/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (uploadRes.status !== 201) throw new Error(`demo: POST /v1/attachments answered ${uploadRes.status}`);
  const upload = (await uploadRes.json()) as { id: string; fileName: string; size: number };
  const outreach = need(
    'POST /v1/conversations',
    await client.POST('/v1/conversations', {
      body: { contactId: entered.id, channel: 'sms', body: PHI, attachmentIds: [upload.id] },
      ...auth,
    }),
  );
  await settled(outreach.messageId);
  const notice2 = (await newestSmsTo(NEW_PATIENT)) ?? '';
  const newLink = /\/s\/([A-Za-z0-9_-]{43})/.exec(notice2)?.[1];
  if (!newLink) throw new Error('demo: the outreach notice carried no link');
  const phone2 = portalBrowser();
  const first2 = await phone2.visit(`/s/${newLink}`);
  await phone2.visit(`/s/${newLink}/code`, { csrf: first2.csrf });
  const code2 = await codeSentTo(NEW_PATIENT);
  const page2 = await phone2.visit(`/s/${newLink}`);
  await phone2.visit(`/s/${newLink}/verify`, { csrf: page2.csrf, code: code2 ?? '' });
  const thread2 = await phone2.visit(`/s/${newLink}`);
  const fileHref = /href="(\/s\/[^"]+\/attachments\/[^"]+)"/.exec(thread2.html)?.[1];
  const downloaded = fileHref ? await phone2.download(fileHref) : null;
  say('Outreach: staff enter a new patient and write first, with a PDF (same consent gate)', {
    'POST /v1/contacts': `201 id=${entered.id}`,
    'the same number again': `${outcome(again)} (the existing contact named in details)`,
    'POST /v1/attachments': `201 ${upload.fileName}, ${upload.size} bytes (encrypted at rest)`,
    'POST /v1/conversations (with the file)': `202 route=${outreach.deliveryRoute} reason=${outreach.routeReason}`,
    'what Twilio (sandbox) received': notice2,
    'the patient, after the code, sees the file': `${thread2.status}, listed: ${thread2.html.includes('lab-report.pdf')}`,
    'and downloads it': downloaded
      ? `${downloaded.status} ${downloaded.type}, identical bytes: ${downloaded.bytes.equals(pdf)}`
      : 'no link in the thread (bug)',
  });

  // After hours: the practice is closed today, and a text is answered automatically (once per
  // throttle), by the worker, as a PHI-free system message in the conversation.
  const todayInNewYork = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
    new Date(),
  );
  const weekdays = Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [{ from: '08:00', to: '17:00' }]]),
  );
  const hoursSet = await client.PUT('/v1/practice/business-hours', {
    body: {
      timeZone: 'America/New_York',
      weekly: weekdays,
      closures: [{ date: todayInNewYork, name: 'Closed today (demo)' }],
    },
    ...auth,
  });
  const repliesSet = await client.PUT('/v1/practice/auto-replies', {
    body: {
      afterHours: {
        enabled: true,
        sms: '{practiceName}: thanks for your text. We are closed now and will answer from {nextOpening}. In an emergency, call 911.',
      },
      firstContact: { enabled: false },
      throttleHours: 12,
    },
    ...auth,
  });
  const NIGHT_PATIENT = `+1555${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
  const textIn = (body: string) => textFrom(NIGHT_PATIENT, body);
  const nightText = await textIn('Hi, I have a toothache, can I come in tomorrow?');
  let autoReply: string | undefined;
  for (let i = 0; i < 100 && !autoReply; i++) {
    autoReply = await newestSmsTo(NIGHT_PATIENT);
    if (!autoReply) await new Promise((r) => setTimeout(r, 100));
  }
  const nightConversation = (
    await ctx.owner.query(
      `SELECT conversation_id FROM messages WHERE tenant_id = $1 AND provider_message_id = $2`,
      [owner.practiceId, nightText.messageSid],
    )
  ).rows[0]?.conversation_id as string | undefined;
  const nightMessages = nightConversation
    ? need(
        'GET /v1/conversations/:id/messages',
        await client.GET('/v1/conversations/{id}/messages', {
          params: { path: { id: nightConversation } },
          ...auth,
        }),
      ).data
    : [];
  // A second text within the throttle gets no second answer.
  const secondNight = await textIn('Also, do you take walk-ins?');
  for (let i = 0; i < 50; i++) {
    const stored = await ctx.owner.query(`SELECT 1 FROM messages WHERE provider_message_id = $1`, [
      secondNight.messageSid,
    ]);
    if (stored.rows.length > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 500));
  const sentToNight = (await (
    await fetch(`${sandbox}/sandbox/messages?to=${encodeURIComponent(NIGHT_PATIENT)}`)
  ).json()) as unknown[];
  say('After hours: the clinic is closed today, and a text is answered automatically', {
    'PUT /v1/practice/business-hours': `${hoursSet.response.status} (Mon-Fri 08:00-17:00 New York, closed ${todayInNewYork})`,
    'PUT /v1/practice/auto-replies': `${repliesSet.response.status} after-hours SMS on, once per 12 h`,
    'a new patient texts the clinic': `${nightText.status}`,
    'what the patient got back (Twilio, sandbox)': autoReply ?? 'nothing (bug)',
    'in the conversation (staff view)': nightMessages
      .filter((m) => m.direction === 'outbound')
      .map((m) => `${m.kind}: ${m.body}`),
    'a second text right after': `texts the patient received in all: ${sentToNight.length}`,
  });
  // Leave the practice answering nothing automatically, so the next run's steps see only their own texts.
  await client.PUT('/v1/practice/auto-replies', {
    body: { afterHours: { enabled: false }, firstContact: { enabled: false } },
    ...auth,
  });

  // Signed outbound webhooks: the practice's EHR is told what happened (ids only) and checks the
  // signature with the Standard Webhooks library.
  const receiver = await startReceiver();
  let hookId: string | undefined;
  try {
    // An interrupted run may have left its endpoint behind (its receiver is gone): remove it.
    const registered = need('GET /v1/webhook-endpoints', await client.GET('/v1/webhook-endpoints', auth));
    for (const stale of registered.data.filter((e) => new URL(e.url).pathname === RECEIVER_PATH))
      await client.DELETE('/v1/webhook-endpoints/{id}', { params: { path: { id: stale.id } }, ...auth });
    const hook = need(
      'POST /v1/webhook-endpoints',
      await client.POST('/v1/webhook-endpoints', {
        body: { url: receiver.url, eventTypes: ['message.received', 'conversation.assigned'] },
        ...auth,
      }),
    );
    hookId = hook.id;
    const listed = need('GET /v1/webhook-endpoints', await client.GET('/v1/webhook-endpoints', auth));

    const HOOK_PATIENT = `+1555${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;
    const HOOK_TEXT = 'Hi, this is Sam. Is my lisinopril refill ready for pickup?';
    const texted = await textFrom(HOOK_PATIENT, HOOK_TEXT);
    const hookConversation = await waitFor(
      async () =>
        (
          await ctx.owner.query(
            `SELECT conversation_id FROM messages WHERE tenant_id = $1 AND provider_message_id = $2`,
            [owner.practiceId, texted.messageSid],
          )
        ).rows[0]?.conversation_id as string | undefined,
      15_000,
    );
    if (!hookConversation) throw new Error('demo: the text for the webhook was not stored within 15 s');
    const assigned = await client.PATCH('/v1/conversations/{id}', {
      params: { path: { id: hookConversation } },
      body: { assigneeId: me.id },
      ...auth,
    });
    const ours = () =>
      receiver.requests.filter((r) => {
        try {
          return (
            (JSON.parse(r.body) as { data?: { conversationId?: string } }).data?.conversationId ===
            hookConversation
          );
        } catch {
          return false;
        }
      });
    const arrived = await waitFor(async () => (ours().length >= 2 ? ours() : undefined), 30_000);
    if (!arrived)
      throw new Error(
        `demo: the receiver got ${ours().length} of 2 webhooks within 30 s (see .demo/logs/worker.log)`,
      );
    const verifier = new Webhook(hook.secret);
    const webhookEvents = arrived.map((r) => {
      const headers = Object.fromEntries(
        Object.entries(r.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
      );
      let signatureCheck: string;
      try {
        verifier.verify(r.body, headers);
        signatureCheck = 'PASS';
      } catch (e) {
        signatureCheck = `FAIL (${(e as Error).message})`;
      }
      const event = JSON.parse(r.body) as { type: string; data: Record<string, unknown> };
      return { r, headers, signatureCheck, event };
    });
    const tampered = webhookEvents[0]!;
    let tamperedResult: string;
    try {
      verifier.verify(tampered.r.body.replace('"data"', '"data" '), tampered.headers);
      tamperedResult = 'PASS (bug: a changed body verified)';
    } catch {
      tamperedResult = 'FAIL (refused, as it must be)';
    }
    const deliveries = await waitFor(async () => {
      const log = need(
        'GET /v1/webhook-endpoints/:id/deliveries',
        await client.GET('/v1/webhook-endpoints/{id}/deliveries', {
          params: { path: { id: hook.id } },
          ...auth,
        }),
      );
      return log.data.every((d) => d.state !== 'pending') ? log.data : undefined;
    }, 15_000);
    const removed = await client.DELETE('/v1/webhook-endpoints/{id}', {
      params: { path: { id: hook.id } },
      ...auth,
    });
    if (removed.response.status === 204) hookId = undefined;
    const lines: Record<string, unknown> = {
      'POST /v1/webhook-endpoints': `201 ${hook.url} events=${hook.eventTypes.join(',')}, secret ${hook.secret.slice(0, 10)}… (in this answer only)`,
      'GET /v1/webhook-endpoints (secret in it?)': JSON.stringify(listed).includes(hook.secret)
        ? 'YES (bug)'
        : 'no',
      'a new patient texts the clinic': `${texted.status}`,
      'PATCH /v1/conversations/:id {assigneeId: me}': outcome(assigned),
    };
    for (const { headers, signatureCheck, event } of webhookEvents) {
      // One line each per event (the keys name the event: a repeated key would overwrite the first).
      lines[`${event.type}: headers`] =
        `webhook-id=${headers['webhook-id']} webhook-timestamp=${headers['webhook-timestamp']} webhook-signature=${headers['webhook-signature']?.slice(0, 12)}…`;
      lines[`${event.type}: Webhook.verify`] = signatureCheck;
      lines[`${event.type}: payload`] =
        `keys ${Object.keys(event).join(',')}; data keys ${Object.keys(event.data).join(',')}`;
    }
    const raw = arrived.map((r) => r.body).join('\n');
    lines['the text or the phone number in any payload'] =
      raw.includes('lisinopril') || raw.includes(HOOK_PATIENT.slice(2)) ? 'YES (bug)' : 'no (ids only)';
    lines['the same signature over a changed body'] = tamperedResult;
    lines['GET /v1/webhook-endpoints/:id/deliveries'] = deliveries
      ? deliveries.map(
          (d) =>
            `${d.type} ${d.state}, ${d.attempts.map((a) => `${a.statusCode ?? a.errorClass} in ${a.durationMs} ms`).join(' / ')}`,
        )
      : 'still pending after 15 s';
    lines['DELETE /v1/webhook-endpoints/:id'] = outcome(removed);
    say(
      'Signed outbound webhooks: the EHR hears what happened (ids only), signed per Standard Webhooks',
      lines,
    );
  } finally {
    if (hookId)
      await client.DELETE('/v1/webhook-endpoints/{id}', { params: { path: { id: hookId } }, ...auth });
    await receiver.close();
  }

  // FHIR R4 for the practice's EHR: an API client (OAuth client credentials) reads and bulk-exports.
  for (const stale of need('GET /v1/api-clients', await client.GET('/v1/api-clients', auth)).data.filter(
    (c) => c.name === API_CLIENT_NAME && c.revokedAt === null,
  ))
    await client.DELETE('/v1/api-clients/{id}', { params: { path: { id: stale.id } }, ...auth });
  const ehr = need(
    'POST /v1/api-clients',
    await client.POST('/v1/api-clients', {
      body: { name: API_CLIENT_NAME, scope: 'system/*.read' },
      ...auth,
    }),
  );
  try {
    const issued = need(
      'POST /oauth/token',
      await client.POST('/oauth/token', {
        body: { grant_type: 'client_credentials', client_id: ehr.clientId, client_secret: ehr.clientSecret },
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
    const asEhr = { Authorization: `Bearer ${issued.access_token}` };
    const metadata = need(
      'GET /fhir/R4/metadata',
      await client.GET('/fhir/R4/metadata'),
    ) as CapabilityStatement;
    const search = async (type: string) =>
      need(
        `GET /fhir/R4/${type}`,
        await client.GET('/fhir/R4/{type}', {
          params: { path: { type }, query: { _count: '5' }, header: asEhr },
        }),
      ) as Bundle;
    const patients = await search('Patient');
    const communications = await search('Communication');

    const kickOff = await client.GET('/fhir/R4/$export', {
      params: { header: asEhr },
      headers: { Prefer: 'respond-async' },
    });
    const statusUrl = kickOff.response.headers.get('content-location');
    const exportId = statusUrl?.split('/').pop();
    if (kickOff.response.status !== 202 || !exportId)
      throw new Error(`demo: GET /fhir/R4/$export answered ${outcome(kickOff)} without a status URL`);
    const exportStatus = { params: { path: { id: exportId }, header: asEhr } };
    let polls = 0;
    let progress: string | null = null;
    const manifest = await waitFor(
      async () => {
        polls++;
        const res = await client.GET('/fhir/R4/bulk-status/{id}', exportStatus);
        if (res.response.status === 202) {
          progress = res.response.headers.get('x-progress') ?? progress;
          return undefined;
        }
        if (res.response.status !== 200)
          throw new Error(
            `demo: GET /fhir/R4/bulk-status/:id answered ${res.response.status} (see .demo/logs/worker.log)`,
          );
        return need('GET /fhir/R4/bulk-status/:id', res);
      },
      120_000,
      250,
    );
    if (!manifest)
      throw new Error(`demo: the Bulk export was not done within 120 s (last progress: ${progress})`);
    const files: string[] = [];
    for (const output of manifest.output) {
      const file = await client.GET('/fhir/R4/bulk-files/{id}', {
        params: { path: { id: output.url.split('/').pop()! }, header: asEhr },
        parseAs: 'text',
      });
      const ndjson = need('GET /fhir/R4/bulk-files/:id', file);
      const resources = ndjson
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { resourceType: string });
      files.push(
        `${output.type}: manifest ${output.count}, file ${resources.length} lines (${file.response.headers.get('content-type')}), all ${output.type}: ${resources.every((r) => r.resourceType === output.type)}`,
      );
    }
    const cancelled = await client.DELETE('/fhir/R4/bulk-status/{id}', exportStatus);
    const afterCancel = await client.GET('/fhir/R4/bulk-status/{id}', exportStatus);
    const revoked = await client.DELETE('/v1/api-clients/{id}', {
      params: { path: { id: ehr.id } },
      ...auth,
    });
    const afterRevoke = await client.GET('/fhir/R4/{type}', {
      params: { path: { type: 'Patient' }, query: { _count: '1' }, header: asEhr },
    });
    say("FHIR R4 for the practice's EHR: an API client reads and bulk-exports", {
      'POST /v1/api-clients': `201 id=${ehr.id} scope=${ehr.scope}, secret in this answer only`,
      'POST /oauth/token (client credentials, form)': `200 ${issued.token_type}, expires_in=${issued.expires_in}s, scope=${issued.scope}`,
      'GET /fhir/R4/metadata': `${metadata.resourceType} fhirVersion=${metadata.fhirVersion}, resources: ${metadata.rest?.[0]?.resource?.map((r) => r.type).join(', ')}`,
      'GET /fhir/R4/Patient?_count=5': searchsetSummary(patients),
      'GET /fhir/R4/Communication?_count=5': searchsetSummary(communications),
      'GET /fhir/R4/$export (Prefer: respond-async)': `${kickOff.response.status}, Content-Location .../bulk-status/${exportId}`,
      'GET .../bulk-status/:id until done': `200 after ${polls} poll(s), transactionTime ${manifest.transactionTime}, requiresAccessToken=${manifest.requiresAccessToken}`,
      'each NDJSON file, downloaded': files,
      'DELETE .../bulk-status/:id (files deleted)': `${cancelled.response.status}; the status afterwards: ${afterCancel.response.status}`,
      'DELETE /v1/api-clients/:id': `${revoked.response.status}; its token afterwards: ${afterRevoke.response.status}`,
    });
  } finally {
    // Revoking twice is harmless (204): a failed step above must not leave a live client behind.
    await client.DELETE('/v1/api-clients/{id}', { params: { path: { id: ehr.id } }, ...auth });
  }
} finally {
  await ctx.close();
}
