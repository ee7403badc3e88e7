import { sendGridErrors } from './sendgrid-api-error.js';

/**
 * Keys that look like SendGrid's (`SG.` prefix) are accepted; `SG.revoked...` simulates a key
 * that was deleted, so callers can test the 401 path with a well-formed key.
 */
export const REVOKED_KEY_PREFIX = 'SG.revoked';

/** Returns the API key of a `Bearer` header, or throws SendGrid's 401. */
export function apiKeyFrom(authorization: string | undefined): string {
  if (!authorization) throw sendGridErrors.missingAuth();
  const key = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (!key || !key.startsWith('SG.') || key.length < 4 || key.startsWith(REVOKED_KEY_PREFIX)) {
    throw sendGridErrors.badKey();
  }
  return key;
}
