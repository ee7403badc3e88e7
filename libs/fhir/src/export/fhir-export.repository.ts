// Hand-written SQL: an export's state moves under conditions (queued -> running -> completed,
// cancelled from any live state), and its files are encrypted blobs written page by page.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import type { FhirResourceType } from '../clients/scopes.js';
import type { FhirExportEntity } from '../fhir.entities.js';

export type ExportStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface FhirExport {
  id: string;
  clientId: string;
  status: ExportStatus;
  types: FhirResourceType[];
  since: Date | null;
  progress: string | null;
  transactionTime: Date | null;
  createdAt: Date;
  expiresAt: Date | null;
}

/** What one bounded deletion of exports took. */
export interface DeletedExports {
  /** The exports deleted (each once it had no file left). */
  deleted: string[];
  /** Files deleted, by export (also of exports left for a later batch, which still have files). */
  filesByExport: Map<string, number>;
  files: number;
}

export interface ExportFileInfo {
  id: string;
  resourceType: FhirResourceType;
  lineCount: number;
}

type ExportRow = Pick<
  FhirExportEntity,
  | 'id'
  | 'client_id'
  | 'status'
  | 'resource_types'
  | 'since'
  | 'progress'
  | 'transaction_time'
  | 'created_at'
  | 'expires_at'
>;

const EXPORT_COLUMNS =
  'id, client_id, status, resource_types, since, progress, transaction_time, created_at, expires_at';
/** The encryption binding of an export file's NDJSON. */
const CONTENT_COLUMN = 'fhir_export_files.content';

/**
 * How long an export that is not downloadable is kept after it last moved: a failed one (its
 * status keeps answering "failed" meanwhile), a cancelled one (already 404), and a queued or
 * running one whose job is gone (a running export saves progress after every page and its job's
 * retries end within minutes, so a day without a move is a dead export, with partial files).
 */
export const IDLE_EXPORT_KEPT_MS = 86_400_000;

/** Exports past their expiry, by the database's clock: the expiry job deletes them. */
const EXPIRED_EXPORT = 'expires_at <= now()';

/**
 * Exports the retention sweep deletes with their files (params: $1 tenant, $2 now, $3 now -
 * IDLE_EXPORT_KEPT_MS): a completed export once it expires (the same `expires_at` the status
 * and download routes refuse after, and the expiry job deletes at), and one not downloadable
 * that has not moved for IDLE_EXPORT_KEPT_MS.
 */
const SPENT_EXPORT = `(expires_at <= $2
  OR (status IN ('failed', 'cancelled', 'queued', 'running') AND updated_at < $3))`;

/** `fhir_exports` and `fhir_export_files`: the only writer of both; files encrypted with the practice's key. */
@Injectable()
export class FhirExportRepository {
  constructor(private readonly keys: KeyRingService) {}

  /**
   * A queued export of the client, or null while the client has another one live (queued or
   * running): the partial unique index `fhir_exports_one_live` decides, so two kick-offs racing
   * cannot both insert (the second waits for the first to commit, then inserts nothing).
   */
  async createUnlessLive(
    tx: TenantTx,
    input: { clientId: string; types: readonly FhirResourceType[]; since: Date | null },
  ): Promise<FhirExport | null> {
    const [row] = await tx.query<ExportRow>(
      `INSERT INTO fhir_exports (id, tenant_id, client_id, status, resource_types, since)
       VALUES ($1, $2, $3, 'queued', $4, $5)
       ON CONFLICT (tenant_id, client_id) WHERE status IN ('queued', 'running') DO NOTHING
       RETURNING ${EXPORT_COLUMNS}`,
      [randomUUID(), tx.tenantId, input.clientId, input.types, input.since],
    );
    return row ? toExport(row) : null;
  }

  /**
   * Fails the client's live export that has not moved in 10 minutes (a running export saves
   * progress after every page; one whose job was lost, or still waits in the queue, stops
   * holding the client's one slot) and deletes its files; how many.
   */
  async failStalled(tx: TenantTx, clientId: string): Promise<number> {
    const rows = await tx.query(
      `WITH failed AS (
         UPDATE fhir_exports SET status = 'failed', progress = NULL, updated_at = now()
         WHERE tenant_id = $1 AND client_id = $2 AND status IN ('queued', 'running')
           AND updated_at <= now() - interval '10 minutes'
         RETURNING id
       ), files AS (
         DELETE FROM fhir_export_files WHERE tenant_id = $1 AND export_id IN (SELECT id FROM failed)
       )
       SELECT id FROM failed`,
      [tx.tenantId, clientId],
    );
    return rows.length;
  }

  /** The client's export (null for another client's, or one gone). */
  async get(tx: TenantTx, id: string, clientId?: string): Promise<FhirExport | null> {
    const [row] = await tx.query<ExportRow>(
      `SELECT ${EXPORT_COLUMNS} FROM fhir_exports WHERE tenant_id = $1 AND id = $2
         AND ($3::uuid IS NULL OR client_id = $3)`,
      [tx.tenantId, id, clientId ?? null],
    );
    return row ? toExport(row) : null;
  }

  async files(tx: TenantTx, exportId: string): Promise<ExportFileInfo[]> {
    const rows = await tx.query<{ id: string; resource_type: FhirResourceType; line_count: number }>(
      `SELECT id, resource_type, line_count FROM fhir_export_files WHERE tenant_id = $1 AND export_id = $2
       ORDER BY resource_type, position`,
      [tx.tenantId, exportId],
    );
    return rows.map((r) => ({ id: r.id, resourceType: r.resource_type, lineCount: r.line_count }));
  }

  /**
   * Starts (or, on a retry, restarts) a queued or running export at `transactionTime`: its files
   * so far are dropped. Null when it is not live any more (cancelled, completed, failed, gone).
   */
  async start(tx: TenantTx, id: string): Promise<FhirExport | null> {
    const [row] = await tx.query<ExportRow>(
      `UPDATE fhir_exports SET status = 'running', transaction_time = now(), progress = NULL, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running') RETURNING ${EXPORT_COLUMNS}`,
      [tx.tenantId, id],
    );
    if (!row) return null;
    await tx.query(`DELETE FROM fhir_export_files WHERE tenant_id = $1 AND export_id = $2`, [
      tx.tenantId,
      id,
    ]);
    return toExport(row);
  }

  /** Records progress while the export runs; false once it is not running (cancelled meanwhile). */
  async progress(tx: TenantTx, id: string, progress: string): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE fhir_exports SET progress = $3, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND status = 'running' RETURNING id`,
      [tx.tenantId, id, progress],
    );
    return rows.length === 1;
  }

  /** One NDJSON file of the export, sealed with the practice's key. */
  async addFile(
    tx: TenantTx,
    input: {
      exportId: string;
      resourceType: FhirResourceType;
      position: number;
      lineCount: number;
      ndjson: Buffer;
    },
  ): Promise<void> {
    const cipher = await this.keys.forTenant(tx);
    await tx.query(
      `INSERT INTO fhir_export_files (id, tenant_id, export_id, resource_type, position, line_count, content_enc)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        randomUUID(),
        tx.tenantId,
        input.exportId,
        input.resourceType,
        input.position,
        input.lineCount,
        cipher.encrypt(CONTENT_COLUMN, input.ndjson),
      ],
    );
  }

  async complete(tx: TenantTx, id: string, expiresAt: Date): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE fhir_exports SET status = 'completed', completed_at = now(), expires_at = $3, progress = NULL,
         updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND status = 'running' RETURNING id`,
      [tx.tenantId, id, expiresAt],
    );
    return rows.length === 1;
  }

  /** A failed export keeps no files. */
  async fail(tx: TenantTx, id: string): Promise<void> {
    await tx.query(
      `UPDATE fhir_exports SET status = 'failed', progress = NULL, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND status IN ('queued', 'running')`,
      [tx.tenantId, id],
    );
    await tx.query(`DELETE FROM fhir_export_files WHERE tenant_id = $1 AND export_id = $2`, [
      tx.tenantId,
      id,
    ]);
  }

  /** Cancels the client's export (Bulk Data DELETE) and deletes its files; false if there is none live or done. */
  async cancel(tx: TenantTx, id: string, clientId: string): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE fhir_exports SET status = 'cancelled', progress = NULL, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND client_id = $3 AND status IN ('queued', 'running', 'completed')
         AND (expires_at IS NULL OR expires_at > now())
       RETURNING id`,
      [tx.tenantId, id, clientId],
    );
    if (rows.length === 0) return false;
    await tx.query(`DELETE FROM fhir_export_files WHERE tenant_id = $1 AND export_id = $2`, [
      tx.tenantId,
      id,
    ]);
    return true;
  }

  /**
   * One bounded batch of the expiry job: up to `limit` of the practice's exports past their
   * expiry and of their files (as `purgeSpent`, whose locking it shares). Expired by the
   * database's clock, the one `openFile` refuses them by, so a file is never deleted while it
   * could still be served (a download that read it before keeps its snapshot).
   */
  deleteExpired(tx: TenantTx, limit: number): Promise<DeletedExports> {
    return this.deleteLocked(tx, { where: EXPIRED_EXPORT, params: [] }, limit);
  }

  /** One bounded batch of the retention sweep: the exports that are spent (SPENT_EXPORT) at `now`. */
  async purgeSpent(
    tx: TenantTx,
    now: Date,
    limit: number,
  ): Promise<{ fhirExports: number; fhirExportFiles: number }> {
    const batch = await this.deleteLocked(
      tx,
      { where: SPENT_EXPORT, params: [now, new Date(now.getTime() - IDLE_EXPORT_KEPT_MS)] },
      limit,
    );
    return { fhirExports: batch.deleted.length, fhirExportFiles: batch.files };
  }

  /**
   * Deletes up to `limit` of the exports `where` picks (its params from $2) and of their files.
   * The exports are locked first (`SKIP LOCKED`); every writer of files (a restart, a cancel, a
   * failure) locks the export before its files, so holding the export is holding its files.
   * Then up to `limit` of their files go, then those of them left without files; an export with
   * more files than that goes in a later batch. Two deleters (sweeps, expiry jobs, one of each)
   * delete each row once.
   */
  private async deleteLocked(
    tx: TenantTx,
    which: { where: string; params: unknown[] },
    limit: number,
  ): Promise<DeletedExports> {
    const locked = await tx.query<{ id: string }>(
      `SELECT id FROM fhir_exports WHERE tenant_id = $1 AND ${which.where}
       ORDER BY id LIMIT $${which.params.length + 2} FOR UPDATE SKIP LOCKED`,
      [tx.tenantId, ...which.params, limit],
    );
    const ids = locked.map((row) => row.id);
    const filesByExport = new Map<string, number>();
    if (ids.length === 0) return { deleted: [], filesByExport, files: 0 };
    const files = await tx.query<{ export_id: string }>(
      `DELETE FROM fhir_export_files WHERE tenant_id = $1 AND id IN (
         SELECT id FROM fhir_export_files WHERE tenant_id = $1 AND export_id = ANY($2::uuid[])
         ORDER BY id LIMIT $3)
       RETURNING export_id`,
      [tx.tenantId, ids, limit],
    );
    for (const { export_id } of files) filesByExport.set(export_id, (filesByExport.get(export_id) ?? 0) + 1);
    const deleted = await tx.query<{ id: string }>(
      `DELETE FROM fhir_exports e WHERE e.tenant_id = $1 AND e.id = ANY($2::uuid[])
         AND NOT EXISTS (SELECT 1 FROM fhir_export_files f WHERE f.tenant_id = $1 AND f.export_id = e.id)
       RETURNING e.id`,
      [tx.tenantId, ids],
    );
    return { deleted: deleted.map((row) => row.id), filesByExport, files: files.length };
  }

  /**
   * A file of the client's completed, unexpired export, decrypted; null otherwise (another
   * client's, cancelled, expired, unknown).
   */
  async openFile(
    tx: TenantTx,
    fileId: string,
    clientId: string,
  ): Promise<{ exportId: string; resourceType: FhirResourceType; lineCount: number; ndjson: Buffer } | null> {
    const [row] = await tx.query<{
      export_id: string;
      resource_type: FhirResourceType;
      line_count: number;
      content_enc: Buffer;
    }>(
      `SELECT f.export_id, f.resource_type, f.line_count, f.content_enc FROM fhir_export_files f
       JOIN fhir_exports e ON e.tenant_id = f.tenant_id AND e.id = f.export_id
       WHERE f.tenant_id = $1 AND f.id = $2 AND e.client_id = $3 AND e.status = 'completed' AND e.expires_at > now()`,
      [tx.tenantId, fileId, clientId],
    );
    if (!row) return null;
    const ndjson = await (await this.keys.forTenant(tx)).decrypt(CONTENT_COLUMN, row.content_enc);
    return { exportId: row.export_id, resourceType: row.resource_type, lineCount: row.line_count, ndjson };
  }
}

function toExport(row: ExportRow): FhirExport {
  return {
    id: row.id,
    clientId: row.client_id,
    status: row.status as ExportStatus,
    types: row.resource_types as FhirResourceType[],
    since: row.since,
    progress: row.progress,
    transactionTime: row.transaction_time,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
