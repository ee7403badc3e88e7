import { Module } from '@nestjs/common';
import { ConversationsModule } from '@app/conversations';
import { RoutingModule } from '../routing/routing.module.js';
import { RoutingRulesService } from '../routing/routing-rules.service.js';
import { TeamsService } from '../teams/teams.service.js';
import { RoutingRulesController } from './routing-rules.controller.js';
import { TeamsController } from './teams.controller.js';

/** The staff routes of teams and routing rules (api only). */
@Module({
  imports: [RoutingModule, ConversationsModule],
  controllers: [TeamsController, RoutingRulesController],
  providers: [TeamsService, RoutingRulesService],
})
export class RoutingHttpModule {}
