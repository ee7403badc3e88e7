import type { MessageStatus } from '@app/conversations';

/** The provider accepted the message (or already had it): its id and the status it reported. */
export interface Accepted {
  providerMessageId: string;
  status: MessageStatus;
}

export interface SmsSendRequest {
  accountSid: string;
  authToken: string;
  from: string;
  messagingServiceSid: string | null;
  to: string;
  body: string;
  /** Our status webhook, naming our message id so early callbacks find the message. */
  statusCallback: string;
}

/** SMS delivery, behind an interface so the dispatcher does not know the SDK. */
export interface SmsSender {
  send(request: SmsSendRequest): Promise<Accepted>;
  /** A message we may have sent already: sent to `to` since `since` whose body satisfies `isOurs`. */
  findSent(
    request: Pick<SmsSendRequest, 'accountSid' | 'authToken' | 'to' | 'from' | 'messagingServiceSid'>,
    since: Date,
    isOurs: (body: string) => boolean,
  ): Promise<Accepted | null>;
}

export interface EmailSendRequest {
  apiKey: string;
  from: { email: string; name: string | null };
  replyTo: string | null;
  to: string;
  subject: string;
  text: string;
  /** Echoed back by SendGrid's Event Webhook and searchable in its Activity API. */
  messageId: string;
  tenantId: string;
}

export interface EmailSender {
  send(request: EmailSendRequest): Promise<Accepted>;
  findSent(request: Pick<EmailSendRequest, 'apiKey' | 'messageId'>): Promise<Accepted | null>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');
export const EMAIL_SENDER = Symbol('EMAIL_SENDER');
