import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContentResponse, ApiErrors, ApiZodBody, ApiZodResponse, ValidBody } from '@app/observability';
import { Authenticated, AuthRateLimited, CurrentUser } from '../access/decorators.js';
import { AuthService } from '../auth/auth.service.js';
import { IDENTITY_POLICY } from '../identity.constants.js';
import { permissionsOf } from '../access/permissions.js';
import type { Principal } from '../access/principal.js';
import type { User } from '../users/user.repository.js';
import { UsersService } from '../users/users.service.js';
import { IdParam } from './id-param.js';
import { availabilitySchema, changePasswordSchema } from './schemas.js';
import { meSchema, myPermissionsSchema, sessionListSchema, sessionView } from './views.js';

function meView(user: User, principal: Principal): z.output<typeof meSchema> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    practiceId: principal.tenantId,
    mfaEnabled: user.mfaEnabled,
    mfaEnrollmentRequired: principal.mfaEnrollmentRequired,
    away: user.away,
  };
}

@ApiTags('me')
@Controller('v1/me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @Authenticated({ beforeMfaEnrollment: true })
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiZodResponse(200, meSchema, { description: 'Who is calling, and whether they must enrol in MFA first' })
  async me(@CurrentUser() principal: Principal): Promise<z.output<typeof meSchema>> {
    return meView(await this.users.get(principal.userId), principal);
  }

  @Put('availability')
  @Authenticated()
  @ApiOperation({
    summary: 'Set whether I take new conversations (away: team round-robin skips me)',
    description:
      'Routing rules that assign to a team pass over away and deactivated members; a rule or a colleague ' +
      'assigning me directly still can. Audited when it changes.',
  })
  @ApiZodBody(availabilitySchema)
  @ApiZodResponse(200, meSchema, { description: 'The signed-in user, as changed' })
  async setAvailability(
    @CurrentUser() principal: Principal,
    @ValidBody(availabilitySchema) body: z.infer<typeof availabilitySchema>,
  ): Promise<z.output<typeof meSchema>> {
    return meView(await this.users.setAvailability(principal, body.away), principal);
  }

  @Get('permissions')
  @Authenticated({ beforeMfaEnrollment: true })
  @ApiOperation({ summary: "What the caller's role allows (answered from the session, no database read)" })
  @ApiZodResponse(200, myPermissionsSchema, { description: 'The role and its permissions' })
  permissions(@CurrentUser() principal: Principal): z.output<typeof myPermissionsSchema> {
    return {
      role: principal.role,
      permissions: permissionsOf(principal.role),
      mfaEnrollmentRequired: principal.mfaEnrollmentRequired,
    };
  }

  @Get('sessions')
  @Authenticated({ beforeMfaEnrollment: true })
  @ApiOperation({ summary: 'My live sessions' })
  @ApiZodResponse(200, sessionListSchema, {
    description: 'Most recently active first; `current` marks this one',
  })
  async sessions(@CurrentUser() principal: Principal): Promise<z.output<typeof sessionListSchema>> {
    const sessions = await this.users.listSessions(principal.userId);
    return { data: sessions.map((s) => sessionView(s, principal.sessionId)) };
  }

  @Delete('sessions/:id')
  @Authenticated({ beforeMfaEnrollment: true })
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of my sessions' })
  @ApiContentResponse(204, { description: 'Ended; its tokens no longer work' })
  async revokeSession(
    @CurrentUser() principal: Principal,
    @IdParam('id', 'Session') id: string,
  ): Promise<void> {
    await this.users.revokeSessions(principal, principal.userId, id);
  }

  @Post('password')
  @Authenticated({ beforeMfaEnrollment: true })
  @AuthRateLimited()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change my password (the current one required); my other sessions end, this one stays',
    description:
      `403 invalid_current_password: a wrong current password, which counts towards the lockout like a wrong password at sign-in (${IDENTITY_POLICY.lockoutThreshold} lock the account: 423 with Retry-After). ` +
      'Rate limited per client address like /v1/auth/*. Emailed reset links stop working.',
  })
  @ApiZodBody(changePasswordSchema)
  @ApiContentResponse(204, { description: 'Changed' })
  @ApiErrors({ 403: ['invalid_current_password'], 423: ['account_locked'] })
  @ApiResponse({
    status: 429,
    description: `rate_limited: more than ${IDENTITY_POLICY.authRateLimit.limit} requests per ${IDENTITY_POLICY.authRateLimit.windowMs / 1000} s from one client address; the Retry-After header says how many seconds to wait`,
  })
  @ApiContentResponse(423, {
    description:
      'account_locked: too many wrong passwords; the Retry-After header says how many seconds are left',
  })
  async changePassword(
    @CurrentUser() principal: Principal,
    @ValidBody(changePasswordSchema) body: z.infer<typeof changePasswordSchema>,
  ): Promise<void> {
    await this.auth.changePassword(principal, body.currentPassword, body.newPassword);
  }
}
