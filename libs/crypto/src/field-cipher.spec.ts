import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DecryptionError } from './errors.js';
import { ciphertextKeyId, decryptField, encryptField, type FieldKey } from './field-cipher.js';

const key: FieldKey = { id: randomUUID(), key: randomBytes(32) };
const tenant = randomUUID();
const context = 'contacts.name';
const plaintext = 'Jane Q. Patient';

function expectDecryptionError(fn: () => unknown, reason?: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(DecryptionError);
  if (reason) expect((caught as DecryptionError).reason).toBe(reason);
  expect((caught as Error).message).toBe('Decryption failed');
}

describe('field cipher (AES-256-GCM envelope)', () => {
  it('round-trips text and binary plaintext', () => {
    expect(
      decryptField(key, tenant, context, encryptField(key, tenant, context, plaintext)).toString('utf8'),
    ).toBe(plaintext);
    const bytes = randomBytes(1000);
    expect(decryptField(key, tenant, context, encryptField(key, tenant, context, bytes))).toEqual(bytes);
    expect(decryptField(key, tenant, context, encryptField(key, tenant, context, '')).toString()).toBe('');
  });

  it('lays out version | key id | nonce | tag | ciphertext', () => {
    const blob = encryptField(key, tenant, context, plaintext);
    expect(blob[0]).toBe(0x01);
    expect(blob.subarray(1, 17).toString('hex')).toBe(key.id.replace(/-/g, ''));
    expect(blob.length).toBe(1 + 16 + 12 + 16 + Buffer.byteLength(plaintext));
    expect(blob.includes(Buffer.from(plaintext))).toBe(false);
  });

  it('exposes the key id without any key', () => {
    expect(ciphertextKeyId(encryptField(key, tenant, context, plaintext))).toBe(key.id);
  });

  it('uses a fresh random nonce: the same plaintext encrypts differently each time', () => {
    const a = encryptField(key, tenant, context, plaintext);
    const b = encryptField(key, tenant, context, plaintext);
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(17, 29).equals(b.subarray(17, 29))).toBe(false);
  });

  it('fails when any single byte (header, nonce, tag or body) is flipped', () => {
    const blob = encryptField(key, tenant, context, plaintext);
    for (let i = 0; i < blob.length; i++) {
      const tampered = Buffer.from(blob);
      tampered[i]! ^= 0x01;
      expectDecryptionError(() => decryptField(key, tenant, context, tampered));
    }
  });

  it('fails when truncated or extended', () => {
    const blob = encryptField(key, tenant, context, plaintext);
    expectDecryptionError(() => decryptField(key, tenant, context, blob.subarray(0, blob.length - 1)));
    expectDecryptionError(() => decryptField(key, tenant, context, blob.subarray(0, 20)), 'malformed');
    expectDecryptionError(() => decryptField(key, tenant, context, Buffer.concat([blob, Buffer.of(0)])));
  });

  it('is bound to the tenant: another tenant id (same key) fails', () => {
    const blob = encryptField(key, tenant, context, plaintext);
    expectDecryptionError(() => decryptField(key, randomUUID(), context, blob), 'authentication');
  });

  it('treats tenant ids case-insensitively (Postgres returns lowercase)', () => {
    const blob = encryptField(key, tenant.toUpperCase(), context, plaintext);
    expect(decryptField(key, tenant, context, blob).toString()).toBe(plaintext);
  });

  it('is bound to the column: another context fails', () => {
    const blob = encryptField(key, tenant, context, plaintext);
    expectDecryptionError(() => decryptField(key, tenant, 'contacts.email', blob), 'authentication');
  });

  it('fails with another key, even one claiming the same id', () => {
    const blob = encryptField(key, tenant, context, plaintext);
    expectDecryptionError(
      () => decryptField({ id: key.id, key: randomBytes(32) }, tenant, context, blob),
      'authentication',
    );
    expectDecryptionError(
      () => decryptField({ id: randomUUID(), key: key.key }, tenant, context, blob),
      'unknown_key',
    );
  });

  it('never echoes plaintext or key material in the error', () => {
    const blob = encryptField(key, tenant, context, plaintext);
    try {
      decryptField(key, randomUUID(), context, blob);
    } catch (err) {
      const text = `${(err as Error).message} ${(err as Error).stack}`;
      expect(text).not.toContain(plaintext);
      expect(text).not.toContain(key.key.toString('base64'));
      expect(text).not.toContain(key.key.toString('hex'));
    }
  });

  it('refuses a context that could make the AAD ambiguous, or a non-uuid tenant', () => {
    expect(() => encryptField(key, tenant, 'a|b', plaintext)).toThrow(/context/);
    expect(() => encryptField(key, tenant, '', plaintext)).toThrow(/context/);
    expect(() => encryptField(key, 'not-a-tenant', context, plaintext)).toThrow(/tenant/);
  });
});
