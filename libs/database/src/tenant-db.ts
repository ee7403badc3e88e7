import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import type pg from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { ensurePrepared, PreparedSql } from './prepared-sql.js';
import { requestContext } from './request-context.js';
import { inlineParams, UnstorableTextError } from './sql-literal.js';
import { isUuid } from './uuid.js';

export class TenantContextMissingError extends Error {
  constructor() {
    super('No tenant in the request context: tenant data is only reachable inside a tenant transaction');
    this.name = 'TenantContextMissingError';
  }
}

/**
 * A database transaction bound to one tenant. Postgres sees `app.tenant_id` (SET LOCAL), so
 * row-level security limits every statement to this tenant, whatever the SQL says.
 *
 * Round trips are what a request pays for most here, so the transaction opens lazily: BEGIN,
 * the tenant and the first statement (its parameters inlined as literals, see `inlineParams`)
 * travel in one simple-protocol message; statements queued with `sendWithCommit` travel with
 * COMMIT. A transaction that never runs SQL costs nothing. Hot statements are `PreparedSql`:
 * planned once per connection, then run by name in the same places.
 */
export class TenantTx {
  private readonly hooks: Array<() => Promise<void>> = [];
  private readonly committedHooks: Array<() => void> = [];
  private readonly commitStatements: string[] = [];
  /** Prepared statements among them, to prepare on this connection before COMMIT is sent. */
  private readonly commitPrepared: PreparedSql[] = [];
  /** Session-level advisory locks end right after COMMIT, in its round trip. */
  private unlockAfterCommit = false;
  private readonly locals = new Map<symbol, unknown>();
  /** Settles once BEGIN has been sent (with the first statement); null until then. */
  private opened: Promise<unknown> | null = null;
  /** Set once COMMIT has been sent. */
  private finished = false;

  constructor(
    readonly tenantId: string,
    private readonly client: pg.ClientBase,
    /** false: a PreparedSql is sent as its text (see DATABASE_PREPARED_STATEMENTS). */
    private readonly usePrepared = true,
  ) {}

  /** Rows of any statement (SELECT, or INSERT/UPDATE/DELETE ... RETURNING). */
  async query<T = Record<string, unknown>>(sql: Sql, params: unknown[] = []): Promise<T[]> {
    return (await this.run(sql, params)).rows as T[];
  }

  /** Rows affected by an INSERT/UPDATE/DELETE without RETURNING. */
  async execute(sql: Sql, params: unknown[] = []): Promise<number> {
    return (await this.run(sql, params)).affected;
  }

  /**
   * Several statements in one round trip, run in order, each with its own snapshot (so a later
   * one sees what committed while an earlier one waited, e.g. for a lock); the rows of each.
   */
  async queryEach(statements: ReadonlyArray<readonly [Sql, unknown[]]>): Promise<unknown[][]> {
    if (this.finished) throw new Error('TenantTx: the transaction has already committed');
    const simple = statements.map(([sql, params]) => this.simple(sql, params));
    const results = await this.send(
      simple.map((s) => s.text).join(';\n'),
      simple.flatMap((s) => s.prepared),
      statements.map(([sql]) => textOf(sql)).join(';\n'),
      [],
    );
    return results.slice(-statements.length).map((r) => r.rows);
  }

  private async run(sql: Sql, params: unknown[]): Promise<{ rows: unknown[]; affected: number }> {
    if (this.finished) throw new Error('TenantTx: the transaction has already committed');
    // SQL that is not run as a prepared statement; once the transaction is open, it goes with
    // its parameters (the extended protocol).
    const plain = typeof sql === 'string' ? sql : this.usePrepared ? null : sql.text;
    if (plain !== null && this.opened) {
      await this.opened;
      return this.parameterized(plain, params);
    }
    let simple: { text: string; prepared: PreparedSql[] };
    try {
      simple = this.simple(sql, params);
    } catch (err) {
      if (err instanceof UnstorableTextError || plain === null) throw err;
      // SQL the inliner does not read (never the case at run time): two round trips.
      const opening = this.parameterized(this.opening(), []);
      this.opened = opening.catch(() => undefined);
      await opening;
      return this.parameterized(plain, params);
    }
    // Errors name the statement as written, not its inlined values.
    const last = (await this.send(simple.text, simple.prepared, textOf(sql), params)).at(-1)!;
    return { rows: last.rows, affected: last.rowCount ?? 0 };
  }

  private async parameterized(
    sql: string,
    params: unknown[],
  ): Promise<{ rows: unknown[]; affected: number }> {
    const result = await this.answer(this.client.query(sql, params), sql, params);
    return { rows: result.rows, affected: result.rowCount ?? 0 };
  }

  /**
   * A statement as simple-protocol text: plain SQL with its parameters inlined (`inlineParams`),
   * a prepared one as its EXECUTE (or as its text when prepared statements are off).
   */
  private simple(sql: Sql, params: unknown[]): { text: string; prepared: PreparedSql[] } {
    if (typeof sql === 'string') return { text: inlineParams(sql, params), prepared: [] };
    if (!this.usePrepared) return { text: inlineParams(sql.text, params), prepared: [] };
    return { text: sql.execute(params), prepared: [sql] };
  }

  /**
   * Simple-protocol text in one round trip, preceded by BEGIN and the tenant when the
   * transaction is not open yet (the first statement opens it); `prepared` are prepared first.
   * The result of every statement sent, in order.
   */
  private send(
    text: string,
    prepared: readonly PreparedSql[],
    described: string,
    params: unknown[],
  ): Promise<pg.QueryResult[]> {
    const opening = this.opened ? null : this.opening();
    const wait = this.opened;
    const sent = (async () => {
      await wait;
      if (prepared.length > 0) await this.prepare(prepared);
      const sql = opening ? `${opening};\n${text}` : text;
      const results = await this.answer(this.client.query(sql), described, params);
      return [results as unknown as pg.QueryResult | pg.QueryResult[]].flat();
    })();
    // Set before anything is awaited: statements issued meanwhile wait for BEGIN.
    if (opening) this.opened = sent.catch(() => undefined);
    return sent;
  }

  /**
   * The client's answer, or its error as callers expect it: a NUL character in text (22021,
   * Postgres text cannot hold one) as UnstorableTextError, anything else as TypeORM's
   * QueryFailedError, so callers read `driverError.code` whichever path a statement took.
   */
  private async answer<T>(pending: Promise<T>, sql: string, params: unknown[]): Promise<T> {
    try {
      return await pending;
    } catch (err) {
      if ((err as { code?: string }).code === '22021') throw new UnstorableTextError();
      throw new QueryFailedError(sql, params, err as Error);
    }
  }

  private opening(): string {
    // The id is inlined, which TenantDb's UUID check makes safe. SET LOCAL: no plan to make.
    return `START TRANSACTION; SET LOCAL app.tenant_id = '${this.tenantId}'`;
  }

  /** Outside the transaction's round trips (PREPARE is not transactional), first use per connection only. */
  private prepare(statements: readonly PreparedSql[]): Promise<void> {
    return this.answer(ensurePrepared(this.client, statements), statements[0]!.text, []);
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
   * A write sent in the same round trip as COMMIT, right before it (parameters inlined, see
   * `inlineParams`): for writes nothing in the transaction reads back, e.g. audit events or
   * an outcome. Statements keep their order; register from a `beforeCommit` hook to be last.
   */
  sendWithCommit(sql: Sql, params: unknown[] = []): void {
    const { text, prepared } = this.simple(sql, params);
    this.commitStatements.push(text);
    this.commitPrepared.push(...prepared);
  }

  /**
   * COMMIT without waiting for the WAL flush (`synchronous_commit = off` for this transaction):
   * a crash of Postgres may lose it (never corrupt anything). Only for records whose loss a
   * retry repairs, e.g. a provider's acceptance, which the next attempt looks up again.
   */
  commitWithoutFlushWait(): void {
    this.commitStatements.unshift(`SET LOCAL synchronous_commit = off`);
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
  async queryEachAndCommit(statements: ReadonlyArray<readonly [Sql, unknown[]]>): Promise<unknown[][]> {
    const { results, commitAt } = await this.commitWith(
      statements.map(([sql, params]) => this.simple(sql, params)),
    );
    // Their results are the ones right before COMMIT's.
    return results.slice(commitAt - statements.length, commitAt).map((r) => r.rows);
  }

  /** @internal Runs the before-commit hooks, then COMMIT with the statements that ride along. */
  async commit(): Promise<void> {
    if (this.finished) return;
    await this.commitWith([]);
  }

  private async commitWith(
    last: ReadonlyArray<{ text: string; prepared: PreparedSql[] }>,
  ): Promise<{ results: pg.QueryResult[]; commitAt: number }> {
    if (this.finished) throw new Error('TenantTx: the transaction has already committed');
    // Hooks may register further hooks; run until none are left.
    for (let hook = this.hooks.shift(); hook; hook = this.hooks.shift()) await hook();
    const statements = this.commitStatements.splice(0);
    const prepared = this.commitPrepared.splice(0);
    for (const statement of last) {
      statements.push(statement.text);
      prepared.push(...statement.prepared);
    }
    this.finished = true;
    const unlock = this.unlockAfterCommit ? ['SELECT pg_advisory_unlock_all()'] : [];
    if (!this.opened && statements.length === 0) {
      // Nothing ran, nothing to commit.
      if (unlock.length > 0) await this.answer(this.client.query(unlock[0]!), unlock[0]!, []);
      return { results: [], commitAt: 0 };
    }
    // BEGIN goes out with them if the transaction is not open yet. If a statement before
    // COMMIT fails, COMMIT never runs and the caller's ROLLBACK ends the transaction.
    const sql = [...statements, 'COMMIT', ...unlock].join(';\n');
    const results = await this.send(sql, prepared, sql, []);
    return { results, commitAt: results.length - 1 - unlock.length };
  }

  /** @internal Ends the transaction after an error, if it was ever opened. */
  async rollback(): Promise<void> {
    if (this.opened) await this.client.query('ROLLBACK');
  }
}

/** SQL text, or a statement prepared once per connection. */
export type Sql = string | PreparedSql;

function textOf(sql: Sql): string {
  return typeof sql === 'string' ? sql : sql.text;
}

@Injectable()
export class TenantDb {
  constructor(
    private readonly dataSource: DataSource,
    @Optional()
    @Inject(APP_CONFIG)
    private readonly config?: Pick<CoreConfig, 'DATABASE_PREPARED_STATEMENTS'>,
  ) {}

  /** A transaction for the tenant of the current request or job (from AsyncLocalStorage). */
  async transaction<T>(work: (tx: TenantTx) => Promise<T>): Promise<T> {
    const { tenantId } = requestContext.get();
    if (!tenantId) throw new TenantContextMissingError();
    return this.forTenant(tenantId, work);
  }

  /**
   * A transaction for an explicit tenant (jobs, webhooks after routing). The tenant also becomes
   * the request context's tenant for everything `work` calls.
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
   * The same on a connection the caller holds (and keeps afterwards): for work whose
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
    return requestContext.run({ tenantId }, async () => {
      let result: T;
      let tx: TenantTx | undefined;
      try {
        tx = new TenantTx(tenantId, await connect(), this.config?.DATABASE_PREPARED_STATEMENTS ?? true);
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
