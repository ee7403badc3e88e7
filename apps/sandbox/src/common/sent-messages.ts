/** What the sandbox remembers about each message it was asked to send. */

export type TwilioMessageStatus =
  'accepted' | 'queued' | 'sending' | 'sent' | 'delivered' | 'undelivered' | 'failed';

export interface SentSms {
  provider: 'twilio';
  /** The Twilio message sid (SM... or MM...). */
  id: string;
  accountSid: string;
  to: string;
  /** Null until a number is picked when only a MessagingServiceSid was given (as Twilio does). */
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  mediaUrls: string[];
  statusCallback: string | null;
  status: TwilioMessageStatus;
  errorCode: number | null;
  errorMessage: string | null;
  numSegments: number;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

/** `blocked`: the account's Enforced TLS dropped it, the recipient's server could not take TLS. */
export type EmailStatus = 'processed' | 'delivered' | 'bounce' | 'dropped' | 'blocked';

export interface SentEmailAttachment {
  filename: string;
  type: string | null;
  disposition: string | null;
}

/** One personalization of a `/v3/mail/send` request. */
export interface SentEmail {
  provider: 'sendgrid';
  id: string;
  /** The request's X-Message-Id, shared by every personalization of one send. */
  messageId: string;
  /** First `to` address, for a quick look; all addresses are in `recipients`, `cc` and `bcc`. */
  to: string;
  recipients: string[];
  cc: string[];
  bcc: string[];
  from: string;
  fromName: string | null;
  replyTo: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  templateId: string | null;
  customArgs: Record<string, string>;
  categories: string[];
  headers: Record<string, string>;
  attachments: SentEmailAttachment[];
  /** The sending account had Enforced TLS on: delivered over TLS or not at all. */
  tlsRequired: boolean;
  /** How it reached the recipient's server: null until delivered (and for good if it never was). */
  transport: 'tls' | 'plaintext' | null;
  status: EmailStatus;
  createdAt: Date;
  updatedAt: Date;
}

export type SentMessage = SentSms | SentEmail;

export function isSms(message: SentMessage): message is SentSms {
  return message.provider === 'twilio';
}

export function isEmail(message: SentMessage): message is SentEmail {
  return message.provider === 'sendgrid';
}

/** Every address a message went to; emails compare case-insensitively. */
export function addressesOf(message: SentMessage): string[] {
  return isSms(message)
    ? [message.to]
    : [...message.recipients, ...message.cc, ...message.bcc].map((a) => a.toLowerCase());
}

export function wentTo(message: SentMessage, address: string): boolean {
  const wanted = isSms(message) ? address : address.toLowerCase();
  return addressesOf(message).includes(wanted);
}
