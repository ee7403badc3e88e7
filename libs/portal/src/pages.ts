import type { ConsentRequestView } from './consent-pages.js';
import type { PracticeBranding } from './practice-branding.js';
import type { ThreadMessage } from './secure-thread.js';

/**
 * The patient pages as server-rendered HTML: no script at all, one nonce'd style block, labels
 * on every field, a visible focus ring, and a layout made for a 375 px phone. Every value is
 * escaped; practice colours are validated before they get here (practice-branding.ts).
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = escapeHtml;

export interface PageFrame {
  nonce: string;
  branding: PracticeBranding | null;
}

function layout(frame: PageFrame, title: string, main: string): string {
  const brand = frame.branding;
  const color = brand?.color ?? '#1d4ed8';
  const header = brand
    ? `<header>${brand.logo ? `<img src="${e(brand.logo)}" alt="" height="40">` : ''}<span class="practice-name">${e(brand.name)}</span></header>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${e(title)}${brand ? ` – ${e(brand.name)}` : ''}</title>
<style nonce="${frame.nonce}">
:root { --brand: ${color}; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; background: #f3f4f6; }
header { display: flex; align-items: center; gap: .75rem; padding: .75rem 1rem; background: #fff; border-bottom: 4px solid var(--brand); }
.practice-name { font-weight: 600; font-size: 1.1rem; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.4rem; margin: .5rem 0 1rem; }
.card { background: #fff; border-radius: 8px; padding: 1rem; margin-bottom: 1rem; border: 1px solid #d1d5db; }
.card > p:first-child { margin-top: 0; }
label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
input, textarea { width: 100%; font: inherit; padding: .6rem; border: 1px solid #6b7280; border-radius: 6px; background: #fff; color: #111827; }
textarea { min-height: 8rem; }
button { font: inherit; font-weight: 600; padding: .7rem 1.2rem; margin-top: 1rem; border-radius: 6px; border: 2px solid var(--brand); background: var(--brand); color: #fff; cursor: pointer; min-height: 44px; }
button.secondary { background: #fff; color: var(--brand); }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.msg { border-left: 4px solid var(--brand); }
.msg.patient { border-left-color: #4b5563; }
.meta { color: #4b5563; font-size: .9rem; margin: 0 0 .25rem; }
.body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.files { overflow-wrap: anywhere; margin: .75rem 0 0; padding-left: 1.25rem; }
.files li { margin: .5rem 0; }
.error { color: #991b1b; font-weight: 600; }
.notice { color: #065f46; font-weight: 600; }
.disclosure { white-space: pre-wrap; }
.row { display: flex; flex-wrap: wrap; gap: .75rem; }
</style>
</head>
<body>
${header}
<main id="main">
${main}
</main>
</body>
</html>`;
}

function csrfField(csrf: string): string {
  return `<input type="hidden" name="csrf" value="${e(csrf)}">`;
}

/** The same page for unknown, expired and retracted links: nothing says which it was. */
export function neutralPage(frame: PageFrame): string {
  return layout(
    { ...frame, branding: null },
    'Link not available',
    `<h1>This link is not available</h1>
<div class="card"><p>The link may have expired or is no longer valid. If you expected a message, please contact your practice and ask them to send it again.</p></div>`,
  );
}

export function lockedPage(frame: PageFrame): string {
  return layout(
    frame,
    'Link locked',
    `<h1>This link is locked</h1>
<div class="card"><p>There were too many unsuccessful attempts to confirm your identity, so this link has been locked to protect your information. The practice has been notified. Please contact them to receive your message another way.</p></div>`,
  );
}

export function errorPage(frame: PageFrame, title: string, text: string): string {
  return layout(frame, title, `<h1>${e(title)}</h1><div class="card"><p>${e(text)}</p></div>`);
}

export function verifyPage(
  frame: PageFrame,
  input: {
    token: string;
    csrf: string;
    channel: 'sms' | 'email';
    codeSent: boolean;
    needsDateOfBirth: boolean;
    error: string | null;
    notice: string | null;
  },
): string {
  const where = input.channel === 'sms' ? 'the phone number' : 'the email address';
  const error = input.error ? `<p class="error" role="alert" id="form-error">${e(input.error)}</p>` : '';
  const notice = input.notice ? `<p class="notice" role="status">${e(input.notice)}</p>` : '';
  const codeForm = input.codeSent
    ? `<form method="post" action="/s/${e(input.token)}/verify" class="card">
${csrfField(input.csrf)}
<label for="code">6-digit code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus${input.error ? ' aria-describedby="form-error"' : ''}>
${
  input.needsDateOfBirth
    ? `<label for="dateOfBirth">Date of birth</label>
<input id="dateOfBirth" name="dateOfBirth" type="date" autocomplete="bday" required>`
    : ''
}
<button type="submit">Verify and view message</button>
</form>`
    : '';
  return layout(
    frame,
    'Secure message',
    `<h1>You have a secure message</h1>
${notice}${error}
${codeForm}
<div class="card"><p>To protect your privacy, we need to confirm it is you. We ${input.codeSent ? 'sent' : 'will send'} a one-time code to ${where} this link was sent to.</p>
<form method="post" action="/s/${e(input.token)}/code">
${csrfField(input.csrf)}
<button type="submit"${input.codeSent ? ' class="secondary"' : ''}>${input.codeSent ? 'Send a new code' : 'Send me a code'}</button>
</form></div>`,
  );
}

/** A file's size as a patient reads it. */
function fileSize(bytes: number | null): string {
  if (bytes === null) return 'file';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function when(at: Date): string {
  return at.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function threadPage(
  frame: PageFrame,
  input: {
    token: string;
    csrf: string;
    messages: ThreadMessage[];
    submissionId: string;
    notice: string | null;
  },
): string {
  const items = input.messages
    .map((m) => {
      const attachments = m.attachments
        .map(
          (a) =>
            `<li><a href="/s/${e(input.token)}/attachments/${e(a.id)}" download>${e(a.fileName)}</a> <span class="meta">(${e(fileSize(a.sizeBytes))})</span></li>`,
        )
        .join('');
      return `<article class="card msg ${m.from}" aria-label="Message from ${m.from === 'practice' ? 'the practice' : 'you'}">
<p class="meta">${m.from === 'practice' ? e(frame.branding?.name ?? 'Practice') : 'You'} · <time datetime="${m.at.toISOString()}">${when(m.at)}</time></p>
<p class="body">${e(m.body)}</p>${attachments ? `<ul class="files" aria-label="Files">${attachments}</ul>` : ''}
</article>`;
    })
    .join('\n');
  const notice = input.notice ? `<p class="notice" role="status">${e(input.notice)}</p>` : '';
  return layout(
    frame,
    'Your secure messages',
    `<h1>Your secure messages</h1>
${notice}
<section aria-label="Messages">
${items || '<div class="card"><p>There are no messages to show.</p></div>'}
</section>
<form method="post" action="/s/${e(input.token)}/reply" class="card">
${csrfField(input.csrf)}
<input type="hidden" name="submissionId" value="${e(input.submissionId)}">
<label for="reply">Your reply</label>
<textarea id="reply" name="body" maxlength="5000" required></textarea>
<button type="submit">Send reply</button>
</form>
<form method="post" action="/s/${e(input.token)}/logout">
${csrfField(input.csrf)}
<button type="submit" class="secondary">Sign out</button>
</form>`,
  );
}

export function consentPage(
  frame: PageFrame,
  input: { token: string; csrf: string; request: ConsentRequestView },
): string {
  const { request } = input;
  const channel = request.channel === 'sms' ? 'text message' : 'regular email';
  if (request.state === 'answered')
    return layout(
      frame,
      'Thank you',
      `<h1>Thank you</h1>
<div class="card"><p class="notice" role="status">Your answer is recorded: you ${request.answer === 'granted' ? 'accepted' : 'declined'} receiving health information by ${channel}.</p></div>`,
    );
  return layout(
    frame,
    'Your communication preference',
    `<h1>Receive health information by ${channel}?</h1>
<div class="card"><p class="disclosure" id="disclosure">${e(request.disclosure.text)}</p></div>
<form method="post" action="/c/${e(input.token)}" class="row" aria-describedby="disclosure">
${csrfField(input.csrf)}
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="decline" class="secondary">Decline</button>
</form>`,
  );
}

export function unsubscribePage(
  frame: PageFrame,
  input: { token: string; csrf: string; done: boolean },
): string {
  if (input.done)
    return layout(
      frame,
      'Unencrypted email stopped',
      `<h1>Done</h1>
<div class="card"><p class="notice" role="status">We will no longer send you health information by unencrypted email. We will use secure messages instead.</p></div>`,
    );
  return layout(
    frame,
    'Stop unencrypted email',
    `<h1>Stop unencrypted email?</h1>
<div class="card"><p>If you confirm, we will stop sending health information to this email address by regular (unencrypted) email and use secure messages instead.</p>
<form method="post" action="/u/${e(input.token)}">
${csrfField(input.csrf)}
<button type="submit">Stop unencrypted email</button>
</form></div>`,
  );
}
