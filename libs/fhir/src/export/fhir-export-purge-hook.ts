import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import {
  ConversationsModule,
  type MessagePurgeHook,
  MessagePurgeHooks,
  type PurgeCounts,
} from '@app/conversations';
import type { TenantTx } from '@app/database';
import { FhirCoreModule } from '../fhir.module.js';
import { FhirExportRepository } from './fhir-export.repository.js';

/**
 * FHIR's part of the retention sweep: Bulk Data exports past their expiry (the files hold PHI)
 * and exports that will never be downloadable (failed, cancelled, or dead while queued or
 * running), with their files, in bounded batches. The expiry job a completed export schedules
 * deletes it on time; this is what still goes when that job was lost, and what it never covered.
 */
@Injectable()
export class FhirExportPurgeHook implements MessagePurgeHook, OnModuleInit {
  readonly name = 'fhir';

  constructor(
    private readonly registry: MessagePurgeHooks,
    private readonly exports: FhirExportRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  purgeExpired(tx: TenantTx, at: { now: Date; limit: number }): Promise<PurgeCounts> {
    return this.exports.purgeSpent(tx, at.now, at.limit);
  }
}

/** Registers FHIR's purge hook (the api and the worker import it). */
@Module({
  imports: [ConversationsModule, FhirCoreModule],
  providers: [FhirExportPurgeHook],
})
export class FhirRetentionModule {}
