import { Module } from '@nestjs/common';
import { ContactsModule } from '@app/contacts';
import { ConsentContactHook } from './consent-contact-hook.js';
import { ConsentLedger } from './consent-ledger.js';

/** The consent and opt-out ledgers (the gate and keyword parser are plain functions). */
@Module({
  imports: [ContactsModule],
  providers: [ConsentLedger, ConsentContactHook],
  exports: [ConsentLedger],
})
export class ConsentModule {}
