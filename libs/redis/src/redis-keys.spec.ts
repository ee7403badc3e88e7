import { describe, expect, it } from 'vitest';
import { RedisKeys, hashTag, queuePrefix } from './redis-keys.js';

describe('Redis key layout', () => {
  it('spreads keys under a plain namespace: related keys share a {hash tag}, each queue has its own', () => {
    const keys = new RedisKeys({ REDIS_PREFIX: 'inbox' });
    expect(keys.key('session', keys.tag('t1'), 's1')).toBe('inbox:session:{t1}:s1');
    expect(keys.key('throttle', keys.tag('auth:k'))).toBe('inbox:throttle:{auth:k}');
    expect(keys.key('portal-session', 'abc')).toBe('inbox:portal-session:abc');
    expect(keys.queuePrefix('delivery-sms')).toBe('inbox:{delivery-sms}');
    expect(queuePrefix('inbox:eu', 'inbound')).toBe('inbox:eu:{inbound}');
    expect(hashTag('inbox', 'live-streams')).toBe('{live-streams}');
  });

  it('keeps the keys of earlier versions under the single-slot {inbox} prefix (no tags of its own)', () => {
    const keys = new RedisKeys({ REDIS_PREFIX: '{inbox}' });
    // As before: the throttle, live-stream and BullMQ keys are unchanged on upgrade.
    expect(keys.key('throttle', keys.tag('auth:k'))).toBe('{inbox}:throttle:auth:k');
    expect(keys.key(keys.tag('live-streams'), 'chat-session', 'd')).toBe(
      '{inbox}:live-streams:chat-session:d',
    );
    expect(keys.queuePrefix('delivery-sms')).toBe('{inbox}');
    // Sessions now name their practice: the old `{inbox}:session:<id>` keys are missed once (read from the database).
    expect(keys.key('session', keys.tag('t1'), 's1')).toBe('{inbox}:session:t1:s1');
  });
});
