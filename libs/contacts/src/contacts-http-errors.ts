import { httpErrorMap } from '@app/observability';
import { ContactsError, ContactsErrorCode as E } from './contacts.errors.js';

/** Contacts' codes as the API answers them (exhaustive: a new code fails to compile until mapped). */
export const contactsHttpErrors = httpErrorMap(ContactsError, {
  [E.CannotMergeSelf]: 422,
  [E.ContactNotFound]: { status: 404, code: 'not_found' },
  [E.ContactMerged]: 409,
});
