import { createHash } from 'node:crypto';
import type pg from 'pg';
import { sqlLiteral } from './sql-literal.js';

/**
 * A statement Postgres parses and plans once per connection (PREPARE) and then runs by name
 * (EXECUTE), for the hot paths (a dispatch, a status callback): planning such a statement
 * costs Postgres more than running it. Only for SQL whose best plan does not depend on the
 * values (lookups by key), as Postgres may settle on one generic plan for all of them.
 * Define it once, at module load; `TenantTx` takes it wherever it takes SQL text.
 *
 * The name is derived from the text, so two definitions of the same SQL share one prepared
 * statement, and a name never stands for two texts.
 */
export class PreparedSql {
  readonly name: string;

  constructor(readonly text: string) {
    this.name = `app_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
  }

  /** The EXECUTE statement for these values, inlined as literals (see `sqlLiteral`). */
  execute(params: readonly unknown[]): string {
    return params.length === 0
      ? `EXECUTE ${this.name}`
      : `EXECUTE ${this.name}(${params.map(sqlLiteral).join(', ')})`;
  }
}

/** Names prepared on each connection (a prepared statement lives as long as its session). */
const preparedOn = new WeakMap<pg.ClientBase, Set<string>>();

/**
 * Prepares on `client` those of `statements` it has not prepared yet, one round trip each, the
 * first time only. PREPARE is not transactional: a rollback later does not undo it.
 */
export async function ensurePrepared(
  client: pg.ClientBase,
  statements: readonly PreparedSql[],
): Promise<void> {
  let names = preparedOn.get(client);
  for (const statement of statements) {
    if (names?.has(statement.name)) continue;
    await client.query(`PREPARE ${statement.name} AS ${statement.text}`);
    if (!names) preparedOn.set(client, (names = new Set()));
    names.add(statement.name);
  }
}
