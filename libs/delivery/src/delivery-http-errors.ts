import { httpErrorMap } from '@app/observability';
import { DeliveryError, DeliveryErrorCode as E } from './delivery.errors.js';

/** Delivery's codes as the API answers them (exhaustive: a new code fails to compile until mapped). */
export const deliveryHttpErrors = httpErrorMap(DeliveryError, {
  [E.ValidationFailed]: 400,
  [E.ConversationNotFound]: { status: 404, code: 'not_found' },
  [E.ContactNotFound]: { status: 404, code: 'not_found' },
  [E.NoReachableAddress]: 422,
  [E.AddressNotOnContact]: 422,
  [E.NoSenderChannel]: 422,
  [E.RecipientOptedOut]: 409,
  [E.EmailSuppressed]: 409,
  [E.NotSuppressed]: 409,
  [E.BodyTooLong]: 422,
  [E.ConsentRequestLive]: 409,
  [E.ConsentRequestRateLimited]: 429,
  [E.NoClaimedAddress]: 422,
  [E.CodesToAddressRateLimited]: { status: 429, code: 'rate_limited' },
  [E.InvalidCode]: 400,
  [E.VerificationLocked]: 423,
  [E.AttachmentUnavailable]: 422,
  [E.AttachmentExpired]: 422,
});
