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

/** Every combination of the gate's inputs (4 x 2 x 2 consent/flag per address, present or not, chat states, files or not). */
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
      [false, true].map((suppressed) => ({ address: EMAIL, consent, suppressed })),
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
  return state?.consent === 'granted' && state.address === d.address && !blockedFlag;
}

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
      if (without.route === 'secure_link' || without.route === 'blocked') expect(d).toEqual(without);
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
  ] as Array<[Omit<GateInput, 'attachments'> & { attachments?: boolean }, GateDecision]>)(
    '%#: %j',
    (input, expected) => {
      expect(decideReplyRoute({ attachments: false, ...input })).toEqual(expected);
    },
  );
});
