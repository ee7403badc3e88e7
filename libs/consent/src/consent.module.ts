import { Module } from '@nestjs/common';
import { ConsentLedger } from './consent-ledger.js';

/** The consent and opt-out ledgers (the gate and keyword parser are plain functions). */
@Module({ providers: [ConsentLedger], exports: [ConsentLedger] })
export class ConsentModule {}
