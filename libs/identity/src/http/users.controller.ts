import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiZodBody, ValidBody } from '@app/observability';
import { CurrentUser, RequirePermission } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { UsersService } from '../users/users.service.js';
import { IdParam } from './id-param.js';
import { createUserSchema, updateUserSchema } from './schemas.js';
import { sessionView, userView } from './views.js';

@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('users.read')
  @ApiOperation({ summary: 'Staff of the practice' })
  async list() {
    return { data: (await this.users.list()).map(userView) };
  }

  @Post()
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'Add a staff user, with a password or an invitation token (returned once)' })
  @ApiZodBody(createUserSchema)
  async create(
    @CurrentUser() actor: Principal,
    @ValidBody(createUserSchema) body: z.infer<typeof createUserSchema>,
  ) {
    const { user, invite } = await this.users.create(actor, body);
    return { ...userView(user), ...(invite ? { invite } : {}) };
  }

  @Get(':id')
  @RequirePermission('users.read')
  async get(@IdParam('id', 'User') id: string) {
    return userView(await this.users.get(id));
  }

  @Patch(':id')
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'Change role and/or active; effective on the next request of that user' })
  @ApiZodBody(updateUserSchema)
  async update(
    @CurrentUser() actor: Principal,
    @IdParam('id', 'User') id: string,
    @ValidBody(updateUserSchema) body: z.infer<typeof updateUserSchema>,
  ) {
    return userView(await this.users.update(actor, id, body));
  }

  @Post(':id/invite')
  @RequirePermission('users.manage')
  @ApiOperation({
    summary:
      'A new invitation token (returned once) for a user without a password; earlier ones stop working',
  })
  invite(@CurrentUser() actor: Principal, @IdParam('id', 'User') id: string) {
    return this.users.reissueInvite(actor, id);
  }

  @Get(':id/sessions')
  @RequirePermission('users.manage')
  async sessions(@CurrentUser() actor: Principal, @IdParam('id', 'User') id: string) {
    return { data: (await this.users.listSessions(id)).map((s) => sessionView(s, actor.sessionId)) };
  }

  @Delete(':id/sessions')
  @RequirePermission('users.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'End every session of the user' })
  async revokeAll(@CurrentUser() actor: Principal, @IdParam('id', 'User') id: string): Promise<void> {
    await this.users.revokeSessions(actor, id);
  }

  @Delete(':id/sessions/:sessionId')
  @RequirePermission('users.manage')
  @HttpCode(204)
  async revokeOne(
    @CurrentUser() actor: Principal,
    @IdParam('id', 'User') id: string,
    @IdParam('sessionId', 'Session') sessionId: string,
  ): Promise<void> {
    await this.users.revokeSessions(actor, id, sessionId);
  }
}
