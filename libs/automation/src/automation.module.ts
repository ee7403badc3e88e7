import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublicIntakeModule } from '@app/channels';
import { AutoRepliesCoreModule } from './auto-replies/auto-replies-core.module.js';
import { AutoReplySettings } from './auto-replies/auto-reply-settings.js';
import { ChatAutoReplies } from './auto-replies/chat-auto-replies.js';
import { AUTOMATION_ENTITIES } from './automation.entities.js';
import { AutoRepliesController } from './http/auto-replies.controller.js';
import { RoutingHttpModule } from './http/routing-http.module.js';

/** Business hours, auto-replies, teams and routing rules: the inbox running itself between staff actions. */
@Module({
  imports: [
    TypeOrmModule.forFeature(AUTOMATION_ENTITIES),
    AutoRepliesCoreModule,
    PublicIntakeModule,
    RoutingHttpModule,
  ],
  controllers: [AutoRepliesController],
  providers: [AutoReplySettings, ChatAutoReplies],
})
export class AutomationModule {}
