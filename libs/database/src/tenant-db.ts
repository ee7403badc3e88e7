import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import type pg from 'pg';
import { DataSource, type EntityManager, type EntitySchema } from 'typeorm';
import { normalizeDatabaseError } from './database-error.js';
import { tenantScope } from './tenant-scope.js';
import { RLS_SETTINGS, type Route, routeSetting } from './rls-settings.js';
import { TenantRepository, type TenantScoped, tenantTxManager } from './tenant-repository.js';
import { type Sql, type Statement, TxPipeline, settingStatement } from './tx-pipeline.js';
import { isUuid } from './uuid.js';

export type { Sql, Statement } from './tx-pipeline.js';

/** Attempts of a transaction that keeps losing races before its error goes to the caller. */
const CONFLICT_ATTEMPTS = 3;
/** The pause before attempt n + 1 is n times up to this (random: two losers do not meet again in step). */
const CONFLICT_PAUSE_MS = 20;

export class TenantContextMissingError extends Error {
  constructor() {
    super('No tenant in the request context: tenant data is only reachable inside a tenant transaction');
    this.name = 'TenantContextMissingError';
  }
}

/**
 * A database transaction bound to one tenant. Postgres sees `app.tenant_id` (a transaction-local
 * setting), so row-level security limits every statement to this tenant, whatever the SQL says.
 *
 * Round trips are what a request pays for most here, so the transaction opens lazily and its
 * statements travel in batches (`TxPipeline`, one extended-protocol message each): BEGIN, the
 * tenant and the first statement in one round trip; statements queued with `sendWithCommit`
 * with COMMIT. A transaction that
 * never runs SQL costs nothing. Hot statements are `PreparedSql`: planned once per connection,
 * then run by name in the same places. Every value is a parameter.
 */
export class TenantTx {
  private readonly hooks: Array<() => Promise<void>> = [];
  private readonly committedHooks: Array<() => void> = [];
  private readonly commitStatements: Statement[] = [];
  /** Session-level advisory locks end right after COMMIT, in its round trip. */
  private unlockAfterCommit = false;
  private readonly locals = new Map<symbol, unknown>();
  private readonly pipeline: TxPipeline;
  /** Set once COMMIT has been sent. */
  private finished = false;
  /** TypeORM's view of this transaction, made with the first `repository`. */
  private manager?: EntityManager;

  constructor(
    readonly tenantId: string,
    client: pg.ClientBase,
    /** false: a PreparedSql is sent as its text (see DATABASE_PREPARED_STATEMENTS). */
    usePrepared = true,
    /** Where the entities are registered (for `repository`). */
    private readonly dataSource?: DataSource,
  ) {
    this.pipeline = new TxPipeline(client, [[RLS_SETTINGS.tenant, tenantId]], usePrepared);
  }

  /**
   * CRUD on one of the owner's tables through its entity, in this transaction: TypeORM's
   * statements go through this transaction's pipeline like every other (the lazy BEGIN and the
   * tenant setting included; `save` never opens a transaction of its own), and each names this
   * tenant. For low-volume tables; a measured hot path keeps its SQL (`query`).
   */
  repository<E extends TenantScoped>(schema: EntitySchema<E>): TenantRepository<E> {
    if (!this.dataSource) throw new Error('TenantTx.repository: this transaction has no DataSource');
    this.manager ??= tenantTxManager(this.dataSource, (sql, params) => this.run(sql, params));
    return new TenantRepository(this.manager.getRepository(schema), this.tenantId);
  }

  /** Rows of any statement (SELECT, or INSERT/UPDATE/DELETE ... RETURNING). */
  async query<T = Record<string, unknown>>(sql: Sql, params: unknown[] = []): Promise<T[]> {
    return (await this.run(sql, params)).rows as T[];
  }

  /** Rows affected by an INSERT/UPDATE/DELETE without RETURNING. */
  async execute(sql: Sql, params: unknown[] = []): Promise<number> {
    return (await this.run(sql, params)).rowCount ?? 0;
  }

  /**
   * Several statements in one round trip, run in order, each with its own snapshot (so a later
   * one sees what committed while an earlier one waited, e.g. for a lock); the rows of each.
   */
  async queryEach(statements: readonly Statement[]): Promise<unknown[][]> {
    this.assertOpen();
    return (await this.pipeline.send(statements)).map((r) => r.rows);
  }

  /**
   * `work` sees, besides this tenant's rows, those a route names (e.g. the login directory's
   * entry of one email, held by another practice); the route ends with it (if `work` throws,
   * with the transaction, which the error ends).
   */
  async withRoute<T>(route: Route, work: () => Promise<T>): Promise<T> {
    const [name, value] = routeSetting(route);
    this.assertOpen();
    await this.pipeline.set(name, value);
    const result = await work();
    await this.pipeline.set(name, '');
    return result;
  }

  private async run(sql: Sql, params: unknown[]): Promise<pg.QueryResult> {
    this.assertOpen();
    return (await this.pipeline.send([[sql, params]]))[0]!;
  }

  private assertOpen(): void {
    if (this.finished) throw new Error('TenantTx: the transaction has already committed');
  }

  /** COMMIT has been sent: nothing more runs in this transaction (a later read needs one of its own). */
  get isFinished(): boolean {
    return this.finished;
  }

  /** Per-transaction state for libraries (e.g. the audit buffer), created on first use. */
  local<T>(key: symbol, init: () => T): T {
    if (!this.locals.has(key)) this.locals.set(key, init());
    return this.locals.get(key) as T;
  }

  /** Work to run as the last step before COMMIT, in registration order (e.g. sealing audit events). */
  beforeCommit(hook: () => Promise<void>): void {
    this.hooks.push(hook);
  }

  /**
   * A write sent in the same round trip as COMMIT, right before it: for writes nothing in the
   * transaction reads back, e.g. audit events or an outcome. Statements keep their order;
   * register from a `beforeCommit` hook to be last.
   */
  sendWithCommit(sql: Sql, params: unknown[] = []): void {
    this.commitStatements.push([sql, params]);
  }

  /**
   * COMMIT without waiting for the WAL flush (`synchronous_commit = off` for this transaction):
   * a crash of Postgres may lose it (never corrupt anything). Only for records whose loss a
   * retry repairs, e.g. a provider's acceptance, which the next attempt looks up again.
   */
  commitWithoutFlushWait(): void {
    this.commitStatements.unshift([`SET LOCAL synchronous_commit = off`, []]);
  }

  /**
   * The connection's session-level advisory locks end in COMMIT's round trip, right after it
   * (for work that held them across transactions and ends with this one).
   */
  releaseAdvisoryLocksWithCommit(): void {
    this.unlockAfterCommit = true;
  }

  /** Work to start once the transaction has committed (never runs after a rollback). Must not throw. */
  afterCommit(hook: () => void): void {
    this.committedHooks.push(hook);
  }

  /** @internal */
  committed(): void {
    for (const hook of this.committedHooks.splice(0)) hook();
  }

  /**
   * The transaction's last statement, sent in the same round trip as COMMIT (after the
   * before-commit hooks and the statements riding with COMMIT), its rows returned: a
   * transaction of one statement whose result matters (a webhook's conditional UPDATE ...
   * RETURNING) costs one round trip. Nothing may run in the transaction after it.
   */
  async queryAndCommit<T = Record<string, unknown>>(sql: Sql, params: unknown[] = []): Promise<T[]> {
    const [rows] = await this.queryEachAndCommit([[sql, params]]);
    return (rows ?? []) as T[];
  }

  /**
   * As `queryAndCommit`, for several statements run in order (each sees what the ones before
   * it wrote), the rows of each: many webhooks' writes in one transaction and one round trip.
   */
  async queryEachAndCommit(statements: readonly Statement[]): Promise<unknown[][]> {
    return (await this.commitWith(statements)).map((r) => r.rows);
  }

  /** @internal Runs the before-commit hooks, then COMMIT with the statements that ride along. */
  async commit(): Promise<void> {
    if (this.finished) return;
    await this.commitWith([]);
  }

  /** The results of `last`, sent after the statements riding with COMMIT and before it. */
  private async commitWith(last: readonly Statement[]): Promise<pg.QueryResult[]> {
    this.assertOpen();
    // Hooks may register further hooks; run until none are left.
    for (let hook = this.hooks.shift(); hook; hook = this.hooks.shift()) await hook();
    const statements = [...this.commitStatements.splice(0), ...last];
    this.finished = true;
    // If a statement before COMMIT fails, COMMIT ends the transaction as a rollback.
    const results = await this.pipeline.commit(
      statements,
      this.unlockAfterCommit ? ['SELECT pg_advisory_unlock_all()'] : [],
    );
    return results.slice(results.length - last.length);
  }

  /** @internal Ends the transaction after an error, if it was ever opened. */
  async rollback(): Promise<void> {
    await this.pipeline.rollback();
  }
}

@Injectable()
export class TenantDb {
  private readonly logger = new Logger('TenantDb');

  constructor(
    private readonly dataSource: DataSource,
    @Optional()
    @Inject(APP_CONFIG)
    private readonly config?: Pick<CoreConfig, 'DATABASE_PREPARED_STATEMENTS'>,
  ) {}

  /** A transaction for the tenant of the current request or job (`tenantScope`). */
  async transaction<T>(work: (tx: TenantTx) => Promise<T>): Promise<T> {
    const { tenantId } = tenantScope.current();
    if (!tenantId) throw new TenantContextMissingError();
    return this.forTenant(tenantId, work);
  }

  /**
   * A transaction for an explicit tenant (jobs, webhooks after routing). The tenant also becomes
   * the scope's tenant for everything `work` calls.
   */
  async forTenant<T>(tenantId: string, work: (tx: TenantTx) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    return this.run(
      tenantId,
      work,
      async () => (await runner.connect()) as pg.ClientBase,
      () => runner.release(),
    );
  }

  /**
   * As `forTenant`, run again (a fresh transaction: the failed one's after-commit work never
   * runs) when it loses a race, a deadlock or a serialization failure, which committed nothing:
   * up to CONFLICT_ATTEMPTS in all, after a short random pause. For work whose caller cannot
   * send it again, e.g. a provider's webhook (Twilio does not retry a status callback answered
   * 4xx). `work` must be safe to run twice: no effects outside the transaction but its
   * after-commit hooks.
   */
  async forTenantRetryingConflicts<T>(tenantId: string, work: (tx: TenantTx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.forTenant(tenantId, work);
      } catch (err) {
        const conflict = normalizeDatabaseError(err);
        if (!conflict?.isTransactionConflict || attempt >= CONFLICT_ATTEMPTS) throw err;
        this.logger.warn(
          { tenantId, attempt, code: conflict.code },
          'Transaction lost a race; running it again',
        );
        await sleep(Math.random() * CONFLICT_PAUSE_MS * attempt);
      }
    }
  }

  /**
   * Writes of several tenants as ONE transaction in one round trip: BEGIN, then for each part
   * the tenant setting and its statements, then COMMIT. Row-level security limits each part's
   * statements to its tenant exactly as in a `TenantTx` (app.tenant_id is switched between the
   * parts, transaction-locally; the part after sees none of the rows of the part before). For a
   * hot write path whose items are spread over many practices (inbound webhooks' group commit),
   * where a transaction per practice would cost a round trip and a WAL flush each. All or
   * nothing: if one statement fails, none of the parts is committed. The statements are built
   * beforehand (nothing in them may need a read of this transaction).
   */
  async writeForTenants(
    parts: ReadonlyArray<{ tenantId: string; statements: readonly Statement[] }>,
  ): Promise<void> {
    if (parts.length === 0) return;
    for (const { tenantId } of parts)
      if (!isUuid(tenantId)) throw new Error('writeForTenants: tenantId must be a UUID');
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as pg.ClientBase;
      const pipeline = new TxPipeline(client, [], this.config?.DATABASE_PREPARED_STATEMENTS ?? true);
      try {
        await pipeline.commit(
          parts.flatMap(({ tenantId, statements }) => [
            settingStatement(RLS_SETTINGS.tenant, tenantId),
            ...statements,
          ]),
        );
      } catch (err) {
        // The original error matters, not a failed rollback.
        await pipeline.rollback().catch(() => undefined);
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * As `forTenant`, on a connection the caller holds (and keeps afterwards): for work whose
   * session-level state spans transactions, e.g. a dispatch batch's advisory locks held across
   * its provider calls, between its transactions.
   */
  async forTenantOn<T>(
    client: pg.ClientBase,
    tenantId: string,
    work: (tx: TenantTx) => Promise<T>,
  ): Promise<T> {
    return this.run(
      tenantId,
      work,
      async () => client,
      async () => undefined,
    );
  }

  private async run<T>(
    tenantId: string,
    work: (tx: TenantTx) => Promise<T>,
    connect: () => Promise<pg.ClientBase>,
    release: () => Promise<void>,
  ): Promise<T> {
    if (!isUuid(tenantId)) throw new Error('forTenant: tenantId must be a UUID');
    return tenantScope.run({ tenantId }, async () => {
      let result: T;
      let tx: TenantTx | undefined;
      try {
        tx = new TenantTx(
          tenantId,
          await connect(),
          this.config?.DATABASE_PREPARED_STATEMENTS ?? true,
          this.dataSource,
        );
        result = await work(tx);
        await tx.commit();
      } catch (err) {
        // The original error matters, not a failed rollback (a dead connection leaves the pool by its error event).
        await tx?.rollback().catch(() => undefined);
        await release();
        throw err;
      }
      await release();
      tx.committed();
      return result;
    });
  }
}
