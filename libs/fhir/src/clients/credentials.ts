import { createHash, randomBytes } from 'node:crypto';

/**
 * The credentials' shapes. Each names its practice, so the token endpoint and every FHIR request
 * open that practice's transaction directly (no lookup across practices), and row-level
 * security then decides: a forged practice part finds nothing.
 *
 * - client id: `ac_<practice id hex><client id hex>` (public);
 * - client secret: `acs_<256 random bits, base64url>` (shown once; SHA-256 stored);
 * - access token: `at_<practice id hex><token id hex>.<256 random bits, base64url>` (SHA-256 of
 *   the random part stored).
 */
const CLIENT_ID = /^ac_([0-9a-f]{32})([0-9a-f]{32})$/;
const ACCESS_TOKEN = /^at_([0-9a-f]{32})([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;

const hex = (uuid: string) => uuid.replaceAll('-', '');
const uuidOf = (h: string) =>
  `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function publicClientId(tenantId: string, clientId: string): string {
  return `ac_${hex(tenantId)}${hex(clientId)}`;
}

export function parseClientId(value: string): { tenantId: string; clientId: string } | null {
  const match = CLIENT_ID.exec(value);
  return match ? { tenantId: uuidOf(match[1]!), clientId: uuidOf(match[2]!) } : null;
}

export function newClientSecret(): string {
  return `acs_${randomBytes(32).toString('base64url')}`;
}

export function newAccessToken(tenantId: string, tokenId: string): { token: string; secretHash: Buffer } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `at_${hex(tenantId)}${hex(tokenId)}.${secret}`, secretHash: sha256(secret) };
}

export function parseAccessToken(
  value: string,
): { tenantId: string; tokenId: string; secretHash: Buffer } | null {
  const match = ACCESS_TOKEN.exec(value);
  return match
    ? { tenantId: uuidOf(match[1]!), tokenId: uuidOf(match[2]!), secretHash: sha256(match[3]!) }
    : null;
}
