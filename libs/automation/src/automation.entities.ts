import type { EntitySchema } from 'typeorm';
import { AutoReplySendSchema, AutoReplySettingsSchema } from './auto-replies/auto-reply.entity.js';
import { RoutingRuleSchema } from './routing/routing-rule.entity.js';
import { TeamMemberSchema, TeamRoundRobinSchema, TeamSchema } from './teams/team.entity.js';

/** Every table automation owns, for `TypeOrmModule.forFeature`. */
export const AUTOMATION_ENTITIES: EntitySchema[] = [
  AutoReplySettingsSchema,
  AutoReplySendSchema,
  TeamSchema,
  TeamMemberSchema,
  TeamRoundRobinSchema,
  RoutingRuleSchema,
];
