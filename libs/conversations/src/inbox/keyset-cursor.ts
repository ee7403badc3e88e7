import { z } from 'zod';

/**
 * Opaque keyset cursor: base64url of `<microseconds since epoch>.<id>` of the last row of a
 * page. Microseconds, not a JS Date: Postgres keeps microsecond timestamps, and a rounded
 * cursor would repeat or skip rows that share the millisecond.
 */
export interface KeysetPosition {
  /** Sort time in microseconds since the epoch, as a decimal string (beyond 2^53). */
  micros: string;
  id: string;
}

const POSITION = /^(\d{1,17})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.micros}.${position.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(value: string): KeysetPosition | null {
  if (!/^[A-Za-z0-9_-]{1,120}$/.test(value)) return null;
  const match = POSITION.exec(Buffer.from(value, 'base64url').toString('utf8'));
  return match ? { micros: match[1]!, id: match[2]! } : null;
}

/** Query parameter schema: a cursor this API returned, else 400 validation_failed. */
export const cursorParam = z
  .string()
  .meta({ description: 'The nextCursor of the previous page' })
  .transform((value, ctx) => {
    const position = decodeCursor(value);
    if (!position) {
      ctx.addIssue({ code: 'custom', message: 'not a cursor returned by this API' });
      return z.NEVER;
    }
    return position;
  });

/**
 * A timestamp as the API shows it (JavaScript's toISOString: UTC, milliseconds truncated),
 * formatted by Postgres: a page of rows then costs no Date parsing at all.
 */
export const isoSql = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export { fromMicrosSql, microsSql } from '@app/database';

/** A keyset page: its rows and the cursor of the next one (null on the last page). */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** The next page's cursor: a full page may have a successor, a short one has none. */
export function nextCursor<R extends { id: string }>(
  rows: R[],
  limit: number,
  micros: (row: R) => string,
): string | null {
  const last = rows.at(-1);
  return rows.length === limit && last ? encodeCursor({ micros: micros(last), id: last.id }) : null;
}
