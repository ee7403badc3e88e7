import { isSms, type SentMessage } from '../common/sent-messages.js';

/** A sent message as `GET /sandbox/messages` shows it: same fields for both providers where they apply. */
export function toInspectView(message: SentMessage): Record<string, unknown> {
  const common = {
    id: message.id,
    provider: message.provider,
    to: message.to,
    from: message.from,
    status: message.status,
    createdAt: message.createdAt.toISOString(),
    updatedAt: message.updatedAt.toISOString(),
  };
  if (isSms(message)) {
    return {
      ...common,
      accountSid: message.accountSid,
      messagingServiceSid: message.messagingServiceSid,
      body: message.body,
      mediaUrls: message.mediaUrls,
      numSegments: message.numSegments,
      statusCallback: message.statusCallback,
      errorCode: message.errorCode,
      errorMessage: message.errorMessage,
      customArgs: {},
    };
  }
  return {
    ...common,
    messageId: message.messageId,
    recipients: message.recipients,
    cc: message.cc,
    bcc: message.bcc,
    fromName: message.fromName,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.text,
    html: message.html,
    templateId: message.templateId,
    customArgs: message.customArgs,
    categories: message.categories,
    headers: message.headers,
    attachments: message.attachments,
    tlsRequired: message.tlsRequired,
    transport: message.transport,
    statusCallback: null,
  };
}
