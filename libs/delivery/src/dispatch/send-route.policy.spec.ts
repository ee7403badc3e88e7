import { describe, expect, it } from 'vitest';
import type { GateDecision } from '@app/consent';
import { routeAtSend } from './send-route.policy.js';

const plain: GateDecision = { route: 'plain', channel: 'sms', address: '+15005550006' };
const secure: GateDecision = {
  route: 'secure_link',
  channel: 'sms',
  address: '+15005550006',
  reason: 'consent_revoked',
};
const blocked: GateDecision = { route: 'blocked', reason: 'recipient_opted_out' };

describe('routeAtSend (the gate again, at send time)', () => {
  it.each([
    [
      'a plain reply, consent holds',
      'message',
      'plain',
      plain,
      { kind: 'send', route: 'plain', reroutedBecause: null },
    ],
    [
      'a plain reply, consent revoked since',
      'message',
      'plain',
      secure,
      { kind: 'send', route: 'secure_link', reroutedBecause: 'consent_revoked' },
    ],
    [
      'a secure reply, consent granted since',
      'message',
      'secure_link',
      plain,
      { kind: 'send', route: 'secure_link', reroutedBecause: null },
    ],
    [
      'a secure reply, still no consent',
      'message',
      'secure_link',
      secure,
      { kind: 'send', route: 'secure_link', reroutedBecause: null },
    ],
    [
      'a reply to a number that opted out',
      'message',
      'plain',
      blocked,
      { kind: 'blocked', reason: 'recipient_opted_out' },
    ],
    [
      'a system message without consent',
      'system',
      null,
      secure,
      { kind: 'send', route: 'system', reroutedBecause: null },
    ],
    [
      'a system message to a number that opted out',
      'system',
      null,
      blocked,
      { kind: 'blocked', reason: 'recipient_opted_out' },
    ],
  ] as const)('%s', (_, kind, route, decision, expected) => {
    expect(routeAtSend({ kind, route }, decision)).toEqual(expected);
  });
});
