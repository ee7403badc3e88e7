import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
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
 * COMMIT. A transaction that never runs SQL costs nothing.
 */
export class TenantTx {
  private readonly hooks: Array<() => Promise<void>> = [];
  private readonly committedHooks: Array<() => void> = [];
  private readonly commitStatements: string[] = [];
  private readonly locals = new Map<symbol, unknown>();
  /** Settles once BEGIN has been sent (with the first statement); null until then. */
  private opened: Promise<unknown> | null = null;
  /** Set once COMMIT has been sent. */
  private finished = false;

  constructor(
    readonly tenantId: string,
    private readonly client: pg.ClientBase,
  ) {}

  /** Rows of any statement (SELECT, or INSERT/UPDATE/DELETE ... RETURNING). */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.run(sql, params)).rows as T[];
  }

  /** Rows affected by an INSERT/UPDATE/DELETE without RETURNING. */
  async execute(sql: string, params: unknown[] = []): Promise<number> {
    return (await this.run(sql, params)).affected;
  }

  private async run(sql: string, params: unknown[]): Promise<{ rows: unknown[]; affected: number }> {
    if (this.finished) throw new Error('TenantTx: the transaction has already committed');
    if (!this.opened) {
      const first = this.openWith(sql, params);
      this.opened = first.catch(() => undefined);
      return first;
    }
    await this.opened;
    return this.parameterized(sql, params);
  }

  private async parameterized(
    sql: string,
    params: unknown[],
  ): Promise<{ rows: unknown[]; affected: number }> {
    const result = await this.answer(this.client.query(sql, params), sql, params);
    return { rows: result.rows, affected: result.rowCount ?? 0 };
  }

  /** BEGIN, the tenant and the first statement, in one round trip. */
  private async openWith(sql: string, params: unknown[]): Promise<{ rows: unknown[]; affected: number }> {
    let inlined: string;
    try {
      inlined = inlineParams(sql, params);
    } catch (err) {
      if (err instanceof UnstorableTextError) throw err;
      // SQL the inliner does not read (never the case at run time): two round trips.
      await this.parameterized(this.opening(), []);
      return this.parameterized(sql, params);
    }
    // Errors name the statement as written, not its inlined values.
    const results = (await this.answer(
      this.client.query(`${this.opening()};\n${inlined}`),
      sql,
      params,
    )) as unknown as pg.QueryResult[];
    const last = results.at(-1)!;
    return { rows: last.rows, affected: last.rowCount ?? 0 };
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
    // The id is inlined, which TenantDb's UUID check makes safe.
    return `START TRANSACTION; SELECT set_config('app.tenant_id', '${this.tenantId}', true)`;
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
  sendWithCommit(sql: string, params: unknown[] = []): void {
    this.commitStatements.push(inlineParams(sql, params));
  }

  /**
   * COMMIT without waiting for the WAL flush (`synchronous_commit = off` for this transaction):
   * a crash of Postgres may lose it (never corrupt anything). Only for records whose loss a
   * retry repairs, e.g. a provider's acceptance, which the next attempt looks up again.
   */
  commitWithoutFlushWait(): void {
    this.commitStatements.unshift(`SELECT set_config('synchronous_commit', 'off', true)`);
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
  async queryAndCommit<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const results = await this.commitWith(inlineParams(sql, params));
    // The statement's result is the one before COMMIT's.
    return (results.at(-2)?.rows ?? []) as T[];
  }

  /** @internal Runs the before-commit hooks, then COMMIT with the statements that ride along. */
  async commit(): Promise<void> {
    if (this.finished) return;
    await this.commitWith(null);
  }

  private async commitWith(last: string | null): Promise<pg.QueryResult[]> {
    if (this.finished) throw new Error('TenantTx: the transaction has already committed');
    // Hooks may register further hooks; run until none are left.
    for (let hook = this.hooks.shift(); hook; hook = this.hooks.shift()) await hook();
    const statements = this.commitStatements.splice(0);
    if (last !== null) statements.push(last);
    this.finished = true;
    if (!this.opened) {
      if (statements.length === 0) return [];
      statements.unshift(this.opening());
      // BEGIN goes out with them: if one fails, the transaction is open and must be rolled back.
      this.opened = Promise.resolve();
    } else await this.opened;
    // A simple-protocol multi-statement: if a statement before COMMIT fails, COMMIT never runs
    // and the caller's ROLLBACK ends the transaction.
    const sql = [...statements, 'COMMIT'].join(';\n');
    const results = (await this.answer(this.client.query(sql), sql, [])) as unknown as
      pg.QueryResult | pg.QueryResult[];
    return Array.isArray(results) ? results : [results];
  }

  /** @internal Ends the transaction after an error, if it was ever opened. */
  async rollback(): Promise<void> {
    if (this.opened) await this.client.query('ROLLBACK');
  }
}

@Injectable()
export class TenantDb {
  constructor(private readonly dataSource: DataSource) {}

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
   * session-level state spans transactions, e.g. a dispatch's advisory locks held across a
   * provider call between its two transactions.
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
        tx = new TenantTx(tenantId, await connect());
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
