import { Module } from '@nestjs/common';
import { ConsentModule } from '@app/consent';
import { ContactsModule } from '@app/contacts';
import { ConversationsHttpModule, ConversationsModule } from '@app/conversations';
import { ChatDelivery } from '../chat/chat-delivery.js';
import { ChatLive } from '../chat/chat-live.js';
import { ChatMessages } from '../chat/chat-messages.js';
import { ChatSessionRepository } from '../chat/chat-session.repository.js';
import { ChatSessions } from '../chat/chat-sessions.js';
import { ChatWidgetController } from '../chat/chat-widget.controller.js';
import { PublicChatController } from '../chat/public-chat.controller.js';
import { PublicChatService } from '../chat/public-chat.service.js';
import { FormSubmissionRepository } from './form-submission.repository.js';
import { FormSubmissionsService } from './form-submissions.service.js';
import { IntakeRateLimiter } from './intake-rate-limiter.js';
import { PublicChannelAdmin } from './public-channel-admin.js';
import { PublicChannels } from './public-channel.repository.js';
import { PublicFormsController } from './public-forms.controller.js';
import { WebFormMessageFields } from './web-form-message-fields.js';

/**
 * Public intake (web forms, website chat) and, with it, the staff live events stream: api-only
 * HTTP surfaces that need no staff token (the events stream checks its own through the global guard).
 */
@Module({
  imports: [ConversationsModule, ContactsModule, ConsentModule, ConversationsHttpModule],
  controllers: [PublicFormsController, PublicChatController, ChatWidgetController],
  providers: [
    PublicChannels,
    IntakeRateLimiter,
    FormSubmissionsService,
    FormSubmissionRepository,
    WebFormMessageFields,
    ChatSessions,
    ChatSessionRepository,
    ChatMessages,
    ChatLive,
    ChatDelivery,
    PublicChatService,
    PublicChannelAdmin,
  ],
  exports: [PublicChannels, ChatDelivery, ChatSessions, PublicChannelAdmin],
})
export class PublicIntakeModule {}
