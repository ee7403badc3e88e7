export { ChannelsModule, type ChannelsModuleOptions } from './channels.module.js';
export { ChannelStoreModule } from './channel-store.module.js';
export { ChannelCache } from './channel-cache.js';
export { ChatSessionProof } from './chat/chat-session-proof.repository.js';
export { PublicIntakeModule } from './webform/public-intake.module.js';
export { ChannelsService } from './channels.service.js';
export type { ChannelView, EmailChannelView, SmsChannelView } from './channel-views.js';
export {
  createChannelSchema,
  updateChannelSchema,
  type CreateChannelInput,
  type UpdateChannelInput,
} from './channel-schemas.js';
export { ChannelRouter, type ChannelRoute } from './channel-router.js';
export type { ChannelType } from './channel.repository.js';
export { SmsChannels, type SmsChannel } from './sms/sms-channels.js';
export {
  INBOUND_SMS_HOOKS,
  type ArrivingSms,
  type InboundSms,
  type InboundSmsHook,
} from './sms/inbound-sms-hooks.js';
export {
  PublicChannels,
  type PublicChannel,
  type PublicChannelType,
  isPublicKey,
} from './webform/public-channel.repository.js';
export { INTAKE_LIMITS } from './webform/intake-limits.js';
export { HONEYPOT_FIELD } from './webform/form-submission.schema.js';
export { FORM_CONSENT_REQUESTS, type FormConsentRequester } from './webform/form-consent.js';
export { ChatDelivery, type ChatDeliveryInput, type AutomaticChatAnswer } from './chat/chat-delivery.js';
export {
  CHAT_SESSION_IDLE_MS,
  ChatSessions,
  type ChatSession,
  invalidSession,
} from './chat/chat-sessions.js';
export {
  CHAT_ADDRESS_VERIFIER,
  type ChatAddressVerifier,
  type ChatCodeChannel,
} from './chat/chat-verification.js';
export { CHAT_OUTBOUND_STATUS } from './chat/chat-messages.js';
export { EmailThreads, type EmailReplyHeaders } from './email/email-threads.js';
export { EMAIL_ATTACHMENT_TYPES } from './email/email-attachments.js';
export { EmailChannels, type EmailChannelConfig } from './email/email-channel.repository.js';
export { EMAIL_TLS_REFUSALS, type EmailTlsRefusals } from './email/email-tls-refusals.js';
export { DEFAULT_SMS_SEND_RATE } from './channel.repository.js';
export { SmsIngestModule } from './sms/sms-ingest.module.js';
export { PendingSmsProcessor } from './sms/pending-sms.processor.js';
export { PendingSmsJob, PendingSmsRelay } from './sms/pending-sms.jobs.js';
export { SmsInboundRepository } from './sms/sms-inbound.repository.js';
export { PendingMediaModule, PendingMediaSweeper } from './sms/pending-media.sweeper.js';
export { ChannelsError, ChannelsErrorCode } from './channels.errors.js';
export { channelsHttpErrors } from './channels-http-errors.js';
export { CHANNELS_ENTITIES } from './channels.entities.js';
export { ChannelsRetentionModule } from './retention/channels-purge-hook.js';
