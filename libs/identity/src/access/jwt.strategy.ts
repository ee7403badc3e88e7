import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type ApiConfig } from '@app/config';
import { AppError } from '@app/observability';
import { jwtKey } from '../auth/jwt-key.js';
import type { AccessClaims } from '../auth/jwt-tokens.service.js';
import { ACCESS_AUDIENCE, JWT_ISSUER } from '../identity.constants.js';
import { isUuid } from '@app/database';

/** What passport-jwt verified: the token's claims and its expiry (seconds since the epoch). */
export interface VerifiedAccess {
  claims: AccessClaims;
  exp: number;
}

/** passport-jwt: signature, expiry, audience and issuer of the bearer token, and the claims' shape. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: Pick<ApiConfig, 'JWT_SECRET'>) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands it to jsonwebtoken unchanged; its typings predate KeyObject secrets.
      secretOrKey: jwtKey(config.JWT_SECRET) as unknown as Buffer,
      algorithms: ['HS256'],
      audience: ACCESS_AUDIENCE,
      issuer: JWT_ISSUER,
      ignoreExpiration: false,
    });
  }

  validate(payload: Record<string, unknown>): VerifiedAccess {
    const { sub, tid, sid, ver, exp } = payload;
    if (
      typeof sub !== 'string' ||
      typeof tid !== 'string' ||
      typeof sid !== 'string' ||
      typeof ver !== 'number' ||
      typeof exp !== 'number' ||
      !isUuid(sub) ||
      !isUuid(tid) ||
      !isUuid(sid)
    )
      throw new AppError(401, 'unauthorized', 'The access token is not valid');
    return { claims: { sub, tid, sid, ver }, exp };
  }
}
