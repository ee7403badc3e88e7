/** A UUID in its canonical text form (any version, either case): how every id here is written. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checked before an id reaches SQL: not a UUID means not found, never a cast error. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/**
 * SQL for a fresh UUIDv7 of the time `at` (an SQL timestamptz expression): its 48-bit Unix ms,
 * version 7, variant 10 and random bits, as `crypto.randomUUIDv7()` makes them. For rows written
 * in bulk by SQL (seeds, tests) that must land in the month partition of their time.
 */
export function uuidV7Sql(at: string): string {
  return `(lpad(to_hex(floor(extract(epoch FROM (${at})) * 1000)::bigint), 12, '0')
    || '7' || substr(md5(random()::text), 1, 3)
    || substr('89ab', 1 + floor(random() * 4)::int, 1) || substr(md5(random()::text), 1, 15))::uuid`;
}
