import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from './verified-tokens.js';

const claims = () => ({ sub: randomUUID(), tid: randomUUID(), sid: randomUUID(), ver: 1 });

describe('VerifiedTokens', () => {
  it('recognises only the exact token text, until its expiry, then reports it expired once and forgets it', () => {
    let now = 1_000_000;
    const tokens = new VerifiedTokens(() => now);
    const c = claims();
    tokens.remember('a.b.c', c, (now + 60_000) / 1000);
    expect(tokens.get('a.b.c')).toEqual(c);
    expect(tokens.get('a.b.C')).toBeUndefined();
    expect(tokens.get('a.b.c ')).toBeUndefined();
    now += 60_000;
    expect(tokens.get('a.b.c')).toBe('expired');
    expect(tokens.get('a.b.c')).toBeUndefined();
  });

  it('stays bounded: the oldest token is forgotten first', () => {
    const tokens = new VerifiedTokens(() => 0);
    for (let i = 0; i <= 10_000; i++) tokens.remember(`t${i}`, claims(), 60);
    expect(tokens.get('t0')).toBeUndefined();
    expect(tokens.get('t1')).toBeDefined();
    expect(tokens.get('t10000')).toBeDefined();
  });
});
