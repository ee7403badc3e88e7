import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { ContactMatcher } from './contact-matcher.js';
import { ContactRepository } from './contact.repository.js';
import { ContactAddressChange } from './lifecycle/contact-address-change.js';
import { ContactHooks } from './lifecycle/contact-hooks.js';
import { ContactMerge } from './lifecycle/contact-merge.js';
import { CONTACTS_ENTITIES } from './contacts.entities.js';

@Module({
  imports: [TypeOrmModule.forFeature(CONTACTS_ENTITIES)],
  providers: [ContactRepository, ContactMatcher, ContactHooks, ContactMerge, ContactAddressChange],
  exports: [ContactRepository, ContactMatcher, ContactHooks, ContactMerge, ContactAddressChange],
})
export class ContactsModule {}
