import { access, constants, mkdir } from 'node:fs/promises';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { RoutedDb } from '@app/database';
import { PeriodicPass } from '@app/jobs';
import type { DataSource } from 'typeorm';
import { type ChainHead, signCheckpoint, writeCheckpointFile } from './audit-checkpoint.js';
import { AUDIT_DATA_SOURCE } from './audit-database.js';
import { AuditKeyRing } from './audit-keys.js';

/**
 * The head of every tenant's chain, one index probe per tenant (a skip scan over the unique
 * (tenant_id, seq) index, never a scan of the events). Visible to the sealer role only, and
 * only in a transaction that asked for it (policy audit_checkpoint_heads).
 */
const CHAIN_HEADS = `
  WITH RECURSIVE tenants AS (
    (SELECT tenant_id FROM audit_events ORDER BY tenant_id LIMIT 1)
    UNION ALL
    SELECT (SELECT e.tenant_id FROM audit_events e WHERE e.tenant_id > t.tenant_id ORDER BY e.tenant_id LIMIT 1)
    FROM tenants t WHERE t.tenant_id IS NOT NULL)
  SELECT h.tenant_id, h.seq, h.hash, h.key_id FROM tenants t
  CROSS JOIN LATERAL (
    SELECT tenant_id, seq, hash, key_id FROM audit_events e
    WHERE e.tenant_id = t.tenant_id ORDER BY seq DESC LIMIT 1) h`;

/**
 * Worker: every AUDIT_CHECKPOINT_SECONDS, a signed checkpoint file per tenant whose chain head
 * moved, in AUDIT_CHECKPOINT_DIR (outside Postgres: keep it on storage the database's
 * administrators cannot rewrite, e.g. a bucket with object lock). Refuses to boot if the
 * directory is not writable, as an audit trail without checkpoints is not one to rely on.
 */
@Injectable()
export class AuditCheckpointSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditCheckpoint');
  /** The seq last checkpointed per tenant by this process. */
  private readonly written = new Map<string, number>();
  private readonly pass = new PeriodicPass(this.logger, 'Audit checkpoint', () => this.checkpoint());

  constructor(
    @Inject(AUDIT_DATA_SOURCE) private readonly ds: DataSource,
    private readonly keys: AuditKeyRing,
    @Inject(APP_CONFIG)
    private readonly config: Pick<CoreConfig, 'AUDIT_CHECKPOINT_DIR' | 'AUDIT_CHECKPOINT_SECONDS'>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await mkdir(this.config.AUDIT_CHECKPOINT_DIR, { recursive: true, mode: 0o750 });
    await access(this.config.AUDIT_CHECKPOINT_DIR, constants.W_OK);
    this.pass.start(this.config.AUDIT_CHECKPOINT_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pass.stop();
  }

  /** Writes a checkpoint for each tenant whose head moved since the last one; returns their paths. */
  async checkpoint(now = new Date()): Promise<string[]> {
    const paths: string[] = [];
    for (const head of await this.heads()) {
      if (this.written.get(head.tenantId) === head.seq) continue;
      const cp = signCheckpoint(head, this.keys.current, now);
      paths.push(await writeCheckpointFile(this.config.AUDIT_CHECKPOINT_DIR, cp));
      this.written.set(head.tenantId, head.seq);
    }
    if (paths.length > 0) this.logger.log({ tenants: paths.length }, 'Audit chain heads checkpointed');
    return paths;
  }

  private heads(): Promise<ChainHead[]> {
    // The sealer's own connection (its role), with the sweep's setting.
    return new RoutedDb(this.ds).sweep('auditCheckpoint', async (tx) => {
      const rows = await tx.query<{ tenant_id: string; seq: string; hash: Buffer; key_id: string | null }>(
        CHAIN_HEADS,
      );
      return rows.map((r) => ({ tenantId: r.tenant_id, seq: Number(r.seq), hash: r.hash, keyId: r.key_id }));
    });
  }
}
