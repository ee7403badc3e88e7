import { Controller, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AuthRateLimited, IDENTITY_POLICY } from '@app/identity';
import { ApiZodResponse, errorBodySchema, hasMediaType, jsonSchemaOf, Public } from '@app/observability';
import { ClientCredentials, type TokenResponse } from '../clients/client-credentials.js';
import { TOKEN_LIMITS } from '../clients/token-limits.js';
import { FhirError, FhirErrorCode as E } from '../fhir.errors.js';
import { OAuthErrorFilter } from './oauth-error.filter.js';

const tokenForm = z.object({
  grant_type: z.string().max(100),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(200).optional(),
  scope: z.string().max(500).optional(),
});

const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().meta({ description: 'Seconds' }),
  scope: z.string(),
});

const oauthError = (codes: string[]) => ({
  type: 'object',
  required: ['error', 'error_description'],
  additionalProperties: false,
  properties: { error: { type: 'string', enum: codes }, error_description: { type: 'string' } },
});

const perAddress = IDENTITY_POLICY.authRateLimit;

const malformed = () => new FhirError(E.InvalidRequest, 'The token request is malformed');

/** `Authorization: Basic base64(client_id:client_secret)`, each form-urlencoded first (RFC 6749 2.3.1). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const encoded = /^basic ([A-Za-z0-9+/=]+)$/i.exec(header ?? '')?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replaceAll('+', ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replaceAll('+', ' ')),
    };
  } catch {
    return null;
  }
}

/** OAuth 2.0 token endpoint of the FHIR API: client credentials only. */
@ApiTags('interoperability')
@Controller('oauth')
@UseFilters(OAuthErrorFilter)
export class OAuthController {
  constructor(private readonly credentials: ClientCredentials) {}

  @Post('token')
  @Public()
  @AuthRateLimited()
  @HttpCode(200)
  @ApiOperation({
    summary: 'An access token for an API client (OAuth 2.0 client credentials)',
    description:
      'Form-encoded `grant_type=client_credentials`, the client authenticated with `client_id` and ' +
      '`client_secret` in the body or HTTP Basic, optional `scope` (within the client’s; default: all of it). ' +
      'Errors are OAuth’s: 400 invalid_request, unsupported_grant_type, invalid_scope; 401 invalid_client (the ' +
      'same answer for an unknown, revoked or malformed client id and a wrong secret). Rate limited: more than ' +
      `${perAddress.limit} requests per ${perAddress.windowMs / 1000} s from one client address, or ` +
      `${TOKEN_LIMITS.perClient.limit} per ${TOKEN_LIMITS.perClient.windowSeconds} s for one client id from any ` +
      'address (counted whether or not the id exists), answer 429 `rate_limited` in the API’s error body with ' +
      'Retry-After (seconds).',
  })
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: jsonSchemaOf(tokenForm, 'input') as never })
  @ApiZodResponse(200, tokenResponseSchema, {
    description: 'The token',
    example: { access_token: 'at_…', token_type: 'Bearer', expires_in: 300, scope: 'system/*.read' },
  })
  @ApiResponse({
    status: 400,
    description: 'A malformed request, another grant type or a scope outside the client’s',
    content: {
      'application/json': {
        schema: {
          anyOf: [
            oauthError(['invalid_request', 'unsupported_grant_type', 'invalid_scope']),
            errorBodySchema(['bad_request', 'validation_failed']),
          ],
        },
      },
    },
  })
  @ApiResponse({
    status: 401,
    description: 'Unknown client, wrong secret or revoked client',
    content: { 'application/json': { schema: oauthError(['invalid_client']) } },
  })
  token(@Req() req: FastifyRequest): Promise<TokenResponse> {
    if (!hasMediaType(req, 'application/x-www-form-urlencoded')) throw malformed();
    const form = tokenForm.safeParse(req.body);
    if (!form.success) throw malformed();
    if (form.data.grant_type !== 'client_credentials')
      throw new FhirError(E.UnsupportedGrantType, 'Only grant_type=client_credentials is supported');
    const basic = basicCredentials(req.headers.authorization);
    const id = basic?.id ?? form.data.client_id;
    const secret = basic?.secret ?? form.data.client_secret;
    if (!id || !secret) throw new FhirError(E.InvalidClient, 'Client authentication failed');
    return this.credentials.issue({ clientId: id, clientSecret: secret, scope: form.data.scope });
  }
}
