export { ContactsModule } from './contacts.module.js';
export {
  ContactRepository,
  InvalidContactFieldError,
  type Contact,
  type ContactPatch,
  type NewContact,
  type ContactSource,
  type AddressField,
  type ClaimReason,
  type ChangeFeedQuery,
  type ChangedContact,
  CONTACT_NAME_COLUMN,
} from './contact.repository.js';
export {
  ContactMatcher,
  UnusableSenderAddressError,
  type ContactMatch,
  type SenderAddress,
} from './contact-matcher.js';
export {
  ContactHooks,
  type ContactHook,
  type MergeResult,
  type RetiredAddress,
  type AddressChannel,
} from './lifecycle/contact-hooks.js';
export { ContactMerge } from './lifecycle/contact-merge.js';
export { ContactAddressChange, type ContactAddressIndexes } from './lifecycle/contact-address-change.js';
export { ContactsError, ContactsErrorCode } from './contacts.errors.js';
export { contactsHttpErrors } from './contacts-http-errors.js';
export { CONTACTS_ENTITIES } from './contacts.entities.js';
// Row types of the tables this lib owns (types only: writes go through the owner).
export type { ContactEntity } from './contact.entity.js';
