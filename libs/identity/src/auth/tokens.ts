import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SECRET = '[A-Za-z0-9_-]{43}'; // base64url of 32 bytes

/**
 * Opaque bearer secrets of the form `<kind>_<tenantId>.<id>.<secret>`: the tenant and row id say
 * where to look (before any tenant is known), the 256-bit secret proves possession. Only the
 * SHA-256 of the secret is stored.
 */
export interface OpaqueToken {
  tenantId: string;
  id: string;
  secret: string;
}

/** Refresh tokens, invitations, password resets. */
export type OpaqueKind = 'rt' | 'inv' | 'pwr';

export function newOpaqueToken(
  kind: OpaqueKind,
  tenantId: string,
  id: string,
): { token: string; hash: Buffer } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${kind}_${tenantId}.${id}.${secret}`, hash: sha256(secret) };
}

export function parseOpaqueToken(kind: OpaqueKind, token: unknown): OpaqueToken | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const match = new RegExp(`^${kind}_(${UUID})\\.(${UUID})\\.(${SECRET})$`).exec(token);
  if (!match) return null;
  return { tenantId: match[1]!, id: match[2]!, secret: match[3]! };
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i

/** `xxxxx-xxxxx-xxxxx`: 15 symbols of a 31-letter alphabet (~74 bits), easy to read and type. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(15);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]);
  return [chars.slice(0, 5), chars.slice(5, 10), chars.slice(10)].map((g) => g.join('')).join('-');
}

/** Users type codes loosely: case, spaces and dashes do not matter. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

export const RECOVERY_CODE_PATTERN = /^[a-z0-9]{15}$/;
