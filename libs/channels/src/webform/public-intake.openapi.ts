import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ApiErrors, errorBodySchema } from '@app/observability';

/**
 * OpenAPI declarations shared by the public intake routes (web forms, chat): the CORS rules
 * (`public-cors.ts`) and rate limits (`intake-rate-limiter.ts`) as the server enforces them.
 */

const RETRY_AFTER = {
  description: 'Seconds to wait before trying again',
  schema: { type: 'integer', minimum: 1 },
} as const;

/**
 * A 429 with its Retry-After header. Declared whole here rather than through `ApiErrors`, whose
 * merge writes the error body alone (the header would be dropped): keep these codes out of it.
 */
export function ApiTooManyRequests(codes: readonly string[], description: string): MethodDecorator {
  return ApiResponse({
    status: 429,
    description,
    headers: { 'Retry-After': RETRY_AFTER },
    content: { 'application/json': { schema: errorBodySchema(codes) } },
  });
}

/**
 * The website's `Origin` (browsers send it): it must be one of the channel's allowed origins,
 * else 403 origin_not_allowed. Required on posts and preflights; optional on the session's reads
 * (browsers omit it on same-origin GETs), where a present one must still be allowed.
 */
export function ApiAllowedOrigin(required: boolean): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Origin',
      required,
      description: required
        ? 'One of the channel’s allowed origins'
        : 'When present, one of the channel’s allowed origins',
      schema: { type: 'string', example: 'https://www.example-clinic.com' },
    }),
    ApiErrors({ 403: ['origin_not_allowed'] }),
  );
}

/** The headers of an answer to an allowed origin (see `applyCors`). */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': {
    description: 'The request’s Origin, echoed for an allowed origin only',
    schema: { type: 'string' },
  },
  Vary: { description: '`Origin`', schema: { type: 'string' } },
} as const;

/** A CORS preflight: 204 with the allowed methods and headers for an allowed origin, else 403. */
export function ApiPreflight(methods: string): MethodDecorator {
  return applyDecorators(
    ApiAllowedOrigin(true),
    ApiHeader({
      name: 'Access-Control-Request-Method',
      required: false,
      description: 'The method the browser is about to use',
      schema: { type: 'string', example: methods.split(',')[0] },
    }),
    ApiResponse({
      status: 204,
      description: 'Allowed origin: the browser may send the request',
      headers: {
        ...CORS_HEADERS,
        'Access-Control-Allow-Methods': { description: methods, schema: { type: 'string' } },
        'Access-Control-Allow-Headers': {
          description: 'Content-Type, Authorization, Last-Event-ID',
          schema: { type: 'string' },
        },
        'Access-Control-Max-Age': {
          description: 'Seconds a browser may cache this',
          schema: { type: 'string' },
        },
      },
    }),
  );
}

/**
 * The CORS headers of a success answer to an allowed origin. Nest merges it with the status's
 * `ApiZodResponse` (schema from that one, headers from this one).
 */
export function ApiCorsHeaders(status: number): MethodDecorator {
  return ApiResponse({ status, description: '', headers: CORS_HEADERS });
}
