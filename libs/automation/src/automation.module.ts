import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUTOMATION_ENTITIES } from './automation.entities.js';

/** Business hours, auto-replies, teams and routing rules: the inbox running itself between staff actions. */
@Module({
  imports: [TypeOrmModule.forFeature(AUTOMATION_ENTITIES)],
})
export class AutomationModule {}
