import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type ApiConfig } from '@app/config';
import { REDIS, type RedisClient, RedisKeys } from '@app/redis';
import { AccessGuard } from './access/access.guard.js';
import { JwtStrategy } from './access/jwt.strategy.js';
import { PermissionGuard } from './access/permission.guard.js';
import { AuthFailures } from './auth/auth-failures.js';
import { AuthService } from './auth/auth.service.js';
import { jwtKey } from './auth/jwt-key.js';
import { JwtTokens } from './auth/jwt-tokens.service.js';
import { MatchedLatency } from './auth/matched-latency.js';
import { RecoveryCodeRepository } from './auth/recovery-code.repository.js';
import { MfaService } from './auth/mfa.service.js';
import { AuthController } from './http/auth.controller.js';
import { AuthRateLimitGuard } from './http/auth-rate-limit.guard.js';
import { MeController } from './http/me.controller.js';
import { PracticeController } from './http/practice.controller.js';
import { RedisThrottlerStorage } from './http/redis-throttler.storage.js';
import { UsersController } from './http/users.controller.js';
import { AUTH_CLOCK, IDENTITY_POLICY, SystemClock } from './identity.constants.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { PracticeRepository } from './practice/practice.repository.js';
import { BusinessHoursSettings } from './practice/business-hours-settings.js';
import { RetentionSettings } from './practice/retention-settings.js';
import { PracticeSettingsService } from './practice/practice-settings.service.js';
import { SessionCache } from './sessions/session-cache.js';
import { SessionRepository } from './sessions/session.repository.js';
import { SessionService } from './sessions/session.service.js';
import { InviteRepository } from './users/invite.repository.js';
import { InviteService } from './users/invites.js';
import { LoginDirectory } from './users/login-directory.repository.js';
import { UserRepository } from './users/user.repository.js';
import { UsersService } from './users/users.service.js';
import { IDENTITY_ENTITIES } from './identity.entities.js';
import { AccountEmails } from './recovery/account-emails.js';
import { PasswordResetRepository } from './recovery/password-reset.repository.js';
import { PasswordResetService } from './recovery/password-reset.service.js';

/**
 * Practices' staff: users, roles and permissions, sessions (JWT + rotating refresh tokens), MFA,
 * lockout and rate limits. The api registers its three guards globally (see ApiModule):
 * AuthRateLimitGuard, AccessGuard (authentication), PermissionGuard (authorization).
 * Needs the global Config, Database, Redis, Crypto and Audit modules.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: ApiConfig) => ({
        secret: jwtKey(config.JWT_SECRET),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [REDIS, RedisKeys],
      useFactory: (redis: RedisClient, keys: RedisKeys) => ({
        throttlers: [
          {
            name: 'auth',
            limit: IDENTITY_POLICY.authRateLimit.limit,
            ttl: IDENTITY_POLICY.authRateLimit.windowMs,
            blockDuration: IDENTITY_POLICY.authRateLimit.windowMs,
          },
        ],
        storage: new RedisThrottlerStorage(redis, keys),
      }),
    }),
  ],
  controllers: [AuthController, MeController, UsersController, PracticeController],
  providers: [
    { provide: AUTH_CLOCK, useFactory: () => new SystemClock() },
    PasswordHasher,
    MatchedLatency,
    AuthFailures,
    JwtTokens,
    UserRepository,
    LoginDirectory,
    InviteRepository,
    RecoveryCodeRepository,
    SessionRepository,
    SessionCache,
    SessionService,
    PracticeRepository,
    PracticeSettingsService,
    BusinessHoursSettings,
    RetentionSettings,
    MfaService,
    AuthService,
    InviteService,
    UsersService,
    AccountEmails,
    PasswordResetRepository,
    PasswordResetService,
    JwtStrategy,
    AccessGuard,
    PermissionGuard,
    AuthRateLimitGuard,
  ],
  exports: [AccessGuard, PermissionGuard, AuthRateLimitGuard, AUTH_CLOCK, SessionService],
})
export class IdentityModule {}
