import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { ContactsModule } from '@app/contacts';
import { ConsentContactHook } from './consent-contact-hook.js';
import { ConsentLedger } from './consent-ledger.js';
import { ConsentRequestSenders } from './requests/consent-request-sender.js';
import { ConsentRequests } from './requests/consent-requests.js';
import { ConsentRequestRepository } from './requests/consent-request.repository.js';
import { SmsKeywordAnswers } from './requests/sms-keyword-answers.js';
import { CONSENT_ENTITIES } from './consent.entities.js';

/**
 * The consent and opt-out ledgers, consent requests and the SMS keyword rules (the gate and
 * keyword parser are plain functions). Requests go out through the `ConsentRequestSender`
 * delivery registers.
 */
@Module({
  imports: [TypeOrmModule.forFeature(CONSENT_ENTITIES), ContactsModule],
  providers: [
    ConsentLedger,
    ConsentContactHook,
    ConsentRequestSenders,
    ConsentRequestRepository,
    ConsentRequests,
    SmsKeywordAnswers,
  ],
  exports: [
    ConsentLedger,
    ConsentRequestSenders,
    ConsentRequestRepository,
    ConsentRequests,
    SmsKeywordAnswers,
  ],
})
export class ConsentModule {}
