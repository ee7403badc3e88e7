export { ContactsModule } from './contacts.module.js';
export { ContactRepository, type Contact, type NewContact } from './contact.repository.js';
