import { createHash, randomBytes } from 'node:crypto';

/** A patient link token: 256 random bits, base64url; only its SHA-256 is ever stored. */
export interface LinkToken {
  token: string;
  hash: Buffer;
}

export function newLinkToken(): LinkToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Tokens inside a text we sent (to recognise our own message at the provider after a crash). */
export function linkTokensIn(text: string): string[] {
  return [...text.matchAll(/\/[scu]\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g)].map((m) => m[1]!);
}
