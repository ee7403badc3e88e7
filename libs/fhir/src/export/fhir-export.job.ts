import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AuditService } from '@app/audit';
import { APP_CONFIG } from '@app/config';
import { TenantDb } from '@app/database';
import { type JobData, type JobHandler, JobQueue } from '@app/jobs';
import type { FhirResourceType } from '../clients/scopes.js';
import type { FhirConfig } from '../fhir-config.js';
import { FhirResources } from '../search/fhir-resources.js';
import { FhirExportRepository } from './fhir-export.repository.js';

/** Resources per NDJSON file (one page read, one encrypted row written). */
export const EXPORT_FILE_LINES = 1000;

/**
 * Writes a Bulk Data export: for each type, pages of resources changed in [_since,
 * transactionTime) in change order, each page one NDJSON file encrypted with the practice's key,
 * each page in a short transaction of its own (progress saved; a cancel stops it at the next
 * page). A retry starts over (start() drops the files so far); the last failed attempt marks the
 * export failed. Completion is audited as the client that asked, and a delayed expiry job
 * deletes the export and its files when it expires.
 */
@Injectable()
export class FhirExportJob implements JobHandler<'fhir.export'> {
  readonly job = 'fhir.export' as const;
  private readonly logger = new Logger('FhirExport');

  constructor(
    private readonly db: TenantDb,
    private readonly exports: FhirExportRepository,
    private readonly resources: FhirResources,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: Pick<FhirConfig, 'FHIR_EXPORT_LIFETIME_SECONDS'>,
  ) {}

  async handle(data: JobData<'fhir.export'>, job: Job): Promise<void> {
    try {
      await this.run(data.exportId);
    } catch (err) {
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (lastAttempt) await this.db.transaction((tx) => this.exports.fail(tx, data.exportId));
      throw err;
    }
  }

  private async run(exportId: string): Promise<void> {
    const started = await this.db.transaction((tx) => this.exports.start(tx, exportId));
    if (!started) return;
    const until = started.transactionTime!;
    const counts: Partial<Record<FhirResourceType, number>> = {};
    for (const type of started.types) {
      let after: { micros: string; id: string } | undefined;
      let position = 0;
      counts[type] = 0;
      for (;;) {
        const running = await this.db.transaction(async (tx) => {
          const page = await this.resources.page(tx, type, {
            range: { from: started.since ?? undefined, to: until },
            after,
            limit: EXPORT_FILE_LINES,
          });
          // Progress first: its UPDATE finds the export still running and holds its row until
          // commit, so a cancel or a stalled-export failure cannot slip in between and leave a
          // file behind (theirs delete the files; one written after would never expire).
          counts[type]! += page.resources.length;
          after = page.last ?? undefined;
          const live = await this.exports.progress(tx, exportId, `${type}: ${counts[type]} resources`);
          if (!live) return { live, more: false };
          if (page.resources.length > 0) {
            const ndjson = Buffer.from(
              page.resources.map((r) => JSON.stringify(r)).join('\n') + '\n',
              'utf8',
            );
            await this.exports.addFile(tx, {
              exportId,
              resourceType: type,
              position,
              lineCount: page.resources.length,
              ndjson,
            });
          }
          return { live, more: page.more };
        });
        if (!running.live) {
          this.logger.log(
            { exportId },
            'Export stopped: no longer running (cancelled, or failed as stalled)',
          );
          return;
        }
        position++;
        if (!running.more) break;
      }
    }
    const expiresAt = new Date(Date.now() + this.config.FHIR_EXPORT_LIFETIME_SECONDS * 1000);
    await this.db.transaction(async (tx) => {
      if (!(await this.exports.complete(tx, exportId, expiresAt))) return;
      this.audit.record(tx, {
        action: 'fhir.exported',
        actor: { type: 'api_client', id: started.clientId },
        target: { type: 'fhir_export', id: exportId },
        metadata: Object.fromEntries(Object.entries(counts).map(([type, n]) => [type, n])),
      });
      this.jobs.addAfterCommit(
        tx,
        'fhir.export_expiry',
        { tenantId: tx.tenantId },
        // A second late, so the export has expired when it runs.
        { jobId: `fhir-export-expiry-${exportId}`, delay: expiresAt.getTime() - Date.now() + 1000 },
        'the hourly retention sweep deletes the export once expired',
      );
    });
  }
}

/** Exports and files one expiry transaction deletes at most. */
export const EXPIRY_BATCH = 1000;

/**
 * Deletes the practice's expired exports and their files (PHI is not kept past the export's
 * lifetime) in bounded batches, each its own short transaction, until none is left; each export
 * deleted is audited `fhir.export_expired` as the job (a system actor) with the number of its
 * files this run deleted. Another run, or the retention sweep, deleting at the same time takes
 * other exports (`SKIP LOCKED`), so each is deleted and audited once.
 */
@Injectable()
export class FhirExportExpiryJob implements JobHandler<'fhir.export_expiry'> {
  readonly job = 'fhir.export_expiry' as const;

  constructor(
    private readonly db: TenantDb,
    private readonly exports: FhirExportRepository,
    private readonly audit: AuditService,
  ) {}

  async handle(): Promise<void> {
    await this.expire(EXPIRY_BATCH);
  }

  /** The run, `limit` exports and files a batch (tests pass a small one). */
  async expire(limit: number): Promise<void> {
    // Files an export lost in earlier batches of this run (one with more files than a batch).
    const filesSoFar = new Map<string, number>();
    for (;;) {
      const batch = await this.db.transaction(async (tx) => {
        const done = await this.exports.deleteExpired(tx, limit);
        for (const id of done.deleted)
          this.audit.record(tx, {
            action: 'fhir.export_expired',
            target: { type: 'fhir_export', id },
            metadata: { files: (filesSoFar.get(id) ?? 0) + (done.filesByExport.get(id) ?? 0) },
          });
        return done;
      });
      for (const [id, n] of batch.filesByExport) filesSoFar.set(id, (filesSoFar.get(id) ?? 0) + n);
      for (const id of batch.deleted) filesSoFar.delete(id);
      // Fewer exports than the limit, all deleted (their files fit): none left that is not
      // another deleter's.
      if (batch.deleted.length < limit && batch.files < limit) return;
    }
  }
}
