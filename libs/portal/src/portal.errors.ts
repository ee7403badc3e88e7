import { DomainError } from '@app/observability';

/** Every failure portal's use cases name. The HTTP answers are in `http/portal-http-errors.ts`. */
export enum PortalErrorCode {
  SecureMessageNotFound = 'secure_message_not_found',
  /** A secure message the patient has read can no longer be retracted. */
  AlreadyRead = 'already_read',
}

export class PortalError extends DomainError<PortalErrorCode> {}
