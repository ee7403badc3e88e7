import pg from 'pg';
import type { PreparedSql } from './prepared-sql.js';

/** SQL text, or a statement prepared once per connection. */
export type Sql = string | PreparedSql;

/** A statement and its parameters. */
export type Statement = readonly [Sql, unknown[]];

/** pg's own conversion of a parameter to what it sends (arrays, dates, JSON, buffers...). */
const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils
  .prepareValue;

/** The wire calls of pg's Connection a batch makes. */
interface Wire {
  parse(msg: { text: string; name?: string }): void;
  bind(msg: { portal: string; statement?: string; values: unknown[] }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(msg: { portal: string }): void;
  close(msg: { type: 'S'; name: string }): void;
  sync(): void;
  stream: { cork?: () => void; uncork?: () => void };
}

/** Names of prepared statements each connection is known to hold (they live as long as its session). */
const preparedOn = new WeakMap<object, Set<string>>();

/**
 * Several statements as ONE extended-protocol message: Parse (when needed), Bind, Describe and
 * Execute for each, every value a parameter, then a single Sync. Postgres runs them in order
 * and answers once, as it does a multi-statement simple query: if one fails, those after it are
 * skipped up to the Sync (a COMMIT among them never runs, the transaction stays open for the
 * caller's ROLLBACK). pg's Query reads the answer (one result per statement, as for a
 * multi-statement query); being a Query, pg also accepts it on a pipelined connection.
 *
 * A `PreparedSql` (when `usePrepared`) is parsed under its name the first time a connection
 * meets it, preceded by a Close of that name (harmless when it does not exist), so a Parse
 * skipped by an earlier failure is simply sent again; once a batch succeeds its names are
 * known to the connection and only bound afterwards.
 */
export class StatementBatch extends pg.Query {
  private readonly parsed: string[] = [];
  /** The values as pg sends them; converted up front, so a value pg cannot send throws before anything is queued. */
  private readonly bound: unknown[][];

  constructor(
    private readonly client: pg.ClientBase,
    private readonly statements: readonly Statement[],
    private readonly usePrepared: boolean,
    callback: (err: Error | undefined, results: pg.QueryResult[]) => void,
  ) {
    // The text names the batch in pg's errors; it is never sent as such.
    super({ text: statements.map(([sql]) => textOf(sql)).join(';\n') });
    this.bound = statements.map(([, params]) => params.map((v) => prepareValue(v)));
    (this as unknown as { callback: (err: Error | undefined, result: unknown) => void }).callback = (
      err,
      result,
    ) => {
      if (!err) for (const name of this.parsed) knownNames(client).add(name);
      callback(err, result === undefined ? [] : ([result].flat() as pg.QueryResult[]));
    };
  }

  requiresPreparation(): boolean {
    return true;
  }

  /** Writes the batch (pg corks the socket around it: one write). */
  prepare(connection: unknown): void {
    const wire = connection as Wire;
    const known = knownNames(this.client);
    this.statements.forEach(([sql], i) => {
      const name = typeof sql !== 'string' && this.usePrepared ? sql.name : '';
      if (!name || (!known.has(name) && !this.parsed.includes(name))) {
        if (name) {
          wire.close({ type: 'S', name });
          this.parsed.push(name);
        }
        wire.parse({ text: textOf(sql), name });
      }
      wire.bind({ portal: '', statement: name, values: this.bound[i]! });
      wire.describe({ type: 'P', name: '' });
      wire.execute({ portal: '' });
    });
    wire.sync();
  }
}

function knownNames(client: object): Set<string> {
  let names = preparedOn.get(client);
  if (!names) preparedOn.set(client, (names = new Set()));
  return names;
}

export function textOf(sql: Sql): string {
  return typeof sql === 'string' ? sql : sql.text;
}
