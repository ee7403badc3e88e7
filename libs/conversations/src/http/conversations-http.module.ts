import { Module } from '@nestjs/common';
import { ConsentModule } from '@app/consent';
import { ContactsModule } from '@app/contacts';
import { ConversationsModule } from '../conversations.module.js';
import { CannedResponses } from '../canned/canned-responses.service.js';
import { ContactAdmin } from '../contacts/contact-admin.service.js';
import { ConversationReadsRepository } from '../conversation-reads.repository.js';
import { AddNote } from '../inbox/add-note.js';
import { ConversationActivity } from '../inbox/conversation-activity.js';
import { CountConversations } from '../inbox/count-conversations.js';
import { DownloadAttachment } from '../inbox/download-attachment.js';
import { InboxGuard } from '../inbox/inbox-guard.js';
import { InboxRepository } from '../inbox/inbox.repository.js';
import { LiveEventVisibility } from '../inbox/live-event-visibility.js';
import { ListConversations } from '../inbox/list-conversations.js';
import { MarkConversationRead } from '../inbox/mark-read.js';
import { ReadConversation } from '../inbox/read-conversation.js';
import { ReadMessages } from '../inbox/read-messages.js';
import { WakeScheduler } from '../inbox/snooze.js';
import { UpdateConversation } from '../inbox/update-conversation.js';
import { VisibleConversations } from '../inbox/visible-conversations.js';
import { CannedResponsesController } from './canned-responses.controller.js';
import { ContactsController } from './contacts.controller.js';
import { ConversationsController } from './conversations.controller.js';
import { EventsController } from './events.controller.js';
import { MessageAttachmentsController } from './message-attachments.controller.js';
import { AttachmentUploadsController } from './attachment-uploads.controller.js';
import { UploadAttachment } from '../uploads/upload-attachment.js';
import { LegalHolds } from '../retention/legal-holds.js';
import { RetentionModule } from '../retention/retention.module.js';
import { LegalHoldsController } from './legal-holds.controller.js';

/** The staff HTTP surface of the conversation store; api only (the worker imports just the store). */
@Module({
  imports: [ConversationsModule, ContactsModule, ConsentModule, RetentionModule],
  controllers: [
    ConversationsController,
    MessageAttachmentsController,
    AttachmentUploadsController,
    ContactsController,
    CannedResponsesController,
    EventsController,
    LegalHoldsController,
  ],
  providers: [
    InboxGuard,
    InboxRepository,
    ConversationReadsRepository,
    WakeScheduler,
    VisibleConversations,
    ListConversations,
    CountConversations,
    ReadConversation,
    ReadMessages,
    UpdateConversation,
    ConversationActivity,
    AddNote,
    MarkConversationRead,
    DownloadAttachment,
    UploadAttachment,
    LiveEventVisibility,
    ContactAdmin,
    CannedResponses,
    LegalHolds,
  ],
})
export class ConversationsHttpModule {}
