import type pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { PreparedSql } from './prepared-sql.js';

/** SQL text, or a statement prepared once per connection. */
export type Sql = string | PreparedSql;

/** A statement and its parameters. */
export type Statement = readonly [Sql, unknown[]];

/** A transaction-local setting for the row-level security policies (see `rls-settings.ts`). */
const SET_SETTING = new PreparedSql(`SELECT set_config($1, $2, true)`);

/**
 * One transaction's statements on one connection. On a pipelined connection (`pipeline: true`,
 * as every pool of `connection.ts` is) pg writes each statement without waiting for the answers
 * to those before it, so what is sent together costs one round trip: BEGIN, the transaction's
 * settings and its first statement; its last statements, COMMIT and what follows COMMIT. Every
 * value travels as a parameter (extended protocol).
 *
 * Each pipelined statement ends with its own Sync, so a failed one does not stop those sent
 * behind it: inside the transaction they fail too (25P02, the transaction is aborted) and COMMIT
 * ends it as a rollback. The first error is the one reported.
 */
export class TxPipeline {
  /** BEGIN has been sent. */
  private opened = false;
  /** COMMIT has been answered: the transaction is over, whichever way it ended. */
  private ended = false;
  /** Without pipeline mode, each statement waits for the one before it (pg would queue it, deprecated). */
  private readonly pipelined: boolean;
  private previous: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: pg.ClientBase,
    /** Transaction-local settings sent right after BEGIN, e.g. the tenant. */
    private readonly settings: ReadonlyArray<readonly [string, string]>,
    /** false: a PreparedSql is sent as its text (see DATABASE_PREPARED_STATEMENTS). */
    private readonly usePrepared: boolean,
  ) {
    this.pipelined = (client as { pipeline?: boolean }).pipeline === true;
  }

  /** Sends `statements` (after BEGIN if the transaction is not open yet); the result of each. */
  async send(statements: readonly Statement[]): Promise<pg.QueryResult[]> {
    const results = await this.settle([...this.opening(), ...statements.map((s) => this.submit(s))]);
    return results.slice(results.length - statements.length);
  }

  /** A transaction-local setting from here on (BEGIN goes first if the transaction is not open yet). */
  set(name: string, value: string): Promise<unknown> {
    return this.send([[SET_SETTING, [name, value]]]);
  }

  /**
   * `last`, COMMIT, then `after` (statements outside the transaction, e.g. an unlock), in one
   * round trip; the results of `last`. Nothing is sent when the transaction never opened and
   * `last` is empty, except `after`.
   */
  async commit(last: readonly Statement[], after: readonly string[] = []): Promise<pg.QueryResult[]> {
    if (!this.opened && last.length === 0) {
      await this.settle(after.map((sql) => this.submit([sql, []])));
      return [];
    }
    const pending = [...this.opening(), ...last.map((s) => this.submit(s))];
    const commit = this.submit(['COMMIT', []]);
    // COMMIT answered (as COMMIT, or as ROLLBACK after an error): nothing is left to roll back.
    commit.then(
      () => (this.ended = true),
      () => undefined,
    );
    const results = await this.settle([...pending, commit, ...after.map((sql) => this.submit([sql, []]))]);
    return results.slice(pending.length - last.length, pending.length);
  }

  /** Ends the transaction after an error, if it was opened and not ended by COMMIT. */
  async rollback(): Promise<void> {
    if (this.opened && !this.ended) await this.client.query('ROLLBACK');
  }

  private opening(): Array<Promise<pg.QueryResult>> {
    if (this.opened) return [];
    this.opened = true;
    return [
      this.submit(['BEGIN', []]),
      ...this.settings.map(([name, value]) => this.submit([SET_SETTING, [name, value]])),
    ];
  }

  /** Hands one statement to pg (which writes it at once on a pipelined connection). */
  private submit([sql, params]: Statement): Promise<pg.QueryResult> {
    const text = typeof sql === 'string' ? sql : sql.text;
    const query: pg.QueryConfig =
      typeof sql !== 'string' && this.usePrepared
        ? { name: sql.name, text, values: params }
        : { text, values: params };
    const answer = this.pipelined
      ? this.client.query(query)
      : this.previous.then(() => this.client.query(query));
    this.previous = answer.catch(() => undefined);
    return answer.catch((err: unknown) => {
      // TypeORM's error, as DataSource.query throws it: one shape for `normalizeDatabaseError`.
      throw new QueryFailedError(text, params, err as Error);
    });
  }

  /**
   * Every answer, in order; or the first error (the ones after it are the aborted transaction's),
   * once all have settled, so that none is left unhandled.
   */
  private async settle(pending: Array<Promise<pg.QueryResult>>): Promise<pg.QueryResult[]> {
    const settled = await Promise.allSettled(pending);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<pg.QueryResult>).value);
  }
}
