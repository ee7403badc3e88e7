import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { ContactsModule } from '@app/contacts';
import { ConsentContactHook } from './consent-contact-hook.js';
import { ConsentLedger } from './consent-ledger.js';
import { CONSENT_ENTITIES } from './consent.entities.js';

/** The consent and opt-out ledgers (the gate and keyword parser are plain functions). */
@Module({
  imports: [TypeOrmModule.forFeature(CONSENT_ENTITIES), ContactsModule],
  providers: [ConsentLedger, ConsentContactHook],
  exports: [ConsentLedger],
})
export class ConsentModule {}
