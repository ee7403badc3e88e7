import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type ContactHook, ContactHooks, type MergeResult } from '@app/contacts';
import type { TenantTx } from '@app/database';
import { ConsentLedger } from './consent-ledger.js';

/** Consent's part of a contact merge: the ledger copies the other's records (append-only: never moved). */
@Injectable()
export class ConsentContactHook implements ContactHook, OnModuleInit {
  constructor(
    private readonly hooks: ContactHooks,
    private readonly ledger: ConsentLedger,
  ) {}

  onModuleInit(): void {
    this.hooks.register('consent', 40, this);
  }

  async mergeContact(tx: TenantTx, survivorId: string, otherId: string): Promise<Partial<MergeResult>> {
    return { consentsCopied: await this.ledger.copyRecordsOnMerge(tx, survivorId, otherId) };
  }
}
