import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { requestContext } from './request-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TenantContextMissingError extends Error {
  constructor() {
    super('No tenant in the request context: tenant data is only reachable inside a tenant transaction');
    this.name = 'TenantContextMissingError';
  }
}

/**
 * A database transaction bound to one tenant. Postgres sees `app.tenant_id` (SET LOCAL), so
 * row-level security limits every statement to this tenant, whatever the SQL says.
 */
export class TenantTx {
  private readonly hooks: Array<() => Promise<void>> = [];
  private readonly committedHooks: Array<() => void> = [];
  private readonly locals = new Map<symbol, unknown>();

  constructor(
    readonly tenantId: string,
    readonly manager: EntityManager,
  ) {}

  /** Rows of any statement (SELECT, or INSERT/UPDATE/DELETE ... RETURNING). */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    // Structured: TypeORM otherwise returns [rows, count] for UPDATE/DELETE.
    const result = await this.manager.queryRunner!.query(sql, params, true);
    return result.records as T[];
  }

  /** Rows affected by an INSERT/UPDATE/DELETE without RETURNING. */
  async execute(sql: string, params: unknown[] = []): Promise<number> {
    const result = await this.manager.queryRunner!.query(sql, params, true);
    return result.affected ?? 0;
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

  /** Work to start once the transaction has committed (never runs after a rollback). Must not throw. */
  afterCommit(hook: () => void): void {
    this.committedHooks.push(hook);
  }

  /** @internal */
  committed(): void {
    for (const hook of this.committedHooks.splice(0)) hook();
  }

  /** @internal */
  async flush(): Promise<void> {
    // Hooks may register further hooks; run until none are left.
    for (let hook = this.hooks.shift(); hook; hook = this.hooks.shift()) await hook();
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
    if (!UUID.test(tenantId)) throw new Error('forTenant: tenantId must be a UUID');
    return requestContext.run({ tenantId }, async () => {
      const runner = this.dataSource.createQueryRunner();
      let result: T;
      let tx: TenantTx;
      try {
        // One round trip opens the transaction and binds it to the tenant (a simple-protocol
        // multi-statement, so no parameters: the id is inlined, which the UUID check above makes safe).
        await runner.query(`START TRANSACTION; SELECT set_config('app.tenant_id', '${tenantId}', true)`);
        tx = new TenantTx(tenantId, runner.manager);
        result = await work(tx);
        await tx.flush();
        await runner.query('COMMIT');
      } catch (err) {
        // The original error matters, not a failed rollback (a dead connection leaves the pool by its error event).
        await runner.query('ROLLBACK').catch(() => undefined);
        await runner.release();
        throw err;
      }
      await runner.release();
      tx.committed();
      return result;
    });
  }
}
