import { describe, expect, it } from 'vitest';
import {
  type ConsentDecision,
  decideReplyRoute,
  type GateDecision,
  type GateInput,
  type ReplyChannel,
} from './reply-gate.js';

const PHONE = '+15551234567';
const EMAIL = 'pat@example.com';
const consents: Array<ConsentDecision | null> = [null, 'granted', 'declined', 'revoked'];

/**
 * Every combination of the gate's inputs (per address: 4 consents x its flags, or no address;
 * email's flags are suppressed and no TLS; chat states; files or not).
 */
function* allInputs(): Generator<GateInput> {
  const smsStates = [
    null,
    ...consents.flatMap((consent) =>
      [false, true].map((optedOut) => ({ address: PHONE, consent, optedOut })),
    ),
  ];
  const emailStates = [
    null,
    ...consents.flatMap((consent) =>
      [false, true].flatMap((suppressed) =>
        [false, true].map((noTls) => ({ address: EMAIL, consent, suppressed, noTls })),
      ),
    ),
  ];
  const chatStates = [
    null,
    ...[false, true].flatMap((present) => [false, true].map((proven) => ({ present, proven }))),
  ];
  for (const requested of ['sms', 'email', 'chat'] as ReplyChannel[])
    for (const sms of smsStates)
      for (const email of emailStates)
        for (const chat of chatStates)
          for (const attachments of [false, true]) yield { requested, sms, email, chat, attachments };
}

/** The specification, written independently of the implementation: what may go where. */
function plainAllowed(input: GateInput, d: GateDecision): boolean {
  if (d.route !== 'plain') return true;
  const state = d.channel === 'sms' ? input.sms : input.email;
  const blockedFlag = d.channel === 'sms' ? input.sms?.optedOut : input.email?.suppressed;
  // Plain email goes only where TLS is not known to fail (no TLS: secure, see below).
  const noTls = d.channel === 'email' && input.email?.noTls;
  return state?.consent === 'granted' && state.address === d.address && !blockedFlag && !noTls;
}

/** A table case: files default to none, an email address's no-TLS flag to false. */
type CaseInput = Omit<GateInput, 'attachments' | 'email'> & {
  attachments?: boolean;
  email: (Omit<NonNullable<GateInput['email']>, 'noTls'> & { noTls?: boolean }) | null;
};

describe('decideReplyRoute (the consent gate)', () => {
  const inputs = [...allInputs()];

  it(`never allows plain PHI without consent for that exact channel and address (${inputs.length} combinations)`, () => {
    for (const input of inputs)
      expect(plainAllowed(input, decideReplyRoute(input)), JSON.stringify(input)).toBe(true);
  });

  it('never sends anything by SMS to an opted-out number, not even a secure-link notice', () => {
    for (const input of inputs) {
      const d = decideReplyRoute(input);
      if (input.sms?.optedOut && (d.route === 'plain' || d.route === 'secure_link'))
        expect(d.channel).toBe('email');
    }
  });

  it('answers in the chat whenever the visitor who started the conversation is there and chat was asked for', () => {
    for (const input of inputs.filter(
      (i) => i.requested === 'chat' && i.chat?.present && i.chat.proven && !i.attachments,
    )) {
      expect(decideReplyRoute(input)).toEqual({ route: 'chat' });
    }
  });

  it('only routes to chat when chat was asked for and a proven visitor is present', () => {
    for (const input of inputs) {
      if (decideReplyRoute(input).route === 'chat')
        expect(input.requested === 'chat' && input.chat?.present && input.chat.proven).toBe(true);
    }
  });

  it('never answers in the chat a visitor who only claimed the address, present or not', () => {
    for (const input of inputs.filter((i) => i.chat && !i.chat.proven))
      expect(decideReplyRoute(input).route).not.toBe('chat');
  });

  it('never sends a message with files plain or in the chat: with consent it goes as a secure link (has_attachments)', () => {
    for (const input of inputs.filter((i) => i.attachments)) {
      const d = decideReplyRoute(input);
      expect(['secure_link', 'blocked'], JSON.stringify(input)).toContain(d.route);
      // Files change only how a deliverable message goes, never whether or where it goes.
      const without = decideReplyRoute({ ...input, attachments: false });
      if (without.route === 'plain')
        expect(d).toEqual({ ...without, route: 'secure_link', reason: 'has_attachments' });
      // ...and a consented email held back for no TLS says files, the stronger reason.
      if (without.route === 'secure_link' && without.reason === 'no_tls')
        expect(d).toEqual({ ...without, reason: 'has_attachments' });
      else if (without.route === 'secure_link' || without.route === 'blocked') expect(d).toEqual(without);
    }
  });

  it('never sends plain email to an address known not to take TLS: with consent it goes as a secure link (no_tls)', () => {
    for (const input of inputs.filter((i) => i.email?.noTls)) {
      const d = decideReplyRoute(input);
      if (d.route !== 'blocked' && d.route !== 'chat' && d.channel === 'email')
        expect(d.route, JSON.stringify(input)).toBe('secure_link');
      // No TLS changes only how a plain email goes, never whether or where a message goes.
      const withTls = decideReplyRoute({ ...input, email: { ...input.email!, noTls: false } });
      if (withTls.route === 'plain' && withTls.channel === 'email')
        expect(d).toEqual({ ...withTls, route: 'secure_link', reason: 'no_tls' });
      else expect(d, JSON.stringify(input)).toEqual(withTls);
    }
  });

  it('files outrank no TLS: a consented email with files gives has_attachments', () => {
    for (const input of inputs.filter((i) => i.email?.noTls && i.attachments)) {
      const d = decideReplyRoute(input);
      if (d.route === 'secure_link') expect(d.reason).not.toBe('no_tls');
    }
  });

  it('never uses a channel the contact has no address for', () => {
    for (const input of inputs) {
      const d = decideReplyRoute(input);
      if (d.route === 'plain' || d.route === 'secure_link')
        expect(d.channel === 'sms' ? input.sms : input.email).not.toBeNull();
    }
  });

  it.each([
    [
      {
        requested: 'sms',
        sms: { address: PHONE, consent: 'granted', optedOut: false },
        email: null,
        chat: null,
      },
      { route: 'plain', channel: 'sms', address: PHONE },
    ],
    [
      { requested: 'sms', sms: { address: PHONE, consent: null, optedOut: false }, email: null, chat: null },
      { route: 'secure_link', channel: 'sms', address: PHONE, reason: 'no_consent' },
    ],
    [
      {
        requested: 'sms',
        sms: { address: PHONE, consent: 'revoked', optedOut: false },
        email: null,
        chat: null,
      },
      { route: 'secure_link', channel: 'sms', address: PHONE, reason: 'consent_revoked' },
    ],
    [
      {
        requested: 'sms',
        sms: { address: PHONE, consent: 'declined', optedOut: false },
        email: null,
        chat: null,
      },
      { route: 'secure_link', channel: 'sms', address: PHONE, reason: 'consent_declined' },
    ],
    // SMS consent does not allow plain email.
    [
      {
        requested: 'email',
        sms: { address: PHONE, consent: 'granted', optedOut: false },
        email: { address: EMAIL, consent: null, suppressed: false },
        chat: null,
      },
      { route: 'secure_link', channel: 'email', address: EMAIL, reason: 'no_consent' },
    ],
    [
      {
        requested: 'sms',
        sms: { address: PHONE, consent: 'granted', optedOut: true },
        email: null,
        chat: null,
      },
      { route: 'blocked', reason: 'recipient_opted_out' },
    ],
    [
      {
        requested: 'sms',
        sms: { address: PHONE, consent: 'granted', optedOut: true },
        email: { address: EMAIL, consent: null, suppressed: false },
        chat: null,
      },
      { route: 'secure_link', channel: 'email', address: EMAIL, reason: 'no_consent' },
    ],
    [
      {
        requested: 'sms',
        sms: null,
        email: { address: EMAIL, consent: 'granted', suppressed: false },
        chat: null,
      },
      { route: 'blocked', reason: 'no_reachable_address' },
    ],
    [
      {
        requested: 'email',
        sms: null,
        email: { address: EMAIL, consent: 'granted', suppressed: true },
        chat: null,
      },
      { route: 'blocked', reason: 'email_suppressed' },
    ],
    [{ requested: 'chat', sms: null, email: null, chat: { present: true, proven: true } }, { route: 'chat' }],
    // A visitor who typed the patient's number into the chat: present, but not proven.
    [
      {
        requested: 'chat',
        sms: { address: PHONE, consent: 'granted', optedOut: false },
        email: null,
        chat: { present: true, proven: false },
      },
      { route: 'plain', channel: 'sms', address: PHONE },
    ],
    [
      { requested: 'chat', sms: null, email: null, chat: { present: true, proven: false } },
      { route: 'blocked', reason: 'no_reachable_address' },
    ],
    [
      {
        requested: 'chat',
        sms: { address: PHONE, consent: null, optedOut: false },
        email: null,
        chat: { present: false, proven: true },
      },
      { route: 'secure_link', channel: 'sms', address: PHONE, reason: 'no_consent' },
    ],
    [
      {
        requested: 'chat',
        sms: { address: PHONE, consent: null, optedOut: true },
        email: null,
        chat: { present: false, proven: true },
      },
      { route: 'blocked', reason: 'recipient_opted_out' },
    ],
    [
      { requested: 'chat', sms: null, email: null, chat: null },
      { route: 'blocked', reason: 'no_reachable_address' },
    ],
    // Files: with consent, a secure link all the same; without, the consent reason stays.
    [
      {
        requested: 'sms',
        sms: { address: PHONE, consent: 'granted', optedOut: false },
        email: null,
        chat: null,
        attachments: true,
      },
      { route: 'secure_link', channel: 'sms', address: PHONE, reason: 'has_attachments' },
    ],
    [
      {
        requested: 'email',
        sms: null,
        email: { address: EMAIL, consent: 'granted', suppressed: false },
        chat: null,
        attachments: true,
      },
      { route: 'secure_link', channel: 'email', address: EMAIL, reason: 'has_attachments' },
    ],
    [
      {
        requested: 'sms',
        sms: { address: PHONE, consent: null, optedOut: false },
        email: null,
        chat: null,
        attachments: true,
      },
      { route: 'secure_link', channel: 'sms', address: PHONE, reason: 'no_consent' },
    ],
    // A proven visitor in the chat: the files go by the secure link to the phone instead.
    [
      {
        requested: 'chat',
        sms: { address: PHONE, consent: 'granted', optedOut: false },
        email: null,
        chat: { present: true, proven: true },
        attachments: true,
      },
      { route: 'secure_link', channel: 'sms', address: PHONE, reason: 'has_attachments' },
    ],
    [
      {
        requested: 'sms',
        sms: { address: PHONE, consent: 'granted', optedOut: true },
        email: null,
        chat: null,
        attachments: true,
      },
      { route: 'blocked', reason: 'recipient_opted_out' },
    ],
    // An address whose server could not take a TLS-required email: consented plain goes secure.
    [
      {
        requested: 'email',
        sms: null,
        email: { address: EMAIL, consent: 'granted', suppressed: false, noTls: true },
        chat: null,
      },
      { route: 'secure_link', channel: 'email', address: EMAIL, reason: 'no_tls' },
    ],
    [
      {
        requested: 'email',
        sms: null,
        email: { address: EMAIL, consent: 'revoked', suppressed: false, noTls: true },
        chat: null,
      },
      { route: 'secure_link', channel: 'email', address: EMAIL, reason: 'consent_revoked' },
    ],
    [
      {
        requested: 'email',
        sms: null,
        email: { address: EMAIL, consent: 'granted', suppressed: true, noTls: true },
        chat: null,
      },
      { route: 'blocked', reason: 'email_suppressed' },
    ],
    // SMS is not email: no TLS on the email address changes nothing for a plain text.
    [
      {
        requested: 'sms',
        sms: { address: PHONE, consent: 'granted', optedOut: false },
        email: { address: EMAIL, consent: 'granted', suppressed: false, noTls: true },
        chat: null,
      },
      { route: 'plain', channel: 'sms', address: PHONE },
    ],
    [
      {
        requested: 'sms',
        sms: { address: PHONE, consent: 'granted', optedOut: true },
        email: { address: EMAIL, consent: 'granted', suppressed: false, noTls: true },
        chat: null,
      },
      { route: 'secure_link', channel: 'email', address: EMAIL, reason: 'no_tls' },
    ],
  ] as Array<[CaseInput, GateDecision]>)('%#: %j', (input, expected) => {
    const email = input.email && { noTls: false, ...input.email };
    expect(decideReplyRoute({ attachments: false, ...input, email })).toEqual(expected);
  });
});
