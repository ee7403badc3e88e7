import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** Which writes fail, and how. */
export interface WriteFault {
  table: string;
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  /** The rows whose writes fail: one practice's, or one row's. */
  rows: { tenantId: string } | { id: string };
  /** The first such write fails and the rest go through, as a crash or a lost race right there would. */
  once?: boolean;
  /** The Postgres condition raised (e.g. `deadlock_detected`); a plain exception by default. */
  condition?: string;
}

/**
 * A BEFORE trigger (created as the schema owner) that fails `operation` on `table` for the
 * chosen rows; other writes pass. `once` counts those writes in a sequence, whose count
 * survives the failed transaction's rollback.
 */
export async function injectWriteFault(
  owner: pg.Pool,
  { table, operation, rows, once = false, condition }: WriteFault,
): Promise<{ writesSeen: () => Promise<number>; remove: () => Promise<void> }> {
  const name = `fault_${randomUUID().replaceAll('-', '')}`;
  const row = operation === 'DELETE' ? 'OLD' : 'NEW';
  const chosen = 'tenantId' in rows ? `${row}.tenant_id = '${rows.tenantId}'` : `${row}.id = '${rows.id}'`;
  const raise = `RAISE EXCEPTION 'injected ${operation.toLowerCase()} failure on ${table}'${condition ? ` USING ERRCODE = '${condition}'` : ''}`;
  // Every chosen write is counted (nextval), so `once` can tell the first one.
  await owner.query(`
    CREATE SEQUENCE ${name};
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
    BEGIN
      IF ${chosen} AND (nextval('${name}') = 1 OR NOT ${once}) THEN ${raise}; END IF;
      RETURN ${row};
    END $$;
    CREATE TRIGGER ${name} BEFORE ${operation} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}();
  `);
  return {
    writesSeen: async () => {
      const { rows: seen } = await owner.query<{ n: string; called: boolean }>(
        `SELECT last_value AS n, is_called AS called FROM ${name}`,
      );
      return seen[0]!.called ? Number(seen[0]!.n) : 0;
    },
    remove: async () => {
      await owner.query(`DROP TRIGGER ${name} ON ${table}; DROP FUNCTION ${name}(); DROP SEQUENCE ${name}`);
    },
  };
}
