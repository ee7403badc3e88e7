import { describe, expect, it } from 'vitest';
import type { ConsentLedger, GateInput } from '@app/consent';
import { Metrics } from '@app/observability';
import { GateFacts } from './gate-facts.js';

const PHONE = '+15555550123';
const EMAIL = 'pat@example.com';

const input = (over: Partial<GateInput>): GateInput => ({
  requested: 'sms',
  sms: { address: PHONE, consent: null, optedOut: false },
  email: { address: EMAIL, consent: 'granted', suppressed: false, noTls: false },
  chat: null,
  attachments: false,
  ...over,
});

describe('GateFacts.decide', () => {
  it("returns the gate's decision and counts it by stage, route, channel and reason, never by address", async () => {
    const metrics = new Metrics();
    const gate = new GateFacts({} as ConsentLedger, metrics);
    expect(gate.decide(input({}), 'reply')).toEqual({
      route: 'secure_link',
      channel: 'sms',
      address: PHONE,
      reason: 'no_consent',
    });
    gate.decide(input({ requested: 'email' }), 'reply');
    gate.decide(input({ requested: 'email' }), 'send');
    gate.decide(input({ sms: { address: PHONE, consent: 'granted', optedOut: true }, email: null }), 'reply');
    gate.decide(input({ requested: 'chat', chat: { present: true, proven: true } }), 'reply');

    const text = await metrics.registry.metrics();
    const series = text.split('\n').filter((l) => l.startsWith('inbox_consent_gate_decisions_total{'));
    expect(series.toSorted()).toEqual([
      'inbox_consent_gate_decisions_total{stage="reply",route="blocked",channel="none",reason="recipient_opted_out"} 1',
      'inbox_consent_gate_decisions_total{stage="reply",route="chat",channel="chat",reason="none"} 1',
      'inbox_consent_gate_decisions_total{stage="reply",route="plain",channel="email",reason="none"} 1',
      'inbox_consent_gate_decisions_total{stage="reply",route="secure_link",channel="sms",reason="no_consent"} 1',
      'inbox_consent_gate_decisions_total{stage="send",route="plain",channel="email",reason="none"} 1',
    ]);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(EMAIL);
  });
});
