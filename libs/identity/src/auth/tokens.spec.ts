import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  newOpaqueToken,
  newRecoveryCode,
  normalizeRecoveryCode,
  parseOpaqueToken,
  RECOVERY_CODE_PATTERN,
  sameHash,
  sha256,
} from './tokens.js';

describe('opaque tokens', () => {
  it('carry tenant and id in the clear and a 256-bit secret whose hash is all that is stored', () => {
    const [tenant, id] = [randomUUID(), randomUUID()];
    const { token, hash } = newOpaqueToken('rt', tenant, id);
    expect(token).toMatch(/^rt_/);
    const parsed = parseOpaqueToken('rt', token)!;
    expect(parsed).toMatchObject({ tenantId: tenant, id });
    expect(Buffer.from(parsed.secret, 'base64url')).toHaveLength(32);
    expect(sameHash(sha256(parsed.secret), hash)).toBe(true);
    expect(token).not.toContain(hash.toString('hex'));
  });

  it('are never the same twice', () => {
    const [tenant, id] = [randomUUID(), randomUUID()];
    expect(newOpaqueToken('rt', tenant, id).token).not.toBe(newOpaqueToken('rt', tenant, id).token);
  });

  it('refuse another kind, a non-uuid tenant, a short secret, extra text and non-strings', () => {
    const { token } = newOpaqueToken('inv', randomUUID(), randomUUID());
    expect(parseOpaqueToken('rt', token)).toBeNull();
    expect(parseOpaqueToken('inv', `${token}x`)).toBeNull();
    expect(parseOpaqueToken('inv', token.replace(/^inv_[^.]+/, 'inv_tenant'))).toBeNull();
    expect(parseOpaqueToken('inv', token.slice(0, -2))).toBeNull();
    expect(parseOpaqueToken('inv', 42)).toBeNull();
  });
});

describe('recovery codes', () => {
  it('are readable groups from an unambiguous alphabet, with ~74 bits of entropy', () => {
    const codes = Array.from({ length: 200 }, newRecoveryCode);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(code).not.toMatch(/[01ilo]/);
      expect(normalizeRecoveryCode(code)).toMatch(RECOVERY_CODE_PATTERN);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('normalize case, spaces and dashes away', () => {
    expect(normalizeRecoveryCode(' ABCDE fghjk-MNPQR ')).toBe('abcdefghjkmnpqr');
  });
});
