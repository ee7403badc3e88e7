import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type ApiConfig, APP_CONFIG } from '@app/config';
import { REDIS, type RedisClient, RedisKeys } from '@app/redis';

/** Idle timeout of a verified patient session: every request slides it. */
export const PORTAL_IDLE_SECONDS = 15 * 60;

export const SESSION_COOKIE = 'portal_session';
export const CSRF_COOKIE = 'portal_csrf';

export interface PortalSession {
  tenantId: string;
  linkId: string;
  contactId: string;
}

/**
 * Verified patient sessions, in Redis under the SHA-256 of a random id (the cookie holds the id,
 * Redis never does): ids only, no PHI. The key's TTL is the idle timeout, renewed on each use.
 */
@Injectable()
export class PortalSessions {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async create(session: PortalSession): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await this.redis.set(this.key(id), JSON.stringify(session), 'EX', PORTAL_IDLE_SECONDS);
    return id;
  }

  /** The session if it is alive (and then kept alive for another idle period). */
  async touch(id: string | undefined): Promise<PortalSession | null> {
    if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
    const key = this.key(id);
    const [[, raw]] = (await this.redis.multi().get(key).expire(key, PORTAL_IDLE_SECONDS, 'XX').exec()) as [
      [Error | null, string | null],
    ];
    return raw ? (JSON.parse(raw) as PortalSession) : null;
  }

  async end(id: string | undefined): Promise<void> {
    if (id) await this.redis.del(this.key(id));
  }

  private key(id: string): string {
    return this.keys.key('portal-session', createHash('sha256').update(id).digest('hex'));
  }
}

/**
 * CSRF for every patient form: a signed double-submit token. The browser holds a random value in
 * an HttpOnly SameSite=Strict cookie; each form carries HMAC(server key, that value). A post from
 * another site has neither the cookie (SameSite) nor a way to compute the field.
 */
@Injectable()
export class CsrfTokens {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: Pick<ApiConfig, 'JWT_SECRET'>) {
    this.key = createHmac('sha256', config.JWT_SECRET).update('portal-csrf-v1').digest();
  }

  newCookieValue(): string {
    return randomBytes(32).toString('base64url');
  }

  formToken(cookieValue: string): string {
    return createHmac('sha256', this.key).update(cookieValue).digest('base64url');
  }

  valid(cookieValue: string | undefined, formToken: unknown): boolean {
    if (!cookieValue || typeof formToken !== 'string') return false;
    const expected = Buffer.from(this.formToken(cookieValue));
    const given = Buffer.from(formToken);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
