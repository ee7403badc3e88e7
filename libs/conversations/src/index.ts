export { ConversationsModule } from './conversations.module.js';
export { InboundMessageHooks, type InboundMessageHook, type InboundMessageFacts } from './inbound-hooks.js';
export {
  IngestService,
  type InboundChannel,
  type InboundMessageInput,
  type IngestResult,
  ATTACHMENT_ONLY_PREVIEW,
} from './ingest.service.js';
export { practiceReopenWindowDays } from './reopen-window.js';
export {
  ConversationRepository,
  type ActiveConversation,
  type ConversationOpening,
  type ConversationSummary,
  PREVIEW_LENGTH,
} from './conversation.repository.js';
export {
  MessageRepository,
  type ChatOutboundInput,
  type StoredMessage,
  type ChangedMessage,
  type MessageChangeQuery,
  type ProviderMessageRef,
  type ProviderStatusReport,
  type SecureThreadMessage,
  type SecureThreadScope,
  INBOUND_STATUS,
  CHAT_OUTBOUND_STATUS,
  MESSAGE_BODY_COLUMN,
  MESSAGE_TO_ADDRESS_COLUMN,
  providerIdLockOrder,
} from './message.repository.js';
export {
  OutboundMessageRepository,
  type QueuedOutboundMessage,
  type RefusedPlainEmail,
} from './outbound-message.repository.js';
export {
  ATTACHMENT_FILENAME_COLUMN,
  AttachmentRepository,
  type AttachmentInfo,
  type AttachmentSource,
  type AttachmentStatus,
  type ReceivedAttachment,
} from './attachment.repository.js';
export { MessageFields, type MessageFieldsSource, type SubmittedFields } from './message-fields.js';
export {
  MMS_CONTENT_TYPES,
  SERVED_CONTENT_TYPES,
  attachmentFileName,
  contentDisposition,
  servedContentType,
} from './attachment-files.js';
export {
  MAX_UPLOAD_BYTES,
  UPLOAD_CONTENT_TYPES,
  UPLOAD_LIFETIME_SECONDS,
} from './uploads/staff-upload-files.js';
export { ExpiredUploadSweeper, ExpiredUploadsModule } from './uploads/expired-upload.sweeper.js';
export { StaffEvents, type StaffEvent, type PublishedStaffEvent } from './staff-events.js';
export {
  MESSAGE_STATUSES,
  MESSAGE_STATUS_TRANSITIONS,
  type MessageStatus,
  canTransition,
  isFailure,
  isMessageStatus,
  nextStatus,
} from './message-status.js';
export { LiveSubscriptions, type LiveListener } from './live/live-subscriptions.js';
export { openSseStream, type SseStream, type SseStreamOptions, SSE_HEARTBEAT_MS } from './live/sse-stream.js';
export {
  LiveStreamLimits,
  LIVE_STREAM_LIMITS,
  STREAM_LEASE_MS,
  STREAM_LEASE_OPTIONS,
  StreamSlot,
  type StreamQuota,
} from './live/stream-limits.js';
export { ConversationsHttpModule } from './http/conversations-http.module.js';
export { ConversationsError, ConversationsErrorCode } from './conversations.errors.js';
export { conversationsHttpErrors } from './http/conversations-http-errors.js';
export { bearerExpiry } from './http/events.controller.js';
export { type ConversationPatch } from './inbox/conversation-changes.js';
export { type ListFilter } from './inbox/list-conversations.js';
export { type Page } from './inbox/keyset-cursor.js';
export {
  inboxQuery,
  messagesQuery,
  type InboxFilter,
  CONVERSATION_STATUSES,
  INBOX_CHANNELS,
  type InboxChannel,
  LEAD_STAGES,
  BILLING_TAG,
} from './inbox/inbox-query.js';
export { encodeCursor, decodeCursor, type KeysetPosition } from './inbox/keyset-cursor.js';
export {
  SnoozeWakeJob,
  SnoozeSweepJob,
  SnoozeSweepSchedule,
  WAKE_SWEEP_EVERY_MS,
} from './inbox/snooze-jobs.js';
export {
  addressBlocksShape,
  addressBlocksView,
  addressBlocksExample,
  type AddressBlocksView,
} from './http/address-blocks.view.js';
export { CONVERSATIONS_ENTITIES } from './conversations.entities.js';
export {
  MessagePurgeHooks,
  REQUIRED_PURGE_HOOKS,
  type MessagePurgeHook,
  type PurgeCounts,
} from './retention/message-purge-hooks.js';
export {
  RetentionSweep,
  RetentionSweepJob,
  RetentionSweepSchedule,
  RETENTION_SWEEP_EVERY_MS,
  PURGE_BATCH,
  SPENT_TOKEN_GRACE_DAYS,
  type RetentionSweepCounts,
  type PracticePurge,
} from './retention/retention-sweep.js';
export { RetentionModule } from './retention/retention.module.js';
export { LegalHoldRepository } from './retention/legal-hold.repository.js';
export { MessagePurgeRepository } from './retention/message-purge.repository.js';
