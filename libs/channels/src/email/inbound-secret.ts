import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secret in an Inbound Parse URL (SendGrid cannot sign those posts). 256 random bits,
 * URL-safe; only its SHA-256 is stored, compared in constant time.
 */
export function newInboundSecret(): { secret: string; hash: Buffer } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashInboundSecret(secret) };
}

export function hashInboundSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export function inboundSecretMatches(candidate: string, storedHash: Buffer | null): boolean {
  if (!storedHash || storedHash.length !== 32 || candidate.length === 0 || candidate.length > 256)
    return false;
  return timingSafeEqual(hashInboundSecret(candidate), storedHash);
}
