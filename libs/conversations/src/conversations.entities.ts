import { ConversationSchema } from './conversation.entity.js';
import { ConversationReadSchema } from './conversation-read.entity.js';
import { ConversationTagSchema } from './conversation-tag.entity.js';
import { ConversationCountSchema } from './conversation-count.entity.js';
import { MessageSchema } from './message.entity.js';
import { MessageProviderIdSchema } from './message-provider-id.entity.js';
import { AttachmentSchema } from './attachment.entity.js';
import { CannedResponseSchema } from './canned/canned-response.entity.js';
import { SnoozeWakeupSchema } from './snooze-wakeup.entity.js';
import { LegalHoldSchema } from './retention/legal-hold.entity.js';

/** The tables this lib owns, one `EntitySchema` each (registered with the DataSource by its module). */
export const CONVERSATIONS_ENTITIES = [
  ConversationSchema,
  ConversationReadSchema,
  ConversationTagSchema,
  ConversationCountSchema,
  MessageSchema,
  MessageProviderIdSchema,
  AttachmentSchema,
  CannedResponseSchema,
  SnoozeWakeupSchema,
  LegalHoldSchema,
];
