import type pg from 'pg';

/** One node of a Postgres JSON plan (what the EXPLAIN tests look at). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  /** For a partition: its row count as of the last ANALYZE (-1: never analyzed). */
  'Partition Tuples'?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * The plan's nodes for `sql`, planned as the app role (`pool`) in the tenant's RLS context; an
 * index of a partition is named by its partitioned index (`messages_conversation`).
 */
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
    const planned = await describePlan(client, (rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>)[0]!.Plan);
    await client.query('ROLLBACK');
    return planned;
  } finally {
    client.release();
  }
}

/**
 * A JSON plan's nodes, as the tests read them: a partition's index named by the partitioned
 * index it belongs to (`messages_conversation`, not a generated name), and each partition's
 * analyzed row count (`Partition Tuples`).
 */
export async function describePlan(client: pg.PoolClient, plan: PlanNode): Promise<PlanNode[]> {
  const planned = nodes(plan);
  const { rows: parents } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
     WHERE c.relkind = 'i' AND c.relname = ANY($1)`,
    [planned.map((n) => n['Index Name']).filter((name) => name !== undefined)],
  );
  const parentOf = new Map(parents.map((r) => [r.child, r.parent]));
  const { rows: partitions } = await client.query<{ relname: string; reltuples: number }>(
    `SELECT relname, reltuples FROM pg_class WHERE relispartition AND relkind = 'r' AND relname = ANY($1)`,
    [planned.map((n) => n['Relation Name']).filter((name) => name !== undefined)],
  );
  const tuplesOf = new Map(partitions.map((r) => [r.relname, Number(r.reltuples)]));
  // Children too (a bitmap heap scan's index is its child's), so a node's Plans read the same.
  const described = (n: PlanNode): PlanNode => ({
    ...n,
    ...(n['Index Name'] && parentOf.has(n['Index Name'])
      ? { 'Index Name': parentOf.get(n['Index Name'])! }
      : {}),
    ...(n['Relation Name'] && tuplesOf.has(n['Relation Name'])
      ? { 'Partition Tuples': tuplesOf.get(n['Relation Name'])! }
      : {}),
    ...(n.Plans ? { Plans: n.Plans.map(described) } : {}),
  });
  return nodes(described(plan));
}

/** A month or default partition (`messages_y2026m12`, `audit_events_default`) stands for its table. */
const PARTITION = /^(.+)_(?:y\d{4}m\d{2}|default)$/;

/** The table a plan node's relation belongs to: the parent for a partition, else itself. */
export function tableOf(relation: string): string {
  return PARTITION.exec(relation)?.[1] ?? relation;
}

/**
 * A partition ANALYZE found this small (a month ahead, or one holding the few random v4 ids that
 * fall in its range) is read whole: the cheapest plan for a few pages, whatever the table's size.
 */
const SMALL_PARTITION_ROWS = 1000;

/**
 * The relations among `relations` that a plan reads sequentially (a partition counts as its
 * table, unless it is small: SMALL_PARTITION_ROWS).
 */
export function sequentialScansOf(planned: PlanNode[], relations: readonly string[]): string[] {
  return planned
    .filter(
      (n) =>
        n['Node Type'] === 'Seq Scan' &&
        relations.includes(tableOf(n['Relation Name']!)) &&
        !isSmallPartition(n),
    )
    .map((n) => n['Relation Name']!);
}

/** An analyzed partition of fewer than SMALL_PARTITION_ROWS rows. */
export function isSmallPartition(n: PlanNode): boolean {
  const rows = n['Partition Tuples'];
  return rows !== undefined && rows >= 0 && rows < SMALL_PARTITION_ROWS;
}

/** The partitions of `table` a plan reads (pruned ones do not appear). */
export function partitionsRead(planned: PlanNode[], table: string): string[] {
  return [
    ...new Set(
      planned
        .map((n) => n['Relation Name'])
        .filter((r): r is string => r !== undefined && r !== table && tableOf(r) === table),
    ),
  ].toSorted();
}
