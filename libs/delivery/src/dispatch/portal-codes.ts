import { randomInt } from 'node:crypto';
import type { TenantCipher } from '@app/crypto';

/** How long a one-time code (portal or chat) is accepted after the worker sends it. */
export const PORTAL_CODE_MINUTES = 10;

/** The system templates that carry a one-time code minted by the worker (a `portal_codes` row). */
export const ONE_TIME_CODE_TEMPLATES = ['portal_code', 'chat_code'] as const;
export type OneTimeCodeTemplate = (typeof ONE_TIME_CODE_TEMPLATES)[number];

export const carriesOneTimeCode = (template: string | null): template is OneTimeCodeTemplate =>
  (ONE_TIME_CODE_TEMPLATES as readonly string[]).includes(template ?? '');

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

/** A chat session's code, bound to the session (its own prefix: never valid for a link). */
export function chatCodeHash(cipher: TenantCipher, sessionId: string, code: string): Buffer {
  return portalCodeHash(cipher, `chat_session:${sessionId}`, code);
}

/** The hash of a code row, whichever it belongs to (a secure link or a chat session). */
export function oneTimeCodeHash(
  cipher: TenantCipher,
  row: { link_id: string | null; chat_session_id: string | null },
  code: string,
): Buffer {
  return row.link_id
    ? portalCodeHash(cipher, row.link_id, code)
    : chatCodeHash(cipher, row.chat_session_id!, code);
}
