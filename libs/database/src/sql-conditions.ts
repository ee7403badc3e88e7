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
