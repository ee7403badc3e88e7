import type pg from 'pg';

/** One node of a Postgres JSON plan (what the EXPLAIN tests look at). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** The plan's nodes for `sql`, planned as the app role (`pool`) in the tenant's RLS context. */
export async function planAsTenant(
  pool: pg.Pool,
  tenantId: string,
  sql: string,
  params: unknown[],
): Promise<PlanNode[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    await client.query('ROLLBACK');
    return nodes((rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
  } finally {
    client.release();
  }
}

/** The relations among `relations` that a plan reads sequentially. */
export function sequentialScansOf(planned: PlanNode[], relations: readonly string[]): string[] {
  return planned
    .filter((n) => n['Node Type'] === 'Seq Scan' && relations.includes(n['Relation Name']!))
    .map((n) => n['Relation Name']!);
}
