import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb } from '@app/database';
import { JobQueue } from '@app/jobs';
import type { FhirClientPrincipal } from '../clients/client-credentials.js';
import { type FhirResourceType, isFhirResourceType } from '../clients/scopes.js';
import { FhirError, FhirErrorCode as E } from '../fhir.errors.js';
import { FhirResources } from '../search/fhir-resources.js';
import { FhirExportRepository } from './fhir-export.repository.js';

/** The Bulk Data manifest of a completed export. */
export interface ExportManifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: true;
  output: Array<{ type: FhirResourceType; url: string; count: number }>;
  error: [];
}

export type ExportState =
  | { state: 'in-progress'; progress: string }
  | { state: 'completed'; manifest: ExportManifest }
  | { state: 'failed' };

const exportNotFound = () => new FhirError(E.ExportNotFound, 'Export not found');

/**
 * System-level Bulk Data export (FHIR Bulk Data Access IG) for an API client: the kick-off
 * queues a `fhir.export` job (ids only), the status is polled, the NDJSON files are downloaded
 * with a token of the same client, and DELETE cancels. Each step is audited as the client; one
 * export per client is live at a time (429 otherwise, kept by a unique index, so simultaneous
 * kick-offs get one 202); a live export that has not moved in 10 minutes fails at the client's
 * next kick-off. An expired export is refused here (status, download, cancel) and deleted by the
 * worker: its expiry job, or the hourly retention sweep should that job be lost.
 */
@Injectable()
export class BulkExport {
  constructor(
    private readonly db: TenantDb,
    private readonly exports: FhirExportRepository,
    private readonly resources: FhirResources,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  kickOff(client: FhirClientPrincipal, input: { types?: string[]; since?: Date }): Promise<string> {
    const types = input.types ?? [...client.types];
    const unknown = types.filter((t) => !isFhirResourceType(t));
    if (unknown.length)
      throw new FhirError(E.InvalidParameter, 'The request is not valid', [
        { path: '_type', message: 'must name Patient, Communication, Consent or AuditEvent' },
      ]);
    const outside = (types as FhirResourceType[]).filter((t) => !client.types.has(t));
    if (outside.length)
      throw new FhirError(E.InsufficientScope, `The token's scope does not include ${outside.join(', ')}`);
    return this.db.transaction(async (tx) => {
      await this.exports.failStalled(tx, client.clientId);
      const created = await this.exports.createUnlessLive(tx, {
        clientId: client.clientId,
        types: [...new Set(types as FhirResourceType[])],
        since: input.since ?? null,
      });
      if (!created)
        throw new FhirError(E.ExportInProgress, 'An export of this client is already in progress', {
          retryAfterSeconds: 30,
        });
      this.audit.record(tx, {
        action: 'fhir.export_requested',
        target: { type: 'fhir_export', id: created.id },
        metadata: { types: created.types.join(','), since: created.since?.toISOString() ?? null },
      });
      this.jobs.addAfterCommit(
        tx,
        'fhir.export',
        { tenantId: tx.tenantId, exportId: created.id },
        { jobId: `fhir-export-${created.id}` },
        'the export looks stalled after 10 minutes and fails at the client’s next kick-off',
      );
      return created.id;
    });
  }

  status(client: FhirClientPrincipal, id: string): Promise<ExportState> {
    return this.db.transaction(async (tx) => {
      const found = await this.exports.get(tx, id, client.clientId);
      if (!found || found.status === 'cancelled' || (found.expiresAt && found.expiresAt <= new Date()))
        throw exportNotFound();
      if (found.status === 'failed') return { state: 'failed' };
      if (found.status !== 'completed')
        return { state: 'in-progress', progress: found.progress ?? found.status };
      const files = await this.exports.files(tx, id);
      return {
        state: 'completed',
        manifest: {
          transactionTime: found.transactionTime!.toISOString(),
          request: this.kickOffUrl(found.types, found.since),
          requiresAccessToken: true,
          output: files.map((f) => ({
            type: f.resourceType,
            url: `${this.resources.baseUrl}/bulk-files/${f.id}`,
            count: f.lineCount,
          })),
          error: [],
        },
      };
    });
  }

  cancel(client: FhirClientPrincipal, id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      if (!(await this.exports.cancel(tx, id, client.clientId))) throw exportNotFound();
      this.audit.record(tx, { action: 'fhir.export_cancelled', target: { type: 'fhir_export', id } });
    });
  }

  download(client: FhirClientPrincipal, fileId: string): Promise<Buffer> {
    return this.db.transaction(async (tx) => {
      const file = await this.exports.openFile(tx, fileId, client.clientId);
      if (!file) throw new FhirError(E.ResourceNotFound, 'Export file not found');
      this.audit.record(tx, {
        action: 'fhir.export_downloaded',
        target: { type: 'fhir_export', id: file.exportId },
        metadata: { fileId, resourceType: file.resourceType, count: file.lineCount },
      });
      return file.ndjson;
    });
  }

  private kickOffUrl(types: readonly FhirResourceType[], since: Date | null): string {
    const params = new URLSearchParams({ _type: types.join(',') });
    if (since) params.set('_since', since.toISOString());
    return `${this.resources.baseUrl}/$export?${params.toString()}`;
  }
}
