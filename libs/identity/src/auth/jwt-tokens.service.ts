import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { IdentityError, IdentityErrorCode } from '../identity.errors.js';
import { ACCESS_AUDIENCE, IDENTITY_POLICY, JWT_ISSUER, MFA_AUDIENCE } from '../identity.constants.js';

/** Claims of a staff access token. */
export interface AccessClaims {
  sub: string;
  tid: string;
  sid: string;
  ver: number;
}

/** Claims of the short-lived token between the password step and the MFA step. */
export interface MfaClaims {
  sub: string;
  tid: string;
  ver: number;
}

/**
 * Signs access and MFA-step JWTs with JWT_SECRET (HS256). The two differ by audience, so one
 * can never be used as the other. Access tokens are verified by the passport strategy.
 */
@Injectable()
export class JwtTokens {
  constructor(private readonly jwt: JwtService) {}

  signAccess(claims: AccessClaims): string {
    return this.jwt.sign(claims, {
      // Unique per token, so two tokens issued in the same second are still told apart.
      jwtid: randomUUID(),
      audience: ACCESS_AUDIENCE,
      issuer: JWT_ISSUER,
      expiresIn: IDENTITY_POLICY.accessTokenSeconds,
    });
  }

  signMfa(claims: MfaClaims): string {
    return this.jwt.sign(claims, {
      audience: MFA_AUDIENCE,
      issuer: JWT_ISSUER,
      expiresIn: IDENTITY_POLICY.mfaTokenSeconds,
    });
  }

  verifyMfa(token: string): MfaClaims {
    try {
      const claims = this.jwt.verify<MfaClaims & { aud: string }>(token, {
        audience: MFA_AUDIENCE,
        issuer: JWT_ISSUER,
        algorithms: ['HS256'],
      });
      if (typeof claims.sub !== 'string' || typeof claims.tid !== 'string' || typeof claims.ver !== 'number')
        throw new Error('claims');
      return { sub: claims.sub, tid: claims.tid, ver: claims.ver };
    } catch {
      throw new IdentityError(
        IdentityErrorCode.InvalidMfaToken,
        'The MFA step has expired or is not valid; sign in again',
      );
    }
  }
}
