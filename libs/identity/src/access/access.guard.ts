import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import passport from 'passport';
import { requestContext } from '@app/database';
import { AppError, IS_PUBLIC } from '@app/observability';
import { JwtStrategy } from './jwt.strategy.js';
import type { Principal } from './principal.js';

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
  constructor(
    private readonly reflector: Reflector,
    private readonly strategy: JwtStrategy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: Principal }>();
    const principal = await this.authenticate(req, http.getResponse<Response>());
    req.user = principal;
    requestContext.assign({ tenantId: principal.tenantId, actor: { type: 'user', id: principal.userId } });
    return true;
  }

  private authenticate(req: Request, res: Response): Promise<Principal> {
    return new Promise((resolve, reject) => {
      // A fresh object per request: passport attaches this request's success/fail callbacks to it.
      const strategy = Object.create(this.strategy) as passport.Strategy;
      passport.authenticate(
        strategy,
        { session: false },
        (err: unknown, user: Principal | false, info: unknown) => {
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
