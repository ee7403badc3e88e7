import { randomUUID } from 'node:crypto';
import type pg from 'pg';

/** Which writes of one practice fail: every one, or (`once`) only the first. */
export interface WriteFault {
  table: string;
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  tenantId: string;
  /** The first write fails and the rest go through, as a crash right there would. */
  once?: boolean;
}

/**
 * A BEFORE trigger (created as the schema owner) that fails `operation` on `table` for rows of
 * one practice, as a crash or a broken row at that point would; other practices' writes pass.
 * `once` counts writes in a sequence, whose count survives the failed transaction's rollback.
 */
export async function injectWriteFault(
  owner: pg.Pool,
  { table, operation, tenantId, once = false }: WriteFault,
): Promise<{ writesSeen: () => Promise<number>; remove: () => Promise<void> }> {
  const name = `fault_${randomUUID().replaceAll('-', '')}`;
  const row = operation === 'DELETE' ? 'OLD' : 'NEW';
  // Every write of the practice is counted (nextval), so `once` can tell the first one.
  await owner.query(`
    CREATE SEQUENCE ${name};
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
    BEGIN
      IF ${row}.tenant_id = '${tenantId}' AND (nextval('${name}') = 1 OR NOT ${once}) THEN
        RAISE EXCEPTION 'injected ${operation.toLowerCase()} failure on ${table}';
      END IF;
      RETURN ${row};
    END $$;
    CREATE TRIGGER ${name} BEFORE ${operation} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}();
  `);
  return {
    writesSeen: async () => {
      const { rows } = await owner.query<{ n: string; called: boolean }>(
        `SELECT last_value AS n, is_called AS called FROM ${name}`,
      );
      return rows[0]!.called ? Number(rows[0]!.n) : 0;
    },
    remove: async () => {
      await owner.query(`DROP TRIGGER ${name} ON ${table}; DROP FUNCTION ${name}(); DROP SEQUENCE ${name}`);
    },
  };
}
