import { Module } from '@nestjs/common';
import { ContactMatcher } from './contact-matcher.js';
import { ContactRepository } from './contact.repository.js';
import { ContactAddressChange } from './lifecycle/contact-address-change.js';
import { ContactHooks } from './lifecycle/contact-hooks.js';
import { ContactMerge } from './lifecycle/contact-merge.js';

@Module({
  providers: [ContactRepository, ContactMatcher, ContactHooks, ContactMerge, ContactAddressChange],
  exports: [ContactRepository, ContactMatcher, ContactHooks, ContactMerge, ContactAddressChange],
})
export class ContactsModule {}
