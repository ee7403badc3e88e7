import { ContactSchema } from './contact.entity.js';

/** The tables this lib owns, one `EntitySchema` each (registered with the DataSource by its module). */
export const CONTACTS_ENTITIES = [ContactSchema];
