import { describe, expect, it } from 'vitest';
import { keywordMatches, type RoutingFacts, ruleMatches } from './routing-rule.js';

const facts = (over: Partial<RoutingFacts> = {}): RoutingFacts => ({
  channel: 'sms',
  channelId: 'c1',
  leadStage: null,
  body: 'hello',
  open: null,
  ...over,
});

describe('keywordMatches', () => {
  it.each([
    ['refill', 'Need a REFILL please', true],
    ['refill', 'refill', true],
    ['refill', '(refill)', true],
    ['refill', 'refills', false],
    ['refill', 'prefill', false],
    ['refill', 'refill_form', false],
    ['my bill', 'about MY \n bill.', true],
    ['my bill', 'my billing', false],
    ['my bill', 'mybill', false],
    ['my bill', 'my  my bill', true],
    ['café', 'CAFÉ open?', true],
    ['a.b', 'x a.b y', true],
    ['a.b', 'axb', false],
  ])('%j in %j: %s', (keyword, body, expected) => {
    expect(keywordMatches(keyword, body)).toBe(expected);
  });

  it('stays linear on a long near-miss', () => {
    const started = performance.now();
    expect(keywordMatches('a a a a b', 'a '.repeat(50_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('ruleMatches', () => {
  it('holds with no conditions, and only when every condition given holds', () => {
    expect(ruleMatches({}, facts())).toBe(true);
    expect(ruleMatches({ channel: ['sms', 'email'] }, facts())).toBe(true);
    expect(ruleMatches({ channel: ['email'] }, facts())).toBe(false);
    expect(ruleMatches({ channelId: 'c1' }, facts())).toBe(true);
    expect(ruleMatches({ channelId: 'c2' }, facts())).toBe(false);
    expect(ruleMatches({ channelId: 'c1' }, facts({ channelId: null }))).toBe(false);
    expect(ruleMatches({ leadStage: ['new'] }, facts())).toBe(false);
    expect(ruleMatches({ leadStage: ['new'] }, facts({ leadStage: 'new' }))).toBe(true);
    expect(ruleMatches({ keyword: 'hello', channel: ['email'] }, facts())).toBe(false);
  });

  it('business hours: within only when set and open, outside only when set and closed', () => {
    expect(ruleMatches({ businessHours: 'within' }, facts({ open: null }))).toBe(false);
    expect(ruleMatches({ businessHours: 'outside' }, facts({ open: null }))).toBe(false);
    expect(ruleMatches({ businessHours: 'within' }, facts({ open: true }))).toBe(true);
    expect(ruleMatches({ businessHours: 'outside' }, facts({ open: true }))).toBe(false);
    expect(ruleMatches({ businessHours: 'outside' }, facts({ open: false }))).toBe(true);
  });
});
