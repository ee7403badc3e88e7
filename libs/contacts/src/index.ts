export { ContactsModule } from './contacts.module.js';
export {
  ContactRepository,
  InvalidContactFieldError,
  type Contact,
  type ContactPatch,
  type NewContact,
  type AddressField,
  type ClaimReason,
} from './contact.repository.js';
export {
  ContactMatcher,
  UnusableSenderAddressError,
  type ContactMatch,
  type SenderAddress,
} from './contact-matcher.js';
