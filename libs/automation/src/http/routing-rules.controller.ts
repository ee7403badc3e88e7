import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { IdParam, RequirePermission } from '@app/identity';
import { ApiContentResponse, ApiErrors, ApiZodBody, ApiZodResponse, ValidBody } from '@app/observability';
import type { RoutingRule } from '../routing/routing-rule.js';
import { RoutingRulesService } from '../routing/routing-rules.service.js';
import {
  createRuleBody,
  ruleExample,
  ruleListSchema,
  ruleSchema,
  updateRuleBody,
} from './routing-schemas.js';

type RuleView = z.output<typeof ruleSchema>;

const ruleView = (rule: RoutingRule): RuleView => ({
  id: rule.id,
  name: rule.name,
  position: rule.position,
  enabled: rule.enabled,
  onReopen: rule.onReopen,
  conditions: rule.conditions,
  actions: rule.actions,
  createdAt: rule.createdAt.toISOString(),
  updatedAt: rule.updatedAt.toISOString(),
});

/** A malformed id answers 404 like an unknown one (IdParam): documented as a uuid. */
const RuleIdParam = ApiParam({
  name: 'id',
  description: 'Routing rule id',
  schema: { type: 'string', format: 'uuid' },
});
const INVALID_IDS = { 422: ['invalid_assignee', 'invalid_team', 'invalid_channel'] };

/**
 * Routing rules, run in position order on each new inbound conversation (and on a reopened one
 * with `onReopen`): every matching rule applies; the assignee (user or team), priority and lead
 * stage come from the first matching rule that sets them; tags add up. Changes are audited as
 * done by the rule. For those who may change the practice settings.
 */
@ApiTags('automation')
@Controller('v1/routing-rules')
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: 'The routing rules, in the order they run (position, then oldest first)' })
  @ApiZodResponse(200, ruleListSchema, { description: 'The rules', example: { data: [ruleExample] } })
  async list(): Promise<z.output<typeof ruleListSchema>> {
    return { data: (await this.rules.list()).map(ruleView) };
  }

  @Post()
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary: 'Add a routing rule',
    description:
      'At least one action (400 otherwise); assignUserId and assignTeamId exclude each other. Ids must be the ' +
      "practice's: an active user (422 invalid_assignee), a team (422 invalid_team), a channel (422 invalid_channel).",
  })
  @ApiZodBody(createRuleBody)
  @ApiZodResponse(201, ruleSchema, { description: 'Added', example: ruleExample })
  @ApiErrors(INVALID_IDS)
  async create(@ValidBody(createRuleBody) body: z.infer<typeof createRuleBody>): Promise<RuleView> {
    return ruleView(await this.rules.create(body));
  }

  @Patch(':id')
  @RequirePermission('practice.settings')
  @RuleIdParam
  @ApiOperation({ summary: 'Change a routing rule (conditions and actions are replaced as a whole)' })
  @ApiZodBody(updateRuleBody)
  @ApiZodResponse(200, ruleSchema, { description: 'Changed', example: ruleExample })
  @ApiErrors({ 404: ['not_found'], ...INVALID_IDS })
  async update(
    @IdParam('id', 'Routing rule') id: string,
    @ValidBody(updateRuleBody) body: z.infer<typeof updateRuleBody>,
  ): Promise<RuleView> {
    return ruleView(await this.rules.update(id, body));
  }

  @Delete(':id')
  @RequirePermission('practice.settings')
  @HttpCode(204)
  @RuleIdParam
  @ApiOperation({ summary: 'Delete a routing rule' })
  @ApiContentResponse(204, { description: 'Deleted' })
  @ApiErrors({ 404: ['not_found'] })
  async remove(@IdParam('id', 'Routing rule') id: string): Promise<void> {
    await this.rules.delete(id);
  }
}
