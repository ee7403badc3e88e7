import { Module } from '@nestjs/common';
import { ContactsModule } from '@app/contacts';
import { ConversationsModule } from '../conversations.module.js';
import { CannedResponses } from '../canned/canned-responses.service.js';
import { ContactAdmin } from '../contacts/contact-admin.service.js';
import { InboxService } from '../inbox/inbox.service.js';
import { CannedResponsesController } from './canned-responses.controller.js';
import { ContactsController } from './contacts.controller.js';
import { ConversationsController } from './conversations.controller.js';
import { EventsController } from './events.controller.js';

/** The staff HTTP surface of the conversation store; api only (the worker imports just the store). */
@Module({
  imports: [ConversationsModule, ContactsModule],
  controllers: [ConversationsController, ContactsController, CannedResponsesController, EventsController],
  providers: [InboxService, ContactAdmin, CannedResponses],
})
export class ConversationsHttpModule {}
