import { DomainError } from '@app/observability';

/** Every failure contacts' use cases name. The HTTP answers are in `contacts-http-errors.ts`. */
export enum ContactsErrorCode {
  CannotMergeSelf = 'cannot_merge_self',
  ContactNotFound = 'contact_not_found',
  ContactMerged = 'contact_merged',
}

export class ContactsError extends DomainError<ContactsErrorCode> {}
