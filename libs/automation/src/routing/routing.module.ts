import { Module } from '@nestjs/common';
import { ContactsModule } from '@app/contacts';
import { ConversationsModule } from '@app/conversations';
import { AutomationClockModule } from '../automation-clock.js';
import { TeamRepository } from '../teams/team.repository.js';
import { RoutingRuleRepository } from './routing-rule.repository.js';
import { RoutingHook } from './routing.hook.js';

/**
 * Routing rules as an inbound message hook (stage 10), for every process that ingests: the api
 * (webhooks, intake, portal) and the worker (SMS). No HTTP here: `RoutingHttpModule` (api).
 */
@Module({
  imports: [ConversationsModule, ContactsModule, AutomationClockModule],
  providers: [RoutingHook, RoutingRuleRepository, TeamRepository],
  exports: [RoutingRuleRepository, TeamRepository],
})
export class RoutingModule {}
