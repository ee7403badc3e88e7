import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { IdParam, RequirePermission } from '@app/identity';
import { ApiContentResponse, ApiErrors, ApiZodBody, ApiZodResponse, ValidBody } from '@app/observability';
import type { Team } from '../teams/team.repository.js';
import { TeamsService } from '../teams/teams.service.js';
import {
  createTeamBody,
  teamExample,
  teamListSchema,
  teamSchema,
  updateTeamBody,
} from './routing-schemas.js';

type TeamView = z.output<typeof teamSchema>;

const teamView = (team: Team): TeamView => ({
  id: team.id,
  name: team.name,
  memberIds: team.memberIds,
  createdAt: team.createdAt.toISOString(),
  updatedAt: team.updatedAt.toISOString(),
});

/** A malformed id answers 404 like an unknown one (IdParam): documented as a uuid. */
const TeamIdParam = ApiParam({
  name: 'id',
  description: 'Team id',
  schema: { type: 'string', format: 'uuid' },
});
const NOT_FOUND = { 404: ['not_found'] };

/**
 * Teams of staff that routing rules assign to (round-robin over active members who are not
 * away). Every staff member may read them; those who may change the practice settings edit them.
 */
@ApiTags('automation')
@Controller('v1/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  @RequirePermission('users.read')
  @ApiOperation({ summary: 'The practice’s teams, by name' })
  @ApiZodResponse(200, teamListSchema, { description: 'The teams', example: { data: [teamExample] } })
  async list(): Promise<z.output<typeof teamListSchema>> {
    return { data: (await this.teams.list()).map(teamView) };
  }

  @Post()
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary: 'Add a team',
    description:
      'Names are unique per practice whatever their case (409 team_name_taken); members must be users of the ' +
      'practice (422 invalid_team_member, `details.memberIds` naming the others).',
  })
  @ApiZodBody(createTeamBody)
  @ApiZodResponse(201, teamSchema, { description: 'Added', example: teamExample })
  @ApiErrors({ 409: ['team_name_taken'], 422: ['invalid_team_member'] })
  async create(@ValidBody(createTeamBody) body: z.infer<typeof createTeamBody>): Promise<TeamView> {
    return teamView(await this.teams.create(body));
  }

  @Patch(':id')
  @RequirePermission('practice.settings')
  @TeamIdParam
  @ApiOperation({ summary: 'Rename a team or replace its members' })
  @ApiZodBody(updateTeamBody)
  @ApiZodResponse(200, teamSchema, { description: 'Changed', example: teamExample })
  @ApiErrors({ ...NOT_FOUND, 409: ['team_name_taken'], 422: ['invalid_team_member'] })
  async update(
    @IdParam('id', 'Team') id: string,
    @ValidBody(updateTeamBody) body: z.infer<typeof updateTeamBody>,
  ): Promise<TeamView> {
    return teamView(await this.teams.update(id, body));
  }

  @Delete(':id')
  @RequirePermission('practice.settings')
  @HttpCode(204)
  @TeamIdParam
  @ApiOperation({
    summary: 'Delete a team',
    description:
      '409 team_in_use while a routing rule (enabled or not) assigns to it (`details.ruleIds`): change or delete ' +
      'those first. Its conversations lose the team and keep their assignee.',
  })
  @ApiContentResponse(204, { description: 'Deleted' })
  @ApiErrors({ ...NOT_FOUND, 409: ['team_in_use'] })
  async remove(@IdParam('id', 'Team') id: string): Promise<void> {
    await this.teams.delete(id);
  }
}
