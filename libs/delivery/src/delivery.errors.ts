import { DomainError, type FieldProblem, INVALID_REQUEST_MESSAGE } from '@app/observability';

/** Every failure delivery's use cases name. The HTTP answers are in `delivery-http-errors.ts`. */
export enum DeliveryErrorCode {
  ValidationFailed = 'validation_failed',
  ConversationNotFound = 'conversation_not_found',
  ContactNotFound = 'contact_not_found',
  NoReachableAddress = 'no_reachable_address',
  AddressNotOnContact = 'address_not_on_contact',
  NoSenderChannel = 'no_sender_channel',
  RecipientOptedOut = 'recipient_opted_out',
  EmailSuppressed = 'email_suppressed',
  NotSuppressed = 'not_suppressed',
  BodyTooLong = 'body_too_long',
  ConsentRequestLive = 'consent_request_live',
  ConsentRequestRateLimited = 'consent_request_rate_limited',
  /** A chat asked for a code to an address it never typed. */
  NoClaimedAddress = 'no_claimed_address',
  /** The address got its share of chat codes lately (`details.retryAfterSeconds`). */
  CodesToAddressRateLimited = 'codes_to_address_rate_limited',
  InvalidCode = 'invalid_code',
  VerificationLocked = 'verification_locked',
  /** attachmentIds named something other than this practice's unclaimed uploads (`details.attachmentIds`). */
  AttachmentUnavailable = 'attachment_unavailable',
  /** attachmentIds named an upload older than its lifetime (`details.attachmentIds`): upload it again. */
  AttachmentExpired = 'attachment_expired',
}

export class DeliveryError extends DomainError<DeliveryErrorCode> {
  static validation(details: FieldProblem[]): DeliveryError {
    return new DeliveryError(DeliveryErrorCode.ValidationFailed, INVALID_REQUEST_MESSAGE, details);
  }
}

const E = DeliveryErrorCode;

export const conversationNotFound = () => new DeliveryError(E.ConversationNotFound, 'Conversation not found');
export const contactNotFound = () => new DeliveryError(E.ContactNotFound, 'Contact not found');
export const noReachableAddress = () =>
  new DeliveryError(E.NoReachableAddress, 'The contact has no address for this channel');
export const noSenderChannel = (channel: string) =>
  new DeliveryError(E.NoSenderChannel, `The practice has no ${channel} channel to send from`);
export const emailSuppressed = () =>
  new DeliveryError(E.EmailSuppressed, 'The email address is suppressed after bounces or a spam report');
export const attachmentUnavailable = (attachmentIds: string[]) =>
  new DeliveryError(
    E.AttachmentUnavailable,
    'Attach only files uploaded here (POST /v1/attachments) and not yet sent',
    { attachmentIds },
  );
export const attachmentExpired = (attachmentIds: string[]) =>
  new DeliveryError(E.AttachmentExpired, 'An upload expired before it was sent: upload it again', {
    attachmentIds,
  });
