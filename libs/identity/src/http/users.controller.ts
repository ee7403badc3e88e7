import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiContentResponse, ApiErrors, ApiZodBody, ApiZodResponse, ValidBody } from '@app/observability';
import { CurrentUser, RequirePermission } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { UsersService } from '../users/users.service.js';
import { IdParam } from './id-param.js';
import { createUserSchema, updateUserSchema } from './schemas.js';
import {
  createdUserSchema,
  inviteSchema,
  sessionListSchema,
  sessionView,
  userListSchema,
  userView,
  userViewSchema,
} from './views.js';

type Answer<S extends z.ZodType> = Promise<z.output<S>>;

/** Only an owner may create, change, invite or sign out an owner, or grant the owner role. */
const OWNER_PROTECTED = { 403: ['owner_protected'] } as const;

@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('users.read')
  @ApiOperation({ summary: 'Staff of the practice' })
  @ApiZodResponse(200, userListSchema, { description: 'Every staff user: active ones first, then by name' })
  async list(): Answer<typeof userListSchema> {
    return { data: (await this.users.list()).map(userView) };
  }

  @Post()
  @RequirePermission('users.manage')
  @ApiOperation({
    summary: 'Add a staff user, with a password or an invitation token (returned once)',
    description:
      'Only an owner may add an owner (403 owner_protected). Emails are unique across the deployment.',
  })
  @ApiZodBody(createUserSchema)
  @ApiZodResponse(201, createdUserSchema, {
    description: 'The user, and its invitation when no password was given',
  })
  @ApiErrors({ ...OWNER_PROTECTED, 409: ['email_taken'] })
  async create(
    @CurrentUser() actor: Principal,
    @ValidBody(createUserSchema) body: z.infer<typeof createUserSchema>,
  ): Answer<typeof createdUserSchema> {
    const { user, invite } = await this.users.create(actor, body);
    return { ...userView(user), ...(invite ? { invite } : {}) };
  }

  @Get(':id')
  @RequirePermission('users.read')
  @ApiOperation({ summary: 'One staff user' })
  @ApiZodResponse(200, userViewSchema, { description: 'The user' })
  async get(@IdParam('id', 'User') id: string): Answer<typeof userViewSchema> {
    return userView(await this.users.get(id));
  }

  @Patch(':id')
  @RequirePermission('users.manage')
  @ApiOperation({
    summary: 'Change role and/or active; effective on the next request of that user',
    description:
      'Deactivating ends every session of the user and withdraws the invitations they were sent or issued. ' +
      'Nobody changes their own role or deactivates themselves (409); only an owner changes an owner or grants the owner role (403).',
  })
  @ApiZodBody(updateUserSchema)
  @ApiZodResponse(200, userViewSchema, { description: 'The user as changed' })
  @ApiErrors({ ...OWNER_PROTECTED, 409: ['cannot_change_own_role', 'cannot_deactivate_self'] })
  async update(
    @CurrentUser() actor: Principal,
    @IdParam('id', 'User') id: string,
    @ValidBody(updateUserSchema) body: z.infer<typeof updateUserSchema>,
  ): Answer<typeof userViewSchema> {
    return userView(await this.users.update(actor, id, body));
  }

  @Post(':id/invite')
  @RequirePermission('users.manage')
  @ApiOperation({
    summary:
      'Re-send the invitation: a new token (returned once, and emailed to the user) for a user without a password; earlier ones stop working',
    description:
      '409 invite_not_needed: the user has a password; user_inactive: reactivate them first; email_taken: another account now holds the email.',
  })
  @HttpCode(202)
  @ApiZodResponse(202, inviteSchema, {
    description:
      'The invitation (its token is not stored, only its hash); its email to the user leaves just after this answer',
  })
  @ApiErrors({ ...OWNER_PROTECTED, 409: ['email_taken', 'invite_not_needed', 'user_inactive'] })
  invite(@CurrentUser() actor: Principal, @IdParam('id', 'User') id: string): Answer<typeof inviteSchema> {
    return this.users.reissueInvite(actor, id);
  }

  @Post(':id/mfa/reset')
  @RequirePermission('users.manage')
  @HttpCode(204)
  @ApiOperation({
    summary: "Reset a user's MFA (lost authenticator and recovery codes): they enrol again at next sign-in",
    description:
      'The TOTP secret and recovery codes are removed and every session of the user ends; their next sign-in answers `mfaEnrollmentRequired` whatever their role. ' +
      'Only an owner resets an owner (403 owner_protected); nobody resets their own (409 cannot_reset_own_mfa); 409 mfa_not_enabled when there is nothing to reset.',
  })
  @ApiContentResponse(204, { description: 'Reset' })
  @ApiErrors({ ...OWNER_PROTECTED, 409: ['cannot_reset_own_mfa', 'mfa_not_enabled'] })
  async resetMfa(@CurrentUser() actor: Principal, @IdParam('id', 'User') id: string): Promise<void> {
    await this.users.resetMfa(actor, id);
  }

  @Get(':id/sessions')
  @RequirePermission('users.manage')
  @ApiOperation({ summary: "A user's live sessions" })
  @ApiZodResponse(200, sessionListSchema, { description: 'Most recently active first' })
  async sessions(
    @CurrentUser() actor: Principal,
    @IdParam('id', 'User') id: string,
  ): Answer<typeof sessionListSchema> {
    return { data: (await this.users.listSessions(id)).map((s) => sessionView(s, actor.sessionId)) };
  }

  @Delete(':id/sessions')
  @RequirePermission('users.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'End every session of the user' })
  @ApiContentResponse(204, { description: 'Ended (none live is not an error)' })
  @ApiErrors(OWNER_PROTECTED)
  async revokeAll(@CurrentUser() actor: Principal, @IdParam('id', 'User') id: string): Promise<void> {
    await this.users.revokeSessions(actor, id);
  }

  @Delete(':id/sessions/:sessionId')
  @RequirePermission('users.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one session of the user' })
  @ApiContentResponse(204, { description: 'Ended' })
  @ApiErrors(OWNER_PROTECTED)
  async revokeOne(
    @CurrentUser() actor: Principal,
    @IdParam('id', 'User') id: string,
    @IdParam('sessionId', 'Session') sessionId: string,
  ): Promise<void> {
    await this.users.revokeSessions(actor, id, sessionId);
  }
}
