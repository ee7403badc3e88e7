import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UnknownMasterKeyError } from './errors.js';
import {
  generateKey,
  KeyUnwrapError,
  MasterKeyRing,
  masterKeyId,
  toMasterKey,
  unwrapKey,
  wrapKey,
} from './key-wrap.js';

const b64 = () => randomBytes(32).toString('base64');
const binding = { tenantId: randomUUID(), keyId: randomUUID(), purpose: 'data' as const };

describe('key wrapping', () => {
  const master = toMasterKey(b64());

  it('unwraps what it wrapped, and the wrapped form does not contain the key', () => {
    const key = generateKey();
    const wrapped = wrapKey(master, binding, key);
    expect(wrapped.includes(key)).toBe(false);
    expect(unwrapKey(master, binding, wrapped)).toEqual(key);
  });

  it('is bound to tenant, key id and purpose', () => {
    const wrapped = wrapKey(master, binding, generateKey());
    expect(() => unwrapKey(master, { ...binding, tenantId: randomUUID() }, wrapped)).toThrow(KeyUnwrapError);
    expect(() => unwrapKey(master, { ...binding, keyId: randomUUID() }, wrapped)).toThrow(KeyUnwrapError);
    expect(() => unwrapKey(master, { ...binding, purpose: 'index' }, wrapped)).toThrow(KeyUnwrapError);
  });

  it('fails with another master key or a tampered byte', () => {
    const wrapped = wrapKey(master, binding, generateKey());
    expect(() => unwrapKey(toMasterKey(b64()), binding, wrapped)).toThrow(KeyUnwrapError);
    const tampered = Buffer.from(wrapped);
    tampered[20]! ^= 0x80;
    expect(() => unwrapKey(master, binding, tampered)).toThrow(KeyUnwrapError);
  });

  it('derives a short, stable master key id that is not the key', () => {
    const key = randomBytes(32);
    expect(masterKeyId(key)).toBe(masterKeyId(Buffer.from(key)));
    expect(masterKeyId(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(key.toString('hex')).not.toContain(masterKeyId(key));
    expect(masterKeyId(randomBytes(32))).not.toBe(masterKeyId(key));
  });

  it('finds current and previous master keys by id and names a missing one', () => {
    const [current, previous, other] = [b64(), b64(), b64()];
    const ring = new MasterKeyRing(current, [previous]);
    expect(ring.current.id).toBe(toMasterKey(current).id);
    expect(ring.get(toMasterKey(previous).id).key).toEqual(Buffer.from(previous, 'base64'));
    const missing = toMasterKey(other).id;
    expect(() => ring.get(missing)).toThrow(UnknownMasterKeyError);
    expect(() => ring.get(missing)).toThrow(missing);
  });

  it('rejects a master key that is not 32 bytes', () => {
    expect(() => toMasterKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
