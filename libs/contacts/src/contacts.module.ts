import { Module } from '@nestjs/common';
import { ContactMatcher } from './contact-matcher.js';
import { ContactRepository } from './contact.repository.js';

@Module({ providers: [ContactRepository, ContactMatcher], exports: [ContactRepository, ContactMatcher] })
export class ContactsModule {}
