import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { ContactsModule } from '@app/contacts';
import { AttachmentRepository } from './attachment.repository.js';
import { ConversationRepository } from './conversation.repository.js';
import { ConversationsContactHook } from './contacts/conversations-contact-hook.js';
import { SnoozeWaker } from './inbox/snooze-jobs.js';
import { InboundMessageHooks } from './inbound-hooks.js';
import { IngestService } from './ingest.service.js';
import { LiveSubscriptions } from './live/live-subscriptions.js';
import { LiveStreamLimits } from './live/stream-limits.js';
import { MessageFields } from './message-fields.js';
import { MessagePurgeHooks } from './retention/message-purge-hooks.js';
import { MessageRepository } from './message.repository.js';
import { OutboundMessageRepository } from './outbound-message.repository.js';
import { SnoozeWakeupsRepository } from './snooze-wakeups.repository.js';
import { StaffEvents } from './staff-events.js';
import { CONVERSATIONS_ENTITIES } from './conversations.entities.js';

/** The conversation store; needs the platform (database, crypto, audit, redis) from the app. */
@Module({
  imports: [TypeOrmModule.forFeature(CONVERSATIONS_ENTITIES), ContactsModule],
  providers: [
    ConversationsContactHook,
    IngestService,
    ConversationRepository,
    MessageRepository,
    OutboundMessageRepository,
    AttachmentRepository,
    SnoozeWakeupsRepository,
    SnoozeWaker,
    StaffEvents,
    LiveSubscriptions,
    LiveStreamLimits,
    MessageFields,
    MessagePurgeHooks,
    InboundMessageHooks,
  ],
  exports: [
    InboundMessageHooks,
    IngestService,
    ConversationRepository,
    MessageRepository,
    OutboundMessageRepository,
    AttachmentRepository,
    SnoozeWakeupsRepository,
    SnoozeWaker,
    StaffEvents,
    LiveSubscriptions,
    LiveStreamLimits,
    MessageFields,
    MessagePurgeHooks,
  ],
})
export class ConversationsModule {}
