/**
 * `VALUES` placeholders for many rows in one statement (`($1, $2), ($3, $4)`), with their
 * parameters: one round trip for a batch instead of one per row.
 */
export function multiRowValues<T>(
  items: T[],
  columns: (item: T, index: number) => unknown[],
): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const rows = items.map((item, index) => {
    const cols = columns(item, index);
    const placeholders = cols.map((_, i) => `$${values.length + i + 1}`);
    values.push(...cols);
    return `(${placeholders.join(', ')})`;
  });
  return { sql: rows.join(', '), values };
}
