import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  ApiContentResponse,
  ApiErrors,
  ApiZodBody,
  ApiZodResponse,
  Public,
  ValidBody,
} from '@app/observability';
import { Authenticated, AuthRateLimited, CurrentUser } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { AuthService } from '../auth/auth.service.js';
import { PasswordResetService } from '../recovery/password-reset.service.js';
import { IDENTITY_POLICY } from '../identity.constants.js';
import { SessionService } from '../sessions/session.service.js';
import { InviteService } from '../users/invites.js';
import {
  inviteAcceptedSchema,
  loginResultSchema,
  mfaEnabledSchema,
  mfaSetupSchema,
  recoveryCodesSchema,
  signupResultSchema,
  tokenPairSchema,
} from './auth.responses.js';
import {
  acceptInviteSchema,
  forgotPasswordSchema,
  loginSchema,
  mfaEnableSchema,
  mfaStepSchema,
  recoveryCodesSchema as recoveryCodesBodySchema,
  refreshSchema,
  resetPasswordSchema,
  signupSchema,
} from './schemas.js';

type Answer<S extends z.ZodType> = Promise<z.output<S>>;

const { limit, windowMs } = IDENTITY_POLICY.authRateLimit;
/** The lockout answer; its `Retry-After` header (seconds) is also in `details.retryAfterSeconds`. */
const LOCKED = ApiContentResponse(423, {
  description: `account_locked: ${IDENTITY_POLICY.lockoutThreshold} failed attempts lock the account for ${IDENTITY_POLICY.lockoutMs / 60_000} minutes; the Retry-After header says how many seconds are left`,
});

@ApiTags('auth')
@Controller('v1/auth')
@AuthRateLimited()
@ApiResponse({
  status: 429,
  description: `rate_limited: more than ${limit} requests per ${windowMs / 1000} s from one client address to one route; the Retry-After header says how many seconds to wait`,
})
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly invites: InviteService,
    private readonly resets: PasswordResetService,
  ) {}

  @Post('signup')
  @Public()
  @ApiOperation({
    summary: 'Create a practice and its owner (only when ALLOW_SIGNUP=true)',
    description:
      'An email that already has an account gets the same 201 (with ids that name nothing) and nothing is created: signup does not tell strangers which emails have accounts.',
  })
  @ApiZodBody(signupSchema)
  @ApiZodResponse(201, signupResultSchema, { description: 'The practice and its owner (sign in next)' })
  @ApiErrors({ 403: ['signup_disabled'] })
  signup(@ValidBody(signupSchema) body: z.infer<typeof signupSchema>): Answer<typeof signupResultSchema> {
    return this.auth.signup(body);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Password step: a token pair, or {mfaRequired, mfaToken} when the account has MFA',
    description:
      'An unknown email, a wrong password and a deactivated account all answer 401 invalid_credentials; a locked account answers 423 only to the right password.',
  })
  @ApiZodBody(loginSchema)
  @ApiZodResponse(200, loginResultSchema, { description: 'Signed in, or the MFA step follows' })
  @ApiErrors({ 401: ['invalid_credentials'], 423: ['account_locked'] })
  @LOCKED
  login(@ValidBody(loginSchema) body: z.infer<typeof loginSchema>): Answer<typeof loginResultSchema> {
    return this.auth.login(body);
  }

  @Post('mfa')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'MFA step: a TOTP code (single use) or a recovery code (single use)' })
  @ApiZodBody(mfaStepSchema)
  @ApiZodResponse(200, tokenPairSchema, { description: 'Signed in' })
  @ApiErrors({ 401: ['invalid_mfa_code', 'invalid_mfa_token'], 423: ['account_locked'] })
  @LOCKED
  mfa(@ValidBody(mfaStepSchema) body: z.infer<typeof mfaStepSchema>): Answer<typeof tokenPairSchema> {
    return this.auth.completeMfa(body);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate the refresh token; reusing a spent one ends the session' })
  @ApiZodBody(refreshSchema)
  @ApiZodResponse(200, tokenPairSchema, { description: 'A new pair (the refresh token sent is now spent)' })
  @ApiErrors({
    401: ['invalid_refresh_token', 'refresh_token_reused', 'session_expired', 'session_revoked'],
  })
  refresh(@ValidBody(refreshSchema) body: z.infer<typeof refreshSchema>): Answer<typeof tokenPairSchema> {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @Authenticated({ beforeMfaEnrollment: true })
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session' })
  @ApiContentResponse(204, { description: 'The session is over; its tokens no longer work' })
  async logout(@CurrentUser() user: Principal): Promise<void> {
    await this.auth.logout(user);
  }

  @Post('mfa/setup')
  @Authenticated({ beforeMfaEnrollment: true })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start TOTP enrolment',
    description:
      'A new secret each call (the previous pending one is replaced); POST /v1/auth/mfa/enable finishes.',
  })
  @ApiZodResponse(200, mfaSetupSchema, { description: 'The secret to put in an authenticator app' })
  @ApiErrors({ 409: ['mfa_already_enabled'] })
  mfaSetup(@CurrentUser() user: Principal): Answer<typeof mfaSetupSchema> {
    return this.auth.mfaSetup(user);
  }

  @Post('mfa/enable')
  @Authenticated({ beforeMfaEnrollment: true })
  @HttpCode(200)
  @ApiOperation({
    summary: 'Finish enrolment: recovery codes and a token pair for a session that passed MFA',
    description: 'The session that called is ended; use the new pair from now on.',
  })
  @ApiZodBody(mfaEnableSchema)
  @ApiZodResponse(200, mfaEnabledSchema, { description: 'MFA is on' })
  @ApiErrors({ 409: ['mfa_already_enabled', 'mfa_setup_required'], 422: ['invalid_mfa_code'] })
  mfaEnable(
    @CurrentUser() user: Principal,
    @ValidBody(mfaEnableSchema) body: z.infer<typeof mfaEnableSchema>,
  ): Answer<typeof mfaEnabledSchema> {
    return this.auth.mfaEnable(user, body.code);
  }

  @Post('invites/accept')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set the password of an invited user with the invitation token',
    description:
      '400 invalid_invite: unknown, used or expired token; 410 invite_revoked: withdrawn because the account changed since (ask for a new one).',
  })
  @ApiZodBody(acceptInviteSchema)
  @ApiZodResponse(200, inviteAcceptedSchema, { description: 'The password is set; the user can sign in' })
  @ApiErrors({ 400: ['invalid_invite'], 410: ['invite_revoked'] })
  acceptInvite(
    @ValidBody(acceptInviteSchema) body: z.infer<typeof acceptInviteSchema>,
  ): Answer<typeof inviteAcceptedSchema> {
    return this.invites.accept(body.token, body.password);
  }

  @Post('password/forgot')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Email a password-reset link (single use, 30 minutes) to a staff account',
    description:
      'Always 202 with no body, in the same time, whether or not the email has an account (nothing is sent for an unknown, inactive or invited account, nor past 3 links per account per hour). ' +
      'The link carries the token in its fragment: `<PUBLIC_BASE_URL>/reset-password#token=...`. A newer request revokes the earlier links.',
  })
  @ApiZodBody(forgotPasswordSchema)
  @ApiContentResponse(202, { description: 'Accepted: a link is emailed if the address has an account' })
  async forgotPassword(
    @ValidBody(forgotPasswordSchema) body: z.infer<typeof forgotPasswordSchema>,
  ): Promise<void> {
    await this.resets.forgot(body.email);
  }

  @Post('password/reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set a new password with the emailed reset token; every session of the user ends',
    description:
      '400 invalid_reset_token: unknown, used, replaced by a newer link, or expired. MFA is unchanged: an enrolled user still needs their second factor to sign in.',
  })
  @ApiZodBody(resetPasswordSchema)
  @ApiContentResponse(204, { description: 'The password is changed; sign in with it' })
  @ApiErrors({ 400: ['invalid_reset_token'] })
  async resetPassword(
    @ValidBody(resetPasswordSchema) body: z.infer<typeof resetPasswordSchema>,
  ): Promise<void> {
    await this.resets.reset(body.token, body.password);
  }

  @Post('mfa/recovery-codes')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'New recovery codes, confirmed with a current authenticator code; the old ones stop working',
    description:
      'A wrong code counts towards the lockout like one at the MFA step (422 invalid_mfa_code; 423 once locked).',
  })
  @ApiZodBody(recoveryCodesBodySchema)
  @ApiZodResponse(200, recoveryCodesSchema, { description: 'The new codes (shown once)' })
  @ApiErrors({ 409: ['mfa_not_enabled'], 422: ['invalid_mfa_code'], 423: ['account_locked'] })
  @LOCKED
  regenerateRecoveryCodes(
    @CurrentUser() user: Principal,
    @ValidBody(recoveryCodesBodySchema) body: z.infer<typeof recoveryCodesBodySchema>,
  ): Answer<typeof recoveryCodesSchema> {
    return this.auth.regenerateRecoveryCodes(user, body.code);
  }
}
