// Hand-written SQL, not the entity's repository (TenantTx.repository): every audited request and
// dispatch writes an event riding with COMMIT, and sealing extends a keyed hash chain in order
// (measured hot path: `npm run bench delivery`, docs/operations.md).
import { randomUUIDv7 } from 'node:crypto';
import { isIP } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationShutdown, Optional } from '@nestjs/common';
import {
  countUpTo,
  multiRowValues,
  PreparedSql,
  SqlConditions,
  TenantDb,
  type TenantTx,
} from '@app/database';
import { type Actor, Metrics, requestContext } from '@app/observability';
import type { Counter, Histogram } from 'prom-client';
import {
  type AuditMetadataValue,
  type ChainCheck,
  type ChainedAuditEvent,
  ChainVerifier,
  type SealedAuditEvent,
  sealAuditEvent,
} from './audit-chain.js';
import { AUDIT_SEALER_DB } from './audit-database.js';
import { AuditKeyRing } from './audit-keys.js';
import type { AuditEventEntity } from './audit-event.entity.js';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEventInput {
  /** Dotted verb, e.g. `conversation.read`, `auth.login`, `consent.granted`. */
  action: string;
  outcome?: AuditOutcome;
  target?: { type: string; id: string };
  /** Defaults to the request context's actor, else the system. */
  actor?: Actor;
  /** Ids, counts, reasons: never PHI (no names, addresses, bodies). */
  metadata?: Record<string, AuditMetadataValue>;
}

export interface AuditEventRow {
  id: string;
  seq: number;
  occurredAt: string;
  actor: { type: string; id: string };
  action: string;
  target: { type: string; id: string } | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  metadata: Record<string, AuditMetadataValue>;
}

/**
 * One line of the NDJSON export: everything the link covers, so an auditor can check the chain
 * (links, HMACs, the checkpointed head) outside the system: `npm run audit -- verify-export`.
 */
export interface AuditExportLine {
  tenantId: string;
  id: string;
  seq: number;
  /** Hex; null for the first event. */
  prevHash: string | null;
  /** Hex: HMAC-SHA256 under the audit key `keyId` (plain SHA-256 for a legacy event, `keyId` null). */
  hash: string;
  keyId: string | null;
  occurredAt: string;
  actor: { type: string; id: string };
  action: string;
  target: { type: string | null; id: string | null } | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  metadata: Record<string, AuditMetadataValue>;
}

const PENDING = Symbol('audit.pending');
const SYSTEM: Actor = { type: 'system', id: 'system' };
/** Rows per statement of `verify`: the walk is paged (keyset on seq), never one result set. */
export const VERIFY_PAGE_SIZE = 5000;
const SEAL_BATCH = 1000;
const SEAL_DELAY_MS = 100;

type PendingEvent = Omit<ChainedAuditEvent, 'seq' | 'prevHash'>;

/**
 * A row condition for an event written with COMMIT (a SELECT for `EXISTS`): the event is stored
 * only if it holds then, e.g. "the conversation exists and this viewer may see it", so an
 * audited read can record its event before the query that it describes.
 */
export interface AuditCondition {
  sql: string;
  params: unknown[];
}

/** Which events a listing or an export page reads. */
export interface AuditQuery {
  from?: Date;
  to?: Date;
  actorId?: string;
  action?: string;
  /** Leaves these actions out (a conversation's activity leaves out who read it). */
  exceptActions?: string[];
  targetId?: string;
  /** Only these events (the FHIR API's `_id`). */
  ids?: readonly string[];
  beforeSeq?: number;
  afterSeq?: number;
  order?: 'asc' | 'desc';
  limit: number;
}

interface QueuedEvent {
  event: PendingEvent;
  onlyIf?: AuditCondition;
}

type StoredRow = Pick<
  AuditEventEntity,
  | 'id'
  | 'tenant_id'
  | 'seq'
  | 'prev_hash'
  | 'hash'
  | 'key_id'
  | 'occurred_at'
  | 'actor_type'
  | 'actor_id'
  | 'action'
  | 'target_type'
  | 'target_id'
  | 'outcome'
  | 'ip'
  | 'user_agent'
  | 'metadata'
> & { metadata: Record<string, AuditMetadataValue> };

const CONTENT_COLUMNS =
  'id, tenant_id, occurred_at, actor_type, actor_id, action, target_type, target_id, outcome, ip, user_agent, metadata';
const STORED_COLUMNS = `${CONTENT_COLUMNS}, seq, prev_hash, hash, key_id`;
/** The content values as a SELECT list (typed: a SELECT does not take its types from the INSERT). */
const CONTENT_PLACEHOLDERS =
  '$1::uuid, $2::uuid, $3::timestamptz, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::text, $11::text, $12::jsonb';
/** A transaction's one event (the usual case: every audited write or read). */
const INSERT_ONE_EVENT = new PreparedSql(
  `INSERT INTO audit_outbox (${CONTENT_COLUMNS}) VALUES (${CONTENT_PLACEHOLDERS})`,
);
/** The tenant's oldest waiting events, taken out of the outbox, with the chain's head. */
const TAKE_SEAL_BATCH = new PreparedSql(
  `WITH batch AS (
     DELETE FROM audit_outbox WHERE pos IN (
       SELECT pos FROM audit_outbox WHERE tenant_id = $1 ORDER BY pos LIMIT ${SEAL_BATCH})
     RETURNING pos, ${CONTENT_COLUMNS})
   SELECT batch.*, h.seq AS head_seq, h.hash AS head_hash FROM batch
   LEFT JOIN LATERAL (SELECT seq, hash FROM audit_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1) h ON true`,
);

/**
 * The audit trail, in two steps so that chaining never serializes the tenant's commits:
 * 1. `record` adds the event to the caller's transaction: it lands in `audit_outbox` only if
 *    (and whenever) the work it describes commits.
 * 2. Right after commit, the sealer chains outbox events into `audit_events` (seq, prev_hash,
 *    hash = HMAC under the audit key, key_id) in batches under a per-tenant advisory lock, and
 *    deletes them from the outbox in the same transaction. It runs as the audit sealer role
 *    (`sealerDb`), the only role that may write audit_events; the request-serving role only
 *    queues. Reads (`list`, `verify`) seal first, so they see every event.
 * One lock holder per tenant at a time means the chain never forks; the lock covers one
 * batch, not the business transactions.
 */
@Injectable()
export class AuditService implements OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  /** Tenants with a background seal running, and whether more events arrived meanwhile. */
  private readonly sealing = new Map<string, { again: boolean }>();
  private readonly sealLag: Histogram;
  private readonly sealFailures: Counter;

  constructor(
    private readonly db: TenantDb,
    /** Transactions as the audit sealer role. */
    @Inject(AUDIT_SEALER_DB) private readonly sealerDb: TenantDb,
    private readonly keys: AuditKeyRing,
    /** The process's registry (a registry of its own where none is given: tools, unit tests). */
    @Optional() metrics: Metrics = new Metrics(),
  ) {
    this.sealLag = metrics.histogram({
      name: 'inbox_audit_seal_lag_seconds',
      help: 'Age of the oldest event of each sealed batch: how long events wait in the outbox before being chained.',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
    });
    this.sealFailures = metrics.counter({
      name: 'inbox_audit_seal_failures_total',
      help: 'Background seals that failed (the events stay in the outbox for the next seal).',
    });
  }

  record(tx: TenantTx, input: AuditEventInput, { onlyIf }: { onlyIf?: AuditCondition } = {}): void {
    const ctx = requestContext.get();
    const pending = tx.local<QueuedEvent[]>(PENDING, () => {
      tx.beforeCommit(async () => this.writeOutbox(tx));
      tx.afterCommit(() => this.sealSoon(tx.tenantId));
      return [];
    });
    const actor = input.actor ?? ctx.actor ?? SYSTEM;
    const event: PendingEvent = {
      // Time-ordered (v7): new ids land at the right edge of the id index, not all over it.
      id: randomUUIDv7(),
      tenantId: tx.tenantId,
      occurredAt: new Date(),
      actorType: actor.type,
      actorId: actor.id,
      action: input.action,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      outcome: input.outcome ?? 'success',
      ip: ctx.ip && isIP(ctx.ip) ? ctx.ip : null,
      userAgent: ctx.userAgent ? ctx.userAgent.slice(0, 512) : null,
      metadata: input.metadata ?? {},
    };
    pending.push(onlyIf ? { event, onlyIf } : { event });
  }

  /** Records an event in a transaction of its own (e.g. a denied attempt that wrote nothing else). */
  recordNow(tenantId: string, input: AuditEventInput): Promise<void> {
    return this.db.forTenant(tenantId, async (tx) => this.record(tx, input));
  }

  /**
   * Chains every outbox event of the tenant into audit_events, in a transaction of the sealer
   * role (the last batch rides with its COMMIT: three round trips); returns how many.
   */
  seal(tenantId: string): Promise<number> {
    return this.sealerDb.forTenant(tenantId, (tx) => this.sealOutbox(tx));
  }

  private async sealOutbox(tx: TenantTx): Promise<number> {
    // Its own statement: the reads below must see what an earlier lock holder committed.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`audit:${tx.tenantId}`]);
    let head: { seq: number; hash: Buffer | null } | undefined;
    let total = 0;
    for (;;) {
      const batch = await tx.query<
        StoredRow & { pos: string; head_seq: string | null; head_hash: Buffer | null }
      >(TAKE_SEAL_BATCH, [tx.tenantId]);
      if (batch.length === 0) return total;
      head ??= { seq: Number(batch[0]!.head_seq ?? 0), hash: batch[0]!.head_hash };
      const ordered = batch.toSorted((a, b) => Number(a.pos) - Number(b.pos)).map(fromStored);
      const lagSeconds = (Date.now() - new Date(ordered[0]!.occurredAt).getTime()) / 1000;
      tx.afterCommit(() => this.sealLag.observe(Math.max(0, lagSeconds)));
      const last = batch.length < SEAL_BATCH;
      head = await this.appendToChain(tx, head, ordered, last);
      total += batch.length;
      if (last) return total;
    }
  }

  /** The transaction's events, sent with its COMMIT: one round trip fewer for every audited write or read. */
  private writeOutbox(tx: TenantTx): void {
    const queued = tx.local<QueuedEvent[]>(PENDING, () => []).splice(0);
    const always = queued.filter((q) => !q.onlyIf).map((q) => q.event);
    if (always.length === 1) tx.sendWithCommit(INSERT_ONE_EVENT, contentValues(always[0]!));
    else if (always.length > 1) {
      const { sql, values } = multiRowValues(always, contentValues);
      tx.sendWithCommit(`INSERT INTO audit_outbox (${CONTENT_COLUMNS}) VALUES ${sql}`, values);
    }
    for (const { event, onlyIf } of queued) {
      if (!onlyIf) continue;
      const values = contentValues(event);
      // The condition's own $n follow the event's values.
      const condition = onlyIf.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + values.length}`);
      tx.sendWithCommit(
        `INSERT INTO audit_outbox (${CONTENT_COLUMNS}) SELECT ${CONTENT_PLACEHOLDERS} WHERE EXISTS (${condition})`,
        [...values, ...onlyIf.params],
      );
    }
  }

  /** Appends events after `head`; returns the new head. */
  private async appendToChain(
    tx: TenantTx,
    head: { seq: number; hash: Buffer | null },
    events: PendingEvent[],
    withCommit: boolean,
  ): Promise<{ seq: number; hash: Buffer | null }> {
    const key = this.keys.current;
    let { seq, hash: prevHash } = head;
    const chained = events.map((event) => {
      const link: ChainedAuditEvent = { ...event, seq: ++seq, prevHash };
      const hash = sealAuditEvent(link, key);
      prevHash = hash;
      return { ...link, hash };
    });
    const row = (e: (typeof chained)[number]) => [...contentValues(e), e.seq, e.prevHash, e.hash, key.id];
    const insert = `INSERT INTO audit_events (${STORED_COLUMNS}) VALUES `;
    const { sql, values } = multiRowValues(chained, row);
    if (withCommit) tx.sendWithCommit(insert + sql, values);
    else await tx.query(insert + sql, values);
    return { seq, hash: prevHash };
  }

  /**
   * Seals the tenant's outbox in the background, coalescing bursts: while a seal waits or runs,
   * further requests only mark it to run once more. A failure leaves the events safely in the outbox
   * for the next seal.
   */
  private sealSoon(tenantId: string): void {
    const running = this.sealing.get(tenantId);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    this.sealing.set(tenantId, state);
    const loop = async () => {
      try {
        for (;;) {
          state.again = false;
          await this.seal(tenantId);
          if (!state.again) break;
          await new Promise((resolve) => setTimeout(resolve, SEAL_DELAY_MS));
        }
      } catch (err) {
        this.sealFailures.inc();
        this.logger.warn(
          { tenantId, err: { name: (err as Error).name, code: (err as { code?: string }).code } },
          'Audit seal deferred',
        );
      } finally {
        this.sealing.delete(tenantId);
      }
    };
    // A short wait (before each round) lets a burst of requests share one seal (three round
    // trips) instead of each paying for its own; the events are already durable in the outbox.
    setTimeout(() => void loop(), SEAL_DELAY_MS);
  }

  /** Resolves when no background seal is running in this process (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.sealing.size > 0) await new Promise((r) => setTimeout(r, 5));
  }

  onApplicationShutdown(): Promise<void> {
    return this.idle();
  }

  /**
   * Walks the tenant's whole chain in seq order, a page (VERIFY_PAGE_SIZE rows, keyset on seq)
   * per statement, checking each HMAC with the audit key its event names; reports the first
   * broken link.
   */
  async verify(tx: TenantTx, pageSize = VERIFY_PAGE_SIZE): Promise<ChainCheck> {
    await this.seal(tx.tenantId);
    const verifier = new ChainVerifier(this.keys);
    let after = 0;
    for (;;) {
      const page = await tx.query<StoredRow>(
        `SELECT ${STORED_COLUMNS} FROM audit_events WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [tx.tenantId, after, pageSize],
      );
      for (const row of page) {
        if (!verifier.push(sealedFromStored(row))) return verifier.result();
      }
      if (page.length < pageSize) return verifier.result();
      after = Number(page.at(-1)!.seq);
    }
  }

  /** Keyset-paginated by seq: newest first (`beforeSeq`), or oldest first (`order: 'asc'`, `afterSeq`). */
  async list(tx: TenantTx, filter: AuditQuery): Promise<AuditEventRow[]> {
    await this.seal(tx.tenantId);
    return (await this.select(tx, filter)).map(toApiRow);
  }

  /**
   * Export lines (with their links), oldest first after `afterSeq`; does not seal (the
   * exporter seals once, then pages through a consistent prefix of the chain).
   */
  async exportPage(
    tx: TenantTx,
    filter: { from?: Date; to?: Date; afterSeq: number; limit: number },
  ): Promise<AuditExportLine[]> {
    return (await this.select(tx, { ...filter, order: 'asc' })).map(toExportLine);
  }

  /**
   * How many events `list` would walk through for this filter from its first page (no keyset
   * position), counted up to `atMost` (the caller's cap bounds the work). Seals first, as `list` does.
   */
  async count(
    tx: TenantTx,
    filter: Omit<AuditQuery, 'beforeSeq' | 'afterSeq' | 'order' | 'limit'>,
    atMost: number,
  ) {
    await this.seal(tx.tenantId);
    return countUpTo(tx, 'audit_events', auditWhere(tx, filter), atMost);
  }

  private select(tx: TenantTx, filter: AuditQuery): Promise<StoredRow[]> {
    const where = auditWhere(tx, filter);
    if (filter.beforeSeq) where.add('seq < ?', filter.beforeSeq);
    if (filter.afterSeq) where.add('seq > ?', filter.afterSeq);
    const limit = where.param(filter.limit);
    const order = filter.order === 'asc' ? 'ASC' : 'DESC';
    return tx.query<StoredRow>(
      `SELECT ${STORED_COLUMNS} FROM audit_events WHERE ${where} ORDER BY seq ${order} LIMIT ${limit}`,
      where.params,
    );
  }
}

/** The conditions of an audit query, without its keyset position. */
function auditWhere(
  tx: TenantTx,
  filter: Omit<AuditQuery, 'beforeSeq' | 'afterSeq' | 'order' | 'limit'>,
): SqlConditions {
  const where = new SqlConditions([tx.tenantId], 'tenant_id = $1');
  if (filter.from) where.add('occurred_at >= ?', filter.from);
  if (filter.to) where.add('occurred_at < ?', filter.to);
  if (filter.actorId) where.add('actor_id = ?', filter.actorId);
  if (filter.action) where.add('action = ?', filter.action);
  if (filter.exceptActions?.length) where.add('NOT (action = ANY (?::text[]))', filter.exceptActions);
  if (filter.targetId) where.add('target_id = ?', filter.targetId);
  if (filter.ids) where.add('id = ANY (?::uuid[])', filter.ids);
  return where;
}

/** Values in CONTENT_COLUMNS order. */
function contentValues(e: PendingEvent): unknown[] {
  return [
    e.id,
    e.tenantId,
    e.occurredAt,
    e.actorType,
    e.actorId,
    e.action,
    e.targetType,
    e.targetId,
    e.outcome,
    e.ip,
    e.userAgent,
    JSON.stringify(e.metadata),
  ];
}

function fromStored(row: StoredRow): ChainedAuditEvent {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    seq: Number(row.seq),
    prevHash: row.prev_hash ?? null,
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.user_agent,
    metadata: row.metadata,
  };
}

function sealedFromStored(row: StoredRow): SealedAuditEvent {
  return { ...fromStored(row), hash: row.hash, keyId: row.key_id };
}

function toExportLine(row: StoredRow): AuditExportLine {
  const target =
    row.target_type === null && row.target_id === null ? null : { type: row.target_type, id: row.target_id };
  return {
    tenantId: row.tenant_id,
    id: row.id,
    seq: Number(row.seq),
    prevHash: row.prev_hash ? row.prev_hash.toString('hex') : null,
    hash: row.hash.toString('hex'),
    keyId: row.key_id,
    occurredAt: row.occurred_at.toISOString(),
    actor: { type: row.actor_type, id: row.actor_id },
    action: row.action,
    target,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.user_agent,
    metadata: row.metadata,
  };
}

function toApiRow(row: StoredRow): AuditEventRow {
  return {
    id: row.id,
    seq: Number(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    actor: { type: row.actor_type, id: row.actor_id },
    action: row.action,
    target: row.target_type && row.target_id ? { type: row.target_type, id: row.target_id } : null,
    outcome: row.outcome,
    ip: row.ip,
    userAgent: row.user_agent,
    metadata: row.metadata,
  };
}
