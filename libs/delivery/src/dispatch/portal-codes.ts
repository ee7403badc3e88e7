import { randomInt } from 'node:crypto';
import type { TenantCipher } from '@app/crypto';

/** How long a portal verification code is accepted after the worker sends it. */
export const PORTAL_CODE_MINUTES = 10;

/** Six random digits (uniform, leading zeros kept). */
export function newPortalCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/**
 * What is stored of a code: a keyed hash (the tenant's blind-index key), bound to its link. A
 * plain SHA-256 of six digits would be reversed in a millisecond by anyone holding the table.
 */
export function portalCodeHash(cipher: TenantCipher, linkId: string, code: string): Buffer {
  return cipher.blindIndex('portal_codes.code', `${linkId}:${code}`);
}
