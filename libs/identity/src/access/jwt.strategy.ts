import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type ApiConfig } from '@app/config';
import { AppError } from '@app/observability';
import { jwtKey } from '../auth/jwt-key.js';
import type { AccessClaims } from '../auth/jwt-tokens.service.js';
import { ACCESS_AUDIENCE, JWT_ISSUER } from '../identity.constants.js';
import { SessionService } from '../sessions/session.service.js';
import type { Principal } from './principal.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** passport-jwt: signature, expiry, audience and issuer of the bearer token; then the live session check. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: Pick<ApiConfig, 'JWT_SECRET'>,
    private readonly sessions: SessionService,
  ) {
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

  async validate(payload: Record<string, unknown>): Promise<Principal> {
    const { sub, tid, sid, ver } = payload;
    if (
      typeof sub !== 'string' ||
      typeof tid !== 'string' ||
      typeof sid !== 'string' ||
      typeof ver !== 'number' ||
      !UUID.test(sub) ||
      !UUID.test(tid) ||
      !UUID.test(sid)
    )
      throw new AppError(401, 'unauthorized', 'The access token is not valid');
    const claims: AccessClaims = { sub, tid, sid, ver };
    return this.sessions.admit(claims);
  }
}
