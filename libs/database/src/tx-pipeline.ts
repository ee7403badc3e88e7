import type pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { PreparedSql } from './prepared-sql.js';
import { type Statement, StatementBatch, textOf } from './statement-batch.js';

export type { Sql, Statement } from './statement-batch.js';

/** A transaction-local setting for the row-level security policies (see `rls-settings.ts`). */
const SET_SETTING = new PreparedSql(`SELECT set_config($1, $2, true)`);

/** The statement that sets a transaction-local setting from here on (for a batch's own order). */
export const settingStatement = (name: string, value: string): Statement => [SET_SETTING, [name, value]];

/**
 * One transaction's statements on one connection, sent in as few round trips as the caller
 * allows: what is sent together goes as one `StatementBatch` (one message, every value a
 * parameter): BEGIN, the transaction's settings and its first statement; its last statements,
 * COMMIT and what follows COMMIT. On a pipelined connection (`pipeline: true`, as every pool of
 * `connection.ts` is) a batch is written without waiting for the answer to the one before it.
 */
export class TxPipeline {
  /** BEGIN has been sent. */
  private opened = false;
  /** COMMIT has run: the transaction is over. */
  private ended = false;
  /** Without pipeline mode, each batch waits for the one before it (pg would queue it, deprecated). */
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
    const results = await this.batch([...this.opening(), ...statements]);
    return results.slice(results.length - statements.length);
  }

  /** A transaction-local setting from here on (BEGIN goes first if the transaction is not open yet). */
  set(name: string, value: string): Promise<unknown> {
    return this.send([[SET_SETTING, [name, value]]]);
  }

  /**
   * `last`, COMMIT, then `after` (statements outside the transaction, e.g. an unlock), in one
   * round trip; the results of `last`. If one of `last` fails, COMMIT and `after` do not run.
   * Nothing is sent when the transaction never opened and `last` is empty, except `after`.
   */
  async commit(last: readonly Statement[], after: readonly string[] = []): Promise<pg.QueryResult[]> {
    const unlock = after.map((sql): Statement => [sql, []]);
    if (!this.opened && last.length === 0) {
      if (unlock.length > 0) await this.batch(unlock);
      return [];
    }
    const opening = this.opening();
    const results = await this.batch([...opening, ...last, ['COMMIT', []], ...unlock]);
    this.ended = true;
    return results.slice(opening.length, opening.length + last.length);
  }

  /** Ends the transaction after an error, if it was opened and not ended by COMMIT. */
  async rollback(): Promise<void> {
    if (this.opened && !this.ended) await this.client.query('ROLLBACK');
  }

  private opening(): Statement[] {
    if (this.opened) return [];
    this.opened = true;
    return [['BEGIN', []], ...this.settings.map(([name, value]): Statement => [SET_SETTING, [name, value]])];
  }

  /** One batch, one round trip; its error as TypeORM's QueryFailedError (one shape for `normalizeDatabaseError`). */
  private batch(statements: readonly Statement[]): Promise<pg.QueryResult[]> {
    const send = () =>
      new Promise<pg.QueryResult[]>((resolve, reject) => {
        const batch = new StatementBatch(this.client, statements, this.usePrepared, (err, results) =>
          err ? reject(err) : resolve(results),
        );
        void this.client.query(batch as unknown as pg.QueryConfig);
      });
    const answer = this.pipelined ? send() : this.previous.then(send);
    this.previous = answer.catch(() => undefined);
    return answer.catch((err: unknown) => {
      throw new QueryFailedError(statements.map(([sql]) => textOf(sql)).join(';\n'), [], err as Error);
    });
  }
}
