import { randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG } from '@app/config';
import { TenantDb } from '@app/database';
import type { FhirConfig } from '../fhir-config.js';
import { FhirError, FhirErrorCode as E } from '../fhir.errors.js';
import { ApiClientRepository } from './api-client.repository.js';
import { newAccessToken, parseAccessToken, parseClientId, sha256 } from './credentials.js';
import { type FhirResourceType, scopeOfTypes, typesOfScope } from './scopes.js';
import { TokenLimits, TokenRefusalLatency } from './token-limits.js';

/** The OAuth token response (RFC 6749 5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/** Who a valid access token speaks for. */
export interface FhirClientPrincipal {
  tenantId: string;
  /** The api_clients row id (the audit actor). */
  clientId: string;
  /** The resource types the token's scope lets it read. */
  types: ReadonlySet<FhirResourceType>;
}

const invalidClient = () => new FhirError(E.InvalidClient, 'Client authentication failed');
const invalidToken = () => new FhirError(E.InvalidToken, 'A valid bearer access token is required');

/**
 * OAuth 2.0 client credentials for the FHIR API (SMART Backend Services' scopes, with a client
 * secret): `issue` checks the client's secret and grants the scope asked for (at most the
 * client's), `verify` admits a bearer token while it is unexpired and its client not revoked.
 *
 * A refusal of the client does not tell whether its id exists: the per-client limit counts the id
 * as presented before any lookup, every refusal is the same `invalid_client`, and one without a
 * live client (malformed, unknown, revoked) waits as long as recent wrong-secret refusals took
 * (`TokenRefusalLatency`, a `MatchedLatency`: those read the client and audit the refusal).
 */
@Injectable()
export class ClientCredentials {
  constructor(
    private readonly db: TenantDb,
    private readonly clients: ApiClientRepository,
    private readonly audit: AuditService,
    private readonly limits: TokenLimits,
    private readonly latency: TokenRefusalLatency,
    @Inject(APP_CONFIG) private readonly config: Pick<FhirConfig, 'FHIR_ACCESS_TOKEN_SECONDS'>,
  ) {}

  async issue(input: { clientId: string; clientSecret: string; scope?: string }): Promise<TokenResponse> {
    const startedAt = this.latency.start();
    const retryAfterSeconds = await this.limits.hit(input.clientId);
    if (retryAfterSeconds !== null)
      throw new FhirError(E.TokenRateLimited, 'Too many token requests for this client; try again shortly', {
        retryAfterSeconds,
      });
    const ids = parseClientId(input.clientId);
    const outcome = ids ? await this.issueFor(ids, input) : ('unknown_client' as const);
    if (outcome === 'unknown_client') {
      this.limits.refused('unknown_client');
      await this.latency.matchTo('api_client_refusal', startedAt);
      throw invalidClient();
    }
    if (outcome === 'wrong_secret') {
      this.limits.refused('wrong_secret');
      this.latency.record('api_client_refusal', startedAt);
      throw invalidClient();
    }
    if (outcome === 'invalid_scope') {
      this.limits.refused('invalid_scope');
      throw new FhirError(E.InvalidScope, "The requested scope is not within the client's scope");
    }
    return outcome;
  }

  private issueFor(
    ids: { tenantId: string; clientId: string },
    input: { clientSecret: string; scope?: string },
  ): Promise<TokenResponse | 'unknown_client' | 'wrong_secret' | 'invalid_scope'> {
    const actor = { type: 'api_client' as const, id: ids.clientId };
    return this.db.forTenant(ids.tenantId, async (tx) => {
      const client = await this.clients.credentials(tx, ids.clientId);
      if (!client) return 'unknown_client' as const;
      if (!timingSafeEqual(sha256(input.clientSecret), client.secretHash)) {
        this.audit.record(tx, {
          action: 'api_client.token_refused',
          outcome: 'denied',
          actor,
          target: { type: 'api_client', id: ids.clientId },
          metadata: { reason: 'wrong_secret' },
        });
        return 'wrong_secret' as const;
      }
      const allowed = typesOfScope(client.scope)!;
      const asked = input.scope === undefined ? allowed : typesOfScope(input.scope);
      if (!asked || [...asked].some((t) => !allowed.has(t))) return 'invalid_scope' as const;
      const scope = scopeOfTypes(asked);
      const tokenId = randomUUID();
      const { token, secretHash } = newAccessToken(ids.tenantId, tokenId);
      const expiresIn = this.config.FHIR_ACCESS_TOKEN_SECONDS;
      await this.clients.issueToken(tx, {
        id: tokenId,
        clientId: ids.clientId,
        tokenHash: secretHash,
        scope,
        expiresAt: new Date(Date.now() + expiresIn * 1000),
      });
      this.audit.record(tx, {
        action: 'api_client.token_issued',
        actor,
        target: { type: 'api_client', id: ids.clientId },
        metadata: { scope, expiresInSeconds: expiresIn },
      });
      return { access_token: token, token_type: 'Bearer' as const, expires_in: expiresIn, scope };
    });
  }

  /** The principal of an `Authorization: Bearer <token>` header; throws InvalidToken otherwise. */
  async verify(authorization: string | undefined): Promise<FhirClientPrincipal> {
    const bearer = /^bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    const parsed = bearer ? parseAccessToken(bearer) : null;
    if (!parsed) throw invalidToken();
    const live = await this.db.forTenant(parsed.tenantId, (tx) =>
      this.clients.liveToken(tx, parsed.tokenId, parsed.secretHash),
    );
    if (!live) throw invalidToken();
    return { tenantId: parsed.tenantId, clientId: live.clientId, types: typesOfScope(live.scope)! };
  }
}
