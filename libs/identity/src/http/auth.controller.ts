import { Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody, Public, ValidBody } from '@app/observability';
import {
  AllowedBeforeMfaEnrollment,
  Authenticated,
  AuthRateLimited,
  CurrentUser,
} from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { AuthService } from '../auth/auth.service.js';
import { SessionService } from '../sessions/session.service.js';
import { InviteService } from '../users/invites.js';
import { RetryAfterInterceptor } from './retry-after.interceptor.js';
import {
  acceptInviteSchema,
  loginSchema,
  mfaEnableSchema,
  mfaStepSchema,
  refreshSchema,
  signupSchema,
} from './schemas.js';

@ApiTags('auth')
@Controller('v1/auth')
@AuthRateLimited()
@AllowedBeforeMfaEnrollment()
@UseInterceptors(RetryAfterInterceptor)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly invites: InviteService,
  ) {}

  @Post('signup')
  @Public()
  @ApiOperation({
    summary:
      'Create a practice and its owner (only when ALLOW_SIGNUP=true); an email that has an account gets the same 201 and nothing is created',
  })
  @ApiZodBody(signupSchema)
  signup(@ValidBody(signupSchema) body: z.infer<typeof signupSchema>) {
    return this.auth.signup(body);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Password step: tokens, or {mfaRequired, mfaToken}; 401 invalid_credentials; 423 account_locked (right password only)',
  })
  @ApiZodBody(loginSchema)
  login(@ValidBody(loginSchema) body: z.infer<typeof loginSchema>) {
    return this.auth.login(body);
  }

  @Post('mfa')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'MFA step: a TOTP code (single use) or a recovery code (single use)' })
  @ApiZodBody(mfaStepSchema)
  mfa(@ValidBody(mfaStepSchema) body: z.infer<typeof mfaStepSchema>) {
    return this.auth.completeMfa(body);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the refresh token; reusing a spent one ends the session' })
  @ApiZodBody(refreshSchema)
  refresh(@ValidBody(refreshSchema) body: z.infer<typeof refreshSchema>) {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session' })
  async logout(@CurrentUser() user: Principal): Promise<void> {
    await this.auth.logout(user);
  }

  @Post('mfa/setup')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: 'Start TOTP enrolment: {secret, otpauthUrl}' })
  mfaSetup(@CurrentUser() user: Principal) {
    return this.auth.mfaSetup(user);
  }

  @Post('mfa/enable')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Finish enrolment: recovery codes and a token pair for a session that passed MFA',
  })
  @ApiZodBody(mfaEnableSchema)
  mfaEnable(
    @CurrentUser() user: Principal,
    @ValidBody(mfaEnableSchema) body: z.infer<typeof mfaEnableSchema>,
  ) {
    return this.auth.mfaEnable(user, body.code);
  }

  @Post('invites/accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Set the password of an invited user with the invitation token' })
  @ApiZodBody(acceptInviteSchema)
  acceptInvite(@ValidBody(acceptInviteSchema) body: z.infer<typeof acceptInviteSchema>) {
    return this.invites.accept(body.token, body.password);
  }
}
