export {
  EVENT_WEBHOOK_SIGNATURE_HEADER,
  EVENT_WEBHOOK_TIMESTAMP_HEADER,
  hasValidEventSignature,
  isFreshSignatureTimestamp,
  MAX_SIGNATURE_AGE_SECONDS,
  MAX_SIGNATURE_LEAD_SECONDS,
} from './event-webhook-signature.js';
export { SendGridEmailSender, type SendGridEmailRequest } from './sendgrid-email-sender.js';
export {
  parseSendGridInbound,
  type ParsedEmail,
  readInboundParseFields,
  type SenderChecks,
  type UploadedPart,
} from './inbound-parse.js';
export { classifySendGridError } from './sendgrid-errors.js';
export {
  eventBatchSchema,
  fromSendGridEvent,
  MAX_EVENTS_PER_BATCH,
  parseSendGridEventBatch,
  sendGridErrorCode,
  sendGridMessageId,
  type SendGridEvent,
  suppressionReason,
  TLS_REFUSAL_DESCRIPTION,
} from './sendgrid-events.js';
export {
  createSendGridMailer,
  type SendGridMailer,
  type SendGridMailerOptions,
} from './sendgrid-mailer.factory.js';
