import type pg from 'pg';
import {
  type DataSource,
  type EntityManager,
  type FindOptionsOrder,
  type FindOptionsWhere,
  type ObjectLiteral,
  QueryResult,
  type Repository,
} from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';

/** A row of a tenant's table: its tenant column is the one the repository fills in. */
export type TenantScoped = ObjectLiteral & { tenant_id: string };

/** A condition on a tenant's rows; the tenant is not part of it, the repository adds it. */
export type TenantWhere<E extends TenantScoped> = Omit<FindOptionsWhere<E>, 'tenant_id'>;

/** Column values to write; the tenant column is the repository's (and an expression `() => 'now()'` is allowed). */
export type TenantValues<E extends TenantScoped> = {
  [K in Exclude<keyof E, 'tenant_id'>]?: E[K] | (() => string);
};

/** Runs one statement as part of a `TenantTx` (its pipeline, its transaction), with its full result. */
export type TxStatementRunner = (sql: string, params: unknown[]) => Promise<pg.QueryResult>;

/**
 * TypeORM's statements as statements of one `TenantTx`: every query goes through the
 * transaction's `TxPipeline` (so the first one carries the lazy BEGIN and the tenant setting,
 * and row-level security applies), the transaction is always active (so `save` and the query
 * builders never open one of their own) and its commit, rollback and connection belong to the
 * `TenantTx`: this runner never begins, ends or releases anything.
 */
class TenantTxQueryRunner extends PostgresQueryRunner {
  constructor(
    dataSource: DataSource,
    private readonly run: TxStatementRunner,
  ) {
    super(dataSource.driver as PostgresDriver, 'master');
    this.isTransactionActive = true;
  }

  /** Shaped as PostgresQueryRunner's result; a failure is the pipeline's `QueryFailedError`, without the values. */
  override async query(query: string, parameters?: unknown[], useStructuredResult = false): Promise<any> {
    const raw = await this.run(query, parameters ?? []);
    const result = new QueryResult();
    result.records = raw.rows;
    result.affected = raw.rowCount ?? undefined;
    result.raw = raw.command === 'UPDATE' || raw.command === 'DELETE' ? [raw.rows, raw.rowCount] : raw.rows;
    return useStructuredResult ? result : result.raw;
  }

  override connect(): Promise<never> {
    return Promise.reject(new Error('TenantTx repositories never hand out their connection'));
  }

  /** The connection is the TenantTx's, which gives it back to the pool when it ends. */
  override async release(): Promise<void> {}

  override startTransaction(): Promise<void> {
    return Promise.reject(new Error('A TenantTx owns its transaction: TypeORM may not start one'));
  }

  override commitTransaction(): Promise<void> {
    return Promise.reject(new Error('A TenantTx owns its transaction: TypeORM may not commit it'));
  }

  override rollbackTransaction(): Promise<void> {
    return Promise.reject(new Error('A TenantTx owns its transaction: TypeORM may not roll it back'));
  }
}

/** The EntityManager of one TenantTx (created with its first repository). */
export function tenantTxManager(dataSource: DataSource, run: TxStatementRunner): EntityManager {
  return dataSource.createEntityManager(new TenantTxQueryRunner(dataSource, run));
}

/**
 * An owner's CRUD on one of its tables through its entity, inside a `TenantTx`. Every statement
 * names the transaction's tenant (`tenant_id = $n`, added here: a condition or a row cannot
 * leave it out or name another), on top of the forced row-level security that limits the
 * transaction to it anyway. Hot paths keep hand-written SQL (`TenantTx.query`).
 */
export class TenantRepository<E extends TenantScoped> {
  constructor(
    /** TypeORM's repository bound to the TenantTx (its statements go through the tx's pipeline). */
    private readonly orm: Repository<E>,
    readonly tenantId: string,
  ) {}

  /** The tenant's rows matching `where` (any of them, for a list), in `order`, at most `take`. */
  find(
    where: TenantWhere<E> | TenantWhere<E>[],
    options: { order?: FindOptionsOrder<E>; take?: number } = {},
  ): Promise<E[]> {
    return this.orm.find({ ...options, where: this.scoped(where) });
  }

  /** The tenant's one row matching `where`, or null; `forUpdate` locks it (SELECT ... FOR UPDATE). */
  findOne(where: TenantWhere<E>, options: { forUpdate?: boolean } = {}): Promise<E | null> {
    return this.orm.findOne({
      where: this.scoped(where),
      ...(options.forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** Whether the tenant has a row matching `where`. */
  exists(where: TenantWhere<E>): Promise<boolean> {
    return this.orm.existsBy(this.scoped(where));
  }

  /** Inserts the rows (with this tenant) and returns them as stored (defaults filled in). */
  async insert(rows: TenantValues<E> | TenantValues<E>[]): Promise<E[]> {
    const values = [rows]
      .flat()
      .map(
        (row) => ({ ...(row as object), tenant_id: this.tenantId }) as unknown as QueryDeepPartialEntity<E>,
      );
    if (values.length === 0) return [];
    const result = await this.orm.createQueryBuilder().insert().values(values).returning('*').execute();
    return result.raw as E[];
  }

  /** Sets `values` on the tenant's rows matching `where`; the rows as updated. */
  async update(where: TenantWhere<E>, values: TenantValues<E>): Promise<E[]> {
    const result = await this.orm
      .createQueryBuilder()
      .update()
      .set(values as QueryDeepPartialEntity<E>)
      .where(this.scoped(where))
      .returning('*')
      .execute();
    return result.raw as E[];
  }

  /** Deletes the tenant's rows matching `where`; how many. */
  async delete(where: TenantWhere<E>): Promise<number> {
    return (await this.orm.delete(this.scoped(where))).affected ?? 0;
  }

  private scoped(where: TenantWhere<E>): FindOptionsWhere<E>;
  private scoped(where: TenantWhere<E> | TenantWhere<E>[]): FindOptionsWhere<E> | FindOptionsWhere<E>[];
  private scoped(where: TenantWhere<E> | TenantWhere<E>[]): FindOptionsWhere<E> | FindOptionsWhere<E>[] {
    const one = (w: TenantWhere<E>) => ({ ...w, tenant_id: this.tenantId }) as FindOptionsWhere<E>;
    return Array.isArray(where) ? where.map(one) : one(where);
  }
}
