import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import passport from 'passport';
import { AppError, IS_PUBLIC, requestContext } from '@app/observability';
import type { AccessClaims } from '../auth/jwt-tokens.service.js';
import { AuthFailures } from '../auth/auth-failures.js';
import { IdentityError } from '../identity.errors.js';
import { SessionService } from '../sessions/session.service.js';
import { JwtStrategy, type VerifiedAccess } from './jwt.strategy.js';
import type { Principal } from './principal.js';
import { RouteMetadata } from './route-metadata.js';
import { VerifiedTokens } from './verified-tokens.js';

const BEARER = /^bearer (\S+)$/i;

/**
 * Global guard 1 of 2: every route not marked `@Public()` needs a valid access token AND a live
 * session (see SessionService.admit). Then the request context carries tenant and actor, for
 * row-level security and the audit trail downstream.
 *
 * Runs passport with this app's own JwtStrategy instance rather than `AuthGuard('jwt')`, which
 * looks the strategy up by name in passport's process-wide registry: with two api instances in
 * one process (tests) the last one built would authenticate for both.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly verified = new VerifiedTokens();
  private readonly metadata: RouteMetadata;

  constructor(
    reflector: Reflector,
    private readonly strategy: JwtStrategy,
    private readonly sessions: SessionService,
    private readonly failures: AuthFailures,
  ) {
    this.metadata = new RouteMetadata(reflector);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.metadata.get<boolean>(IS_PUBLIC, context)) return true;
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest & { user?: Principal }>();
    const principal = await this.admit(req, http.getResponse<FastifyReply>());
    req.user = principal;
    requestContext.assign({ tenantId: principal.tenantId, actor: { type: 'user', id: principal.userId } });
    return true;
  }

  /** The token's claims and its live session; a refusal is counted by its code (token_expired, session_revoked, ...). */
  private async admit(req: FastifyRequest, res: FastifyReply): Promise<Principal> {
    try {
      return await this.sessions.admit(await this.claims(req, res));
    } catch (err) {
      if (err instanceof AppError || err instanceof IdentityError) this.failures.count('access', err.code);
      throw err;
    }
  }

  /** From memory when passport-jwt verified this very token before; by passport-jwt otherwise. */
  private async claims(req: FastifyRequest, res: FastifyReply): Promise<AccessClaims> {
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    const known = token ? this.verified.get(token) : undefined;
    if (known === 'expired')
      throw new AppError(401, 'token_expired', 'The access token has expired; refresh it');
    if (known) return known;
    const { claims, exp } = await this.authenticate(req, res);
    if (token) this.verified.remember(token, claims, exp);
    return claims;
  }

  private authenticate(req: FastifyRequest, res: FastifyReply): Promise<VerifiedAccess> {
    return new Promise((resolve, reject) => {
      // A fresh object per request: passport attaches this request's success/fail callbacks to it.
      const strategy = Object.create(this.strategy) as passport.Strategy;
      passport.authenticate(
        strategy,
        { session: false },
        (err: unknown, user: VerifiedAccess | false, info: unknown) => {
          if (err) return reject(err);
          if (user) return resolve(user);
          const expired = (info as { name?: string } | undefined)?.name === 'TokenExpiredError';
          reject(
            expired
              ? new AppError(401, 'token_expired', 'The access token has expired; refresh it')
              : new AppError(401, 'unauthorized', 'A valid bearer access token is required'),
          );
        },
      )(req, res, (err?: unknown) =>
        reject(err ?? new Error('passport passed the request on unauthenticated')),
      );
    });
  }
}
