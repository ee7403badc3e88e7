import { Controller, Delete, Get, HttpCode } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowedBeforeMfaEnrollment, Authenticated, CurrentUser } from '../access/decorators.js';
import { permissionsOf } from '../access/permissions.js';
import type { Principal } from '../access/principal.js';
import { UsersService } from '../users/users.service.js';
import { IdParam } from './id-param.js';
import { sessionView } from './views.js';

@ApiTags('me')
@Controller('v1/me')
@AllowedBeforeMfaEnrollment()
export class MeController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user' })
  async me(@CurrentUser() principal: Principal) {
    const user = await this.users.get(principal.userId);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      practiceId: principal.tenantId,
      mfaEnabled: user.mfaEnabled,
      mfaEnrollmentRequired: principal.mfaEnrollmentRequired,
    };
  }

  @Get('permissions')
  @Authenticated()
  @ApiOperation({ summary: "What the caller's role allows (answered from the session, no database read)" })
  permissions(@CurrentUser() principal: Principal) {
    return {
      role: principal.role,
      permissions: permissionsOf(principal.role),
      mfaEnrollmentRequired: principal.mfaEnrollmentRequired,
    };
  }

  @Get('sessions')
  @Authenticated()
  @ApiOperation({ summary: 'My live sessions' })
  async sessions(@CurrentUser() principal: Principal) {
    const sessions = await this.users.listSessions(principal.userId);
    return { data: sessions.map((s) => sessionView(s, principal.sessionId)) };
  }

  @Delete('sessions/:id')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of my sessions' })
  async revokeSession(
    @CurrentUser() principal: Principal,
    @IdParam('id', 'Session') id: string,
  ): Promise<void> {
    await this.users.revokeSessions(principal, principal.userId, id);
  }
}
