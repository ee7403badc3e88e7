import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { SERVED_CONTENT_TYPES } from '@app/conversations';
import { jsonSchemaOf } from '@app/observability';
import { CSRF_COOKIE, SESSION_COOKIE } from '../portal-sessions.js';

/**
 * How the patient pages are written into the OpenAPI document: HTML answers (every status a
 * page can have, with the headers that matter), form posts, 303 redirects and the cookies.
 * Public routes: no bearer token; a form post proves its origin with the CSRF pair (the
 * `portal_csrf` cookie and the `csrf` field made from it), a secure thread with the session cookie.
 */

/** Spread into each page's ApiOperation: no bearer token (an empty security requirement, stated). */
export const PUBLIC_PAGE = { security: [] };

type HeaderObject = { description: string; schema: Record<string, unknown> };

const HTML_HEADERS: Record<string, HeaderObject> = {
  'Content-Security-Policy': {
    description:
      "default-src 'none' with a per-response style nonce: no script, no framing, forms post to self",
    schema: { type: 'string' },
  },
  'Cache-Control': {
    description: 'no-store: pages hold PHI and the token is in the URL',
    schema: { type: 'string' },
  },
  'Referrer-Policy': { description: 'no-referrer', schema: { type: 'string' } },
};

const CSRF_SET_COOKIE: HeaderObject = {
  description:
    `\`${CSRF_COOKIE}\` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: ` +
    'the value the forms on the page are signed with',
  schema: { type: 'string' },
};

/** The one body of every patient page: an HTML document without scripts. */
const HTML = { schema: { type: 'string', description: 'An HTML document (no JavaScript)' } };

/** A page answered with `status`; `example` an abridged body. */
export function ApiPage(
  status: number,
  description: string,
  options: { headers?: Record<string, HeaderObject>; example?: string } = {},
): MethodDecorator {
  return ApiResponse({
    status,
    description,
    headers: { ...HTML_HEADERS, 'Set-Cookie': CSRF_SET_COOKIE, ...options.headers },
    content: { 'text/html': options.example === undefined ? HTML : { ...HTML, example: options.example } },
  });
}

/** The neutral page: unknown, expired, retracted and answered links all look the same. */
export const ApiNeutralPage = (): MethodDecorator =>
  ApiPage(404, 'The neutral "link not available" page: unknown, expired or no longer valid link', {
    example:
      '<!doctype html><html lang="en"><head><title>Link not available</title>…</head><body><main>' +
      '<h1>This link is not available</h1><div class="card"><p>The link may have expired or is no longer valid. …' +
      '</p></div></main></body></html>',
  });

/**
 * What every form post may answer before it reads its fields (PageResponder.csrfChecked, the
 * rate limits); `forbidden` when the route has another reason for a 403 page.
 */
export const ApiFormGuards = (
  forbidden = 'The CSRF pair is missing or does not match ("This form expired" page); nothing was done',
): MethodDecorator =>
  applyDecorators(
    ApiPage(403, forbidden),
    ApiPage(429, 'Too many form posts from this address or to this link; nothing was done', {
      headers: { 'Retry-After': { description: 'Seconds to wait (900)', schema: { type: 'integer' } } },
    }),
  );

/** A 303 See Other to the page named, with what it sets. */
export function ApiSeeOther(description: string, location: string, setCookie?: string): MethodDecorator {
  return ApiResponse({
    status: 303,
    description,
    headers: {
      Location: { description: location, schema: { type: 'string' } },
      ...(setCookie ? { 'Set-Cookie': { description: setCookie, schema: { type: 'string' } } } : {}),
    },
  });
}

/** The CSRF field every form carries: HMAC of the `portal_csrf` cookie, rendered into the page's forms. */
export const csrfField = z.string().meta({
  description: `The form token rendered into the page's forms (it only works with the ${CSRF_COOKIE} cookie it was made for)`,
});

/** A form post body (`application/x-www-form-urlencoded`, what the pages' forms send). */
export function ApiFormBody(schema: z.ZodObject): MethodDecorator {
  return applyDecorators(
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiBody({ schema: jsonSchemaOf(schema, 'input') as never }),
  );
}

/** The link token path parameter. */
export function ApiLinkToken(what: string): MethodDecorator & ClassDecorator {
  return ApiParam({
    name: 'token',
    description: `The ${what} token from the link the patient received (an unknown one answers the neutral page)`,
    schema: { type: 'string' },
  });
}

/** A cookie a request may carry (ApiParam writes `in: path` unless told otherwise). */
const cookieParam = (name: string, description: string) =>
  ApiParam({ name, in: 'cookie', required: false, description, schema: { type: 'string' } } as never);

/** The cookies a request to a patient page may carry (OpenAPI cookie parameters). */
export function ApiPortalCookies(options: { session: boolean }): MethodDecorator & ClassDecorator {
  return applyDecorators(
    cookieParam(CSRF_COOKIE, 'Set by any page; a form post needs it with the matching `csrf` field'),
    ...(options.session
      ? [
          cookieParam(
            SESSION_COOKIE,
            'Set by a successful identity check (path /s/, idle timeout server-side): opens the thread',
          ),
        ]
      : []),
  );
}

/** What an attachment downloads as: a served type (servedContentType), else octet-stream. */
export const ATTACHMENT_MEDIA_TYPES: readonly string[] = [
  ...SERVED_CONTENT_TYPES,
  'application/octet-stream',
];
