import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { generate } from 'otplib';
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

async function call(
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
  };
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
    const login = await call('POST', '/v1/auth/login', { email: owner.email, password: owner.password });
    const used = { last: owner.lastStep };
    const mfa = await call('POST', '/v1/auth/mfa', {
      mfaToken: login.body.mfaToken,
      code: await totp(owner.totpSecret, used),
    });
    writeFileSync(OWNER_FILE, JSON.stringify({ ...owner, lastStep: used.last }));
    return { owner, token: mfa.body.accessToken, fresh: false };
  }
  const email = `owner.${randomBytes(3).toString('hex')}@riverside.example`;
  const password = `Demo-${randomBytes(9).toString('base64url')}`;
  const signup = await call('POST', '/v1/auth/signup', {
    practiceName: 'Riverside Family Clinic',
    name: 'Olivia Owner',
    email,
    password,
  });
  const login = await call('POST', '/v1/auth/login', { email, password });
  const beforeEnrolling = await call('GET', '/v1/users', undefined, login.body.accessToken);
  const setup = await call('POST', '/v1/auth/mfa/setup', {}, login.body.accessToken);
  const used: { last?: number } = {};
  const enable = await call(
    'POST',
    '/v1/auth/mfa/enable',
    { code: await totp(setup.body.secret, used) },
    login.body.accessToken,
  );
  say('Staff identity: sign-up, then MFA enrolment (mandatory for owners)', {
    'POST /v1/auth/signup': `${signup.status} practiceId=${signup.body.practiceId}`,
    'POST /v1/auth/login': `${login.status} mfaEnrollmentRequired=${login.body.mfaEnrollmentRequired}`,
    'GET /v1/users before enrolling': `${beforeEnrolling.status} ${beforeEnrolling.body.error?.code}`,
    'POST /v1/auth/mfa/setup': `${setup.status} otpauth URL issued`,
    'POST /v1/auth/mfa/enable': `${enable.status} ${enable.body.recoveryCodes?.length} recovery codes, a new session`,
    'the pre-MFA token afterwards': `${(await call('GET', '/v1/me', undefined, login.body.accessToken)).status} (its session ended)`,
  });
  const owner: Owner = {
    email,
    password,
    totpSecret: setup.body.secret,
    practiceId: signup.body.practiceId,
    lastStep: used.last,
  };
  writeFileSync(OWNER_FILE, JSON.stringify(owner));
  return { owner, token: enable.body.accessToken, fresh: true };
}

const ctx = await openDemoContext();
try {
  say('API readiness', { 'GET /health/ready': (await call('GET', '/health/ready')).body.status });

  const { owner, token } = await signIn();
  const me = await call('GET', '/v1/me', undefined, token);
  say('Signed in', {
    'GET /v1/me': `${me.body.role} of practice ${me.body.practiceId}, mfaEnabled=${me.body.mfaEnabled}`,
  });

  const authToken = randomBytes(16).toString('hex');
  const channel = await call(
    'POST',
    '/v1/channels',
    {
      type: 'sms',
      name: `Front desk line ${randomBytes(2).toString('hex')}`,
      phoneNumber: CLINIC_NUMBER,
      twilioAccountSid: `AC${randomBytes(16).toString('hex')}`,
      twilioAuthToken: authToken,
    },
    token,
  );
  say('SMS channel (Twilio credentials stored encrypted, never returned)', {
    'POST /v1/channels': `${channel.status} id=${channel.body.id}`,
    'inbound webhook': channel.body.webhooks?.inbound,
    'secrets in the answer': JSON.stringify(channel.body).includes(authToken) ? 'YES (bug)' : 'none',
  });

  const inbound = async (body: string, messageSid?: string) =>
    (await fetch(`${sandbox}/sandbox/twilio/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        to: CLINIC_NUMBER,
        from: PATIENT_NUMBER,
        body,
        webhookUrl: channel.body.webhooks.inbound,
        authToken,
        messageSid,
      }),
    }).then((r) => r.json())) as { status: number; body: string; messageSid: string };
  const first = await inbound('Hi, this is Maria. Are my lab results back?');
  const replay = await inbound('Hi, this is Maria. Are my lab results back?', first.messageSid);
  const forged = await fetch(channel.body.webhooks.inbound, {
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

  const events = await call('GET', '/v1/audit-events?limit=6', undefined, token);
  const verify = await call('GET', '/v1/audit-events/verify', undefined, token);
  say('Audit trail (append-only, hash-chained per practice)', {
    'GET /v1/audit-events?limit=6': (events.body.data as Array<{ seq: number; action: string }>).map(
      (e) => `#${e.seq} ${e.action}`,
    ),
    'GET /v1/audit-events/verify': verify.body,
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
  const reply = (body: string) =>
    call('POST', `/v1/conversations/${conversationId}/replies`, { body }, token);
  const settled = async (messageId: string, statuses = ['sent', 'delivered', 'failed']) => {
    for (let i = 0; i < 100; i++) {
      const state = await call('GET', `/v1/messages/${messageId}`, undefined, token);
      if (statuses.includes(state.body.status)) return state.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`message ${messageId} did not settle`);
  };
  const lastSms = async () =>
    (
      (await (
        await fetch(`${sandbox}/sandbox/messages?to=${encodeURIComponent(PATIENT_NUMBER)}`)
      ).json()) as Array<{
        body: string;
      }>
    )[0]?.body;

  const secure = await reply(PHI);
  const secureState = await settled(secure.body.messageId);
  say('Staff reply WITHOUT consent: held as a secure message, the patient gets a PHI-free link', {
    'POST /v1/conversations/:id/replies': `${secure.status} route=${secure.body.deliveryRoute} reason=${secure.body.routeReason}`,
    'GET /v1/messages/:id': `${secureState.status}, ${secureState.attempts} provider call(s)`,
    'what Twilio (sandbox) received': await lastSms(),
  });

  // The patient side: a phone browser, no JavaScript. Open the link, get a code by SMS, read.
  const notice = (await lastSms()) ?? '';
  const linkToken = /\/s\/([A-Za-z0-9_-]{43})/.exec(notice)?.[1];
  if (!linkToken) throw new Error('demo: the secure notice carried no link');
  const cookies = new Map<string, string>();
  /** GET the page, or POST the form to it when one is given (as a browser without JavaScript). */
  const portal = async (path: string, form?: Record<string, string>) => {
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
    const html = await res.text();
    return { status: res.status, html, csrf: /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
  };
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
  const afterRead = await call('GET', `/v1/messages/${secure.body.messageId}`, undefined, token);
  say('The patient opens the link, proves it is them with a one-time code, and reads it', {
    'GET /s/<token> (no session)': `${opened.status}, shows the message: ${opened.html.includes(PHI)}`,
    'POST /s/<token>/code': `${asksCode.status}; the SMS (via the worker): ${await lastSms()}`,
    'POST /s/<token>/verify': `${verified.status} (session cookie set: ${cookies.has('portal_session')})`,
    'GET /s/<token> (verified)': `${thread.status}, shows the message: ${thread.html.includes(PHI)}`,
    'GET /v1/messages/:id (staff)': afterRead.body.status,
  });

  // Website chat: a stranger types Maria's number. A typed number is a claim, not an identity.
  const SITE = 'https://www.riverside-clinic.example';
  const widget = await call(
    'POST',
    '/v1/channels',
    { type: 'chat', name: 'Website chat', allowedOrigins: [SITE] },
    token,
  );
  /** The chat widget's requests: from the practice's site, with the session's bearer token. */
  const visitor = async (method: string, path: string, body?: object, bearer?: string) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: {
        origin: SITE,
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const chat = await visitor('POST', `/v1/public/chat/${widget.body.widgetKey}/sessions`, {
    phone: PATIENT_NUMBER,
  });
  const { sessionId, sessionToken } = chat.body as { sessionId: string; sessionToken: string };
  await visitor(
    'POST',
    `/v1/public/chat/sessions/${sessionId}/messages`,
    { body: 'Hi, it is Maria. What were my results?' },
    sessionToken,
  );
  const chatInbox = await call('GET', '/v1/conversations?channel=chat&limit=1', undefined, token);
  const claimant = await call('GET', `/v1/contacts/${chatInbox.body.data[0].contact.id}`, undefined, token);
  const inChat = await call(
    'POST',
    `/v1/conversations/${conversationId}/replies`,
    { body: PHI, channel: 'chat' },
    token,
  );
  await settled(inChat.body.messageId);
  const strangerReads = await visitor(
    'GET',
    `/v1/public/chat/sessions/${sessionId}/messages`,
    undefined,
    sessionToken,
  );
  const askCode = await visitor(
    'POST',
    `/v1/public/chat/sessions/${sessionId}/verification`,
    { channel: 'sms' },
    sessionToken,
  );
  let chatCode: string | undefined;
  for (let i = 0; i < 100 && !chatCode; i++) {
    const sms = (await lastSms()) ?? '';
    chatCode = /verification code[^0-9]*(\d{6})/i.exec(sms)?.[1];
    if (!chatCode || sms.includes(code ?? '-')) chatCode = undefined;
    if (!chatCode) await new Promise((r) => setTimeout(r, 100));
  }
  const guessed = await visitor(
    'POST',
    `/v1/public/chat/sessions/${sessionId}/verification/confirm`,
    { code: chatCode === '000000' ? '000001' : '000000' },
    sessionToken,
  );
  say("Website chat: a stranger types Maria's number (a claim, not an identity)", {
    'POST /v1/public/chat/:widgetKey/sessions': `${chat.status} with {phone: Maria's number}`,
    'GET /v1/contacts/:id (the visitor, staff)': `possibleMatch=${JSON.stringify(claimant.body.possibleMatch)}, own phone: ${claimant.body.phone}`,
    'reply to Maria, asking for the chat': `${inChat.status} route=${inChat.body.deliveryRoute} channel=${inChat.body.channel}`,
    'what the visitor can read': `${strangerReads.body.data.length} message(s) (their own); the reply among them: ${JSON.stringify(strangerReads.body.data).includes(PHI)}`,
    'POST .../verification {channel: sms}': `${askCode.status}; the code went to Maria's phone: ${chatCode !== undefined}`,
    'POST .../verification/confirm (a guess)': `${guessed.status} ${guessed.body.error?.code}`,
  });

  const request = await call('POST', `/v1/contacts/${contactId}/consent-requests`, { channel: 'sms' }, token);
  // A bare YES answers only a request the carrier confirmed delivering.
  await settled(request.body.messageId, ['delivered', 'failed']);
  const asked = await lastSms();
  const yes = await inbound('YES');
  const consents = await call('GET', `/v1/contacts/${contactId}/consents`, undefined, token);
  say('QuickSend consent request, answered YES by text', {
    'POST /v1/contacts/:id/consent-requests': `${request.status} expires ${request.body.expiresAt}`,
    'what the patient received': asked,
    'the patient answers YES; TwiML reply': yes.body,
    'GET /v1/contacts/:id/consents (current)': consents.body.current.map(
      (c: { decision: string; method: string; disclosureVersion: string }) =>
        `${c.decision} via ${c.method}, disclosure ${c.disclosureVersion}`,
    ),
  });

  const plain = await reply(PHI);
  await settled(plain.body.messageId);
  say('The next reply, WITH consent: plain SMS', {
    'POST /v1/conversations/:id/replies': `${plain.status} route=${plain.body.deliveryRoute}`,
    'what Twilio (sandbox) received': await lastSms(),
  });

  const stop = await inbound('STOP');
  const blocked = await reply(PHI);
  say('STOP: one confirmation, then nothing more by SMS', {
    'TwiML answer to STOP': stop.body,
    'a reply afterwards': `${blocked.status} ${blocked.body.error?.code}`,
    'consent now': (
      await call('GET', `/v1/contacts/${contactId}/consents`, undefined, token)
    ).body.current.map((c: { decision: string; method: string }) => `${c.decision} via ${c.method}`),
  });
  await inbound('START'); // leave the demo number subscribed for the next run
} finally {
  await ctx.close();
}
