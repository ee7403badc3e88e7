import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, rateLimitAddress } from '@app/observability';
import { AUTH_RATE_LIMITED } from '../access/decorators.js';
import { RouteMetadata } from '../access/route-metadata.js';

/**
 * Per client IP and route, on routes marked `@AuthRateLimited()` (the `/v1/auth/*` controller):
 * slows credential stuffing across many accounts, which per-account lockout alone does not.
 */
@Injectable()
export class AuthRateLimitGuard extends ThrottlerGuard {
  /** Made on first use: the base class's constructor takes the reflector. */
  private metadata?: RouteMetadata;

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    this.metadata ??= new RouteMetadata(this.reflector);
    return !this.metadata.get<boolean>(AUTH_RATE_LIMITED, context);
  }

  /** The client address as every per-address limit keys it (an IPv6 client by its /64). */
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return rateLimitAddress((req as unknown as FastifyRequest).ip);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    // The base guard names the header after the throttler (`Retry-After-auth`); clients read the standard one.
    context
      .switchToHttp()
      .getResponse<FastifyReply>()
      .header('Retry-After', String(detail.timeToBlockExpire));
    throw new AppError(429, 'rate_limited', 'Too many requests from this address; try again shortly', {
      retryAfterSeconds: detail.timeToBlockExpire,
    });
  }
}
