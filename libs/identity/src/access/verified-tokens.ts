import type { AccessClaims } from '../auth/jwt-tokens.service.js';

/** Verified access tokens remembered per api instance; bounded, the oldest forgotten first. */
const CAPACITY = 10_000;

/**
 * Access tokens passport-jwt has verified (signature, audience, issuer), by their exact text,
 * with their expiry. A staff client sends the same token for minutes, and re-verifying it on
 * every request cost more than the rest of authentication. Only the same string is ever
 * recognised, the expiry is still checked on every use, and the live session check
 * (SessionService.admit) still runs on every request.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, { claims: AccessClaims; expiresAtMs: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The claims of a token verified earlier and not expired yet; `expired` once it has. */
  get(token: string): AccessClaims | 'expired' | undefined {
    const known = this.tokens.get(token);
    if (!known) return undefined;
    if (this.now() < known.expiresAtMs) return known.claims;
    this.tokens.delete(token);
    return 'expired';
  }

  remember(token: string, claims: AccessClaims, expiresAtSeconds: number): void {
    if (this.tokens.size >= CAPACITY) this.tokens.delete(this.tokens.keys().next().value!);
    this.tokens.set(token, { claims, expiresAtMs: expiresAtSeconds * 1000 });
  }
}
