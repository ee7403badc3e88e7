import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryCoreModule } from '@app/delivery';
import { AutomationClockModule } from '../automation-clock.js';
import { AUTOMATION_ENTITIES } from '../automation.entities.js';
import { AutoReplyRepository } from './auto-reply.repository.js';
import { AutoReplyHook } from './auto-reply.hook.js';

/**
 * The auto-reply hook with what it needs, for every process that ingests inbound messages: the
 * api (webhooks, forms, chat, portal) and the worker (acknowledged SMS). Registers the hook with
 * conversations' `InboundMessageHooks` at module init.
 */
@Module({
  imports: [TypeOrmModule.forFeature(AUTOMATION_ENTITIES), DeliveryCoreModule, AutomationClockModule],
  providers: [AutoReplyRepository, AutoReplyHook],
  exports: [AutoReplyRepository, AutoReplyHook, AutomationClockModule],
})
export class AutoRepliesCoreModule {}
