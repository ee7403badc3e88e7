import type { TenantTx } from './tenant-db.js';

/**
 * A WHERE clause of optional conditions, every value a parameter: `add` replaces each `?` of
 * its condition with the next of its values, numbered after the parameters already given.
 */
export class SqlConditions {
  private readonly conditions: string[];

  constructor(
    readonly params: unknown[],
    ...conditions: string[]
  ) {
    this.conditions = conditions;
  }

  add(sql: string, ...values: unknown[]): void {
    let next = 0;
    this.conditions.push(sql.replace(/\?/g, () => this.param(values[next++])));
  }

  /** `value` as the next parameter: its placeholder. */
  param(value: unknown): string {
    return `$${this.params.push(value)}`;
  }

  toString(): string {
    return this.conditions.join(' AND ');
  }
}

/** A timestamptz column as microseconds since the epoch, in text (a keyset cursor's exact sort key). */
export const microsSql = (column: string) => `(extract(epoch from ${column}) * 1000000)::bigint::text`;

/** SQL turning a microseconds parameter back into the exact timestamptz. */
export const fromMicrosSql = (param: string) =>
  `(timestamptz 'epoch' + ${param}::bigint * interval '1 microsecond')`;

/**
 * How many rows of `from` match `where`, counted up to `atMost`: a bounded count that reads at
 * most that many rows (a search's total, capped so a broad search costs a page or so).
 */
export async function countUpTo(
  tx: Pick<TenantTx, 'query'>,
  from: string,
  where: SqlConditions,
  atMost: number,
): Promise<number> {
  const limit = where.param(atMost);
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${limit}) matched`,
    where.params,
  );
  return row!.n;
}
