import { createHash } from 'node:crypto';

/**
 * A statement Postgres parses and plans once per connection and then runs by name, for the hot
 * paths (a dispatch, a status callback): planning such a statement costs Postgres more than
 * running it. Only for SQL whose best plan does not depend on the values (lookups by key), as
 * Postgres may settle on one generic plan for all of them. Define it once, at module load;
 * `TenantTx` takes it wherever it takes SQL text and sends it as a named statement
 * (`StatementBatch`): parsed in the same round trip as its first run on a connection, only bound
 * and executed afterwards. A parsed statement lives as long as its session, whatever happens to
 * the transaction that parsed it.
 *
 * The name is derived from the text, so two definitions of the same SQL share one prepared
 * statement, and a name never stands for two texts.
 */
export class PreparedSql {
  readonly name: string;

  constructor(readonly text: string) {
    this.name = `app_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
  }
}
