/**
 * Errors of the crypto library. Messages are fixed strings: they never carry plaintext,
 * ciphertext or key material, so they are safe to log and to surface as a 500.
 */

export type DecryptionFailure = 'malformed' | 'unknown_key' | 'authentication';

/** A ciphertext could not be opened: malformed, sealed by a key we do not have, or tampered with. */
export class DecryptionError extends Error {
  constructor(readonly reason: DecryptionFailure) {
    super('Decryption failed');
    this.name = 'DecryptionError';
  }
}

/** The tenant has no active data or index key (keys are created with the practice). */
export class TenantKeysMissingError extends Error {
  constructor() {
    super('Tenant has no active encryption keys');
    this.name = 'TenantKeysMissingError';
  }
}

/**
 * A tenant key is wrapped by a master key this process is not configured with. The id is a
 * one-way HMAC fingerprint of the master key, safe to log, and tells the operator which key is missing.
 */
export class UnknownMasterKeyError extends Error {
  constructor(readonly masterKeyId: string) {
    super(
      `Tenant key is wrapped by master key ${masterKeyId}, which is not configured (MASTER_KEY / MASTER_KEY_PREVIOUS)`,
    );
    this.name = 'UnknownMasterKeyError';
  }
}
