import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUTOMATION_ENTITIES } from './automation.entities.js';
import { RoutingHttpModule } from './http/routing-http.module.js';

/** Business hours, auto-replies, teams and routing rules: the inbox running itself between staff actions. */
@Module({
  imports: [TypeOrmModule.forFeature(AUTOMATION_ENTITIES), RoutingHttpModule],
})
export class AutomationModule {}
