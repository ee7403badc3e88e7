import type { MessageStatus } from '@app/conversations';
import type { SendGridEmailRequest, TwilioSmsRequest } from '@app/providers';

/** The provider accepted the message (or already had it): its id and the status it reported. */
export interface Accepted {
  providerMessageId: string;
  status: MessageStatus;
}

/** What a send needs: the provider adapter's request (libs/providers). */
export type SmsSendRequest = TwilioSmsRequest;

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

export type EmailSendRequest = SendGridEmailRequest;

export interface EmailSender {
  send(request: EmailSendRequest): Promise<Accepted>;
  findSent(request: Pick<EmailSendRequest, 'apiKey' | 'messageId'>): Promise<Accepted | null>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');
export const EMAIL_SENDER = Symbol('EMAIL_SENDER');
