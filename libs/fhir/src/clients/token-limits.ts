import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Counter } from 'prom-client';
import { MatchedLatency, RedisThrottlerStorage } from '@app/identity';
import { Metrics } from '@app/observability';

/**
 * Token requests per client id, across every address (the per-address limit is the auth routes'
 * `@AuthRateLimited()`): a fixed window with a block of the same length once it is passed.
 */
export const TOKEN_LIMITS = { perClient: { limit: 20, windowSeconds: 60 } } as const;

/** Why a token request was refused, as the `reason` label: fixed words, never a client or an address. */
export type TokenRefusal = 'client_rate_limited' | 'unknown_client' | 'wrong_secret' | 'invalid_scope';

/**
 * The token endpoint's per-client limit, counted on the client id as presented (hashed into the
 * Redis key) before anything is looked up, so a made-up id is limited exactly like a real one and
 * a 429 tells nothing about which ids exist; and the refusals' metric
 * (`inbox_fhir_token_refusals_total{reason}`).
 */
@Injectable()
export class TokenLimits {
  private readonly refusals: Counter<'reason'>;

  constructor(
    private readonly storage: RedisThrottlerStorage,
    metrics: Metrics,
  ) {
    this.refusals = metrics.counter({
      name: 'inbox_fhir_token_refusals_total',
      help: 'Refused FHIR token requests by reason (client_rate_limited, unknown_client, wrong_secret, invalid_scope).',
      labelNames: ['reason'],
    });
  }

  /** Counts one request of `clientId`; the seconds to wait once over the limit, else null. */
  async hit(clientId: string): Promise<number | null> {
    const { limit, windowSeconds } = TOKEN_LIMITS.perClient;
    const digest = createHash('sha256').update(clientId, 'utf8').digest('base64url').slice(0, 32);
    const windowMs = windowSeconds * 1000;
    const result = await this.storage.increment(digest, windowMs, limit, windowMs, 'oauth-client');
    if (!result.isBlocked) return null;
    this.refused('client_rate_limited');
    return Math.max(1, result.timeToBlockExpire);
  }

  refused(reason: TokenRefusal): void {
    this.refusals.inc({ reason });
  }
}

/**
 * The token endpoint's own matched latency (`api_client_refusal`): its own samples, and its own
 * provider, so `MatchedLatency` still names identity's one instance.
 */
@Injectable()
export class TokenRefusalLatency extends MatchedLatency {}
