import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { CsrfTokens } from '../portal-sessions.js';
import { PageResponder } from './page-response.js';

const SECRET = { JWT_SECRET: 'x'.repeat(32) };

/** Just enough of Fastify's reply to see what a page sets. */
function fakeResponse() {
  const headers: Record<string, string> = {};
  const cookies: Array<{ name: string; options: Record<string, unknown> }> = [];
  const sent: { status?: number } = {};
  const res = {
    header: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    setCookie: (name: string, _value: string, options: Record<string, unknown>) =>
      cookies.push({ name, options }),
    status(code: number) {
      sent.status = code;
      return this;
    },
    type() {
      return this;
    },
    send() {
      return this;
    },
  } as unknown as FastifyReply;
  return { res, headers, cookies, sent };
}

const request = (cookie = '', body: Record<string, unknown> = {}) =>
  ({ headers: cookie ? { cookie } : {}, body }) as unknown as FastifyRequest;

describe('PageResponder', () => {
  it('sends a strict CSP (nonce styles only, no script, no framing), no-store and no referrer', () => {
    const page = new PageResponder(new CsrfTokens(SECRET), { PUBLIC_BASE_URL: 'http://localhost:3000' });
    const { res, headers } = fakeResponse();
    const { nonce } = page.prepare(request(), res);
    expect(headers['content-security-policy']).toBe(
      `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self' data:; form-action 'self'; ` +
        `frame-ancestors 'none'; base-uri 'none'`,
    );
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['referrer-policy']).toBe('no-referrer');
    // A new nonce every response.
    expect(page.prepare(request(), fakeResponse().res).nonce).not.toBe(nonce);
  });

  it('marks cookies Secure when served over HTTPS, always HttpOnly and SameSite=Strict', () => {
    for (const [base, secure] of [
      ['https://inbox.example', true],
      ['http://127.0.0.1:3000', false],
    ] as const) {
      const page = new PageResponder(new CsrfTokens(SECRET), { PUBLIC_BASE_URL: base });
      const { res, cookies } = fakeResponse();
      page.prepare(request(), res);
      page.startSession(res, 'sid');
      expect(cookies.map((c) => c.name)).toEqual(['portal_csrf', 'portal_session']);
      for (const { options } of cookies)
        expect(options).toMatchObject({ httpOnly: true, sameSite: 'strict', secure });
      expect(cookies[1]!.options).toMatchObject({ path: '/s/' });
    }
  });

  it('accepts a form token only with the cookie it was made from', () => {
    const csrf = new CsrfTokens(SECRET);
    const cookie = csrf.newCookieValue();
    const page = new PageResponder(csrf, { PUBLIC_BASE_URL: 'http://x' });
    const checked = (cookieHeader: string, formToken: unknown) => {
      const { res, sent } = fakeResponse();
      const ok = page.csrfChecked(request(cookieHeader, { csrf: formToken }), res);
      // A refusal answers 403 itself; an accepted post sends nothing yet.
      expect(sent.status).toBe(ok ? undefined : 403);
      return ok;
    };
    expect(checked(`portal_csrf=${cookie}`, csrf.formToken(cookie))).toBe(true);
    expect(checked(`portal_csrf=${cookie}`, csrf.formToken(csrf.newCookieValue()))).toBe(false);
    expect(checked('', csrf.formToken(cookie))).toBe(false);
    expect(checked(`portal_csrf=${cookie}`, undefined)).toBe(false);
    // Another server secret does not verify it either.
    expect(new CsrfTokens({ JWT_SECRET: 'y'.repeat(32) }).valid(cookie, csrf.formToken(cookie))).toBe(false);
  });
});
