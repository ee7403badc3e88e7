import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CookieSerializeOptions } from '@fastify/cookie'; // and with it reply.setCookie
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { CSRF_COOKIE, CsrfTokens, SESSION_COOKIE } from '../portal-sessions.js';
import { errorPage, type PageFrame } from '../pages.js';

/** Everything but inline <style nonce>: no scripts, nothing from another origin, no framing. */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function readCookie(req: FastifyRequest, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || undefined;
  }
  return undefined;
}

/**
 * The HTTP side of every patient page: security headers (strict CSP with a per-response nonce,
 * no-store, no referrer: the token is in the URL), the CSRF cookie, the session cookie flags.
 */
@Injectable()
export class PageResponder {
  private readonly secure: boolean;

  constructor(
    private readonly csrf: CsrfTokens,
    @Inject(APP_CONFIG) config: Pick<CoreConfig, 'PUBLIC_BASE_URL'>,
  ) {
    this.secure = config.PUBLIC_BASE_URL.startsWith('https://');
  }

  /** Headers for a page about to be rendered; returns its frame and the form CSRF token. */
  prepare(req: FastifyRequest, res: FastifyReply): { nonce: string; csrf: string } {
    const nonce = randomBytes(16).toString('base64');
    res.header('Content-Security-Policy', contentSecurityPolicy(nonce));
    res.header('Cache-Control', 'no-store');
    res.header('Pragma', 'no-cache');
    res.header('Referrer-Policy', 'no-referrer');
    res.header('X-Frame-Options', 'DENY');
    let cookie = readCookie(req, CSRF_COOKIE);
    if (!cookie || !/^[A-Za-z0-9_-]{43}$/.test(cookie)) {
      cookie = this.csrf.newCookieValue();
      this.setCookie(res, CSRF_COOKIE, cookie, '/', null);
    }
    return { nonce, csrf: this.csrf.formToken(cookie) };
  }

  send(res: FastifyReply, status: number, html: string): void {
    res.status(status).type('text/html; charset=utf-8').send(html);
  }

  render(
    req: FastifyRequest,
    res: FastifyReply,
    status: number,
    page: (frame: PageFrame & { csrf: string }) => string,
    branding: PageFrame['branding'],
  ): void {
    const { nonce, csrf } = this.prepare(req, res);
    this.send(res, status, page({ nonce, branding, csrf }));
  }

  /** False after answering 403: the form post carries no valid CSRF token (every form post checks). */
  csrfChecked(req: FastifyRequest, res: FastifyReply): boolean {
    if (
      this.csrf.valid(readCookie(req, CSRF_COOKIE), (req.body as Record<string, unknown> | undefined)?.csrf)
    )
      return true;
    const text = 'This form expired. Go back, reload the page and try again.';
    this.render(req, res, 403, (f) => errorPage(f, 'Please try again', text), null);
    return false;
  }

  /** 429, for any of the portal's rate limits. */
  tooMany(req: FastifyRequest, res: FastifyReply): void {
    res.header('Retry-After', '900');
    const text = 'Please wait a few minutes and try again.';
    this.render(req, res, 429, (f) => errorPage(f, 'Too many attempts', text), null);
  }

  startSession(res: FastifyReply, id: string): void {
    // A browser-session cookie: the idle timeout is enforced server-side (the Redis TTL).
    this.setCookie(res, SESSION_COOKIE, id, '/s/', null);
  }

  endSession(res: FastifyReply): void {
    this.setCookie(res, SESSION_COOKIE, '', '/s/', 0);
  }

  private setCookie(
    res: FastifyReply,
    name: string,
    value: string,
    path: string,
    maxAgeSeconds: number | null,
  ): void {
    const options: CookieSerializeOptions = {
      httpOnly: true,
      secure: this.secure,
      sameSite: 'strict',
      path,
      ...(maxAgeSeconds === null
        ? {}
        : { maxAge: maxAgeSeconds, expires: new Date(Date.now() + maxAgeSeconds * 1000) }),
    };
    res.setCookie(name, value, options);
  }
}
