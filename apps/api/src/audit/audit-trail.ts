import { Injectable } from '@nestjs/common';
import { type AuditEventRow, type AuditQuery, AuditService, type ChainCheck } from '@app/audit';
import { TenantDb } from '@app/database';

/** A search of the trail: the listing's filters, newest first (keyset on `beforeSeq`). */
export type AuditSearch = Omit<AuditQuery, 'afterSeq' | 'order'>;

/** How the export hands its lines to the caller: one `write` per batch of NDJSON lines. */
export interface AuditExportSink {
  write(ndjson: string): void;
}

const EXPORT_BATCH = 1000;

/**
 * The practice's audit trail for admins: search, chain verification and export. Reading the
 * trail is itself audited, in the same transaction.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  /** A page of events, newest first. */
  search(query: AuditSearch): Promise<AuditEventRow[]> {
    return this.db.transaction(async (tx) => {
      const data = await this.audit.list(tx, query);
      this.audit.record(tx, { action: 'audit.read', metadata: { results: data.length } });
      return data;
    });
  }

  /** Walks the keyed hash chain; reports the first broken link. */
  verify(): Promise<ChainCheck> {
    return this.db.transaction(async (tx) => {
      const result = await this.audit.verify(tx);
      this.audit.record(tx, {
        action: 'audit.verified',
        outcome: result.valid ? 'success' : 'failure',
        metadata: { checked: result.checked, firstBrokenId: result.firstBrokenId ?? null },
      });
      return result;
    });
  }

  /**
   * Every event in the window, oldest first, as NDJSON lines with their links. Sealed once,
   * then read in seq order in batches: the chain is append-only, so the file is a consistent
   * prefix of it whatever is appended meanwhile.
   */
  export(window: { from?: Date; to?: Date }, sink: AuditExportSink): Promise<void> {
    return this.db.transaction(async (tx) => {
      await this.audit.seal(tx.tenantId);
      let afterSeq = 0;
      let exported = 0;
      for (;;) {
        const batch = await this.audit.exportPage(tx, { ...window, afterSeq, limit: EXPORT_BATCH });
        if (batch.length) sink.write(batch.map((e) => JSON.stringify(e)).join('\n') + '\n');
        exported += batch.length;
        if (batch.length < EXPORT_BATCH) break;
        afterSeq = batch.at(-1)!.seq;
      }
      this.audit.record(tx, { action: 'audit.exported', metadata: { events: exported } });
    });
  }
}
