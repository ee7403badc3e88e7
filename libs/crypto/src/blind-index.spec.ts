import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindIndexSubkey, computeBlindIndex } from './blind-index.js';

const index = (indexKey: Buffer, field: string, value: string) =>
  computeBlindIndex(blindIndexSubkey(indexKey, field), value);

describe('blind index', () => {
  const tenantA = randomBytes(32);
  const tenantB = randomBytes(32);

  it('is a full 32-byte HMAC, equal for equal normalized input', () => {
    const a = index(tenantA, 'phone', '+15551234567');
    expect(a).toHaveLength(32);
    expect(index(tenantA, 'phone', '+15551234567')).toEqual(a);
    expect(index(tenantA, 'phone', '+15551234568')).not.toEqual(a);
  });

  it("differs across tenants' index keys", () => {
    expect(index(tenantA, 'phone', '+15551234567')).not.toEqual(index(tenantB, 'phone', '+15551234567'));
  });

  it('differs across fields for the same value', () => {
    expect(index(tenantA, 'email', 'same')).not.toEqual(index(tenantA, 'name', 'same'));
  });

  it('does not reveal the value or the raw index key', () => {
    const value = 'jane@example.com';
    const bidx = index(tenantA, 'email', value);
    expect(bidx.includes(Buffer.from(value))).toBe(false);
    expect(blindIndexSubkey(tenantA, 'email')).not.toEqual(tenantA);
  });

  it('refuses odd field names', () => {
    expect(() => blindIndexSubkey(tenantA, 'Phone|x')).toThrow(/field/);
  });
});
