import pg from 'pg';

/**
 * Text Postgres cannot store (a NUL character): it can only have come from a client, so the
 * api answers 400, whether the value was inlined here or sent as a parameter.
 */
export class UnstorableTextError extends Error {
  constructor() {
    super('Text with a NUL character cannot be stored');
    this.name = 'UnstorableTextError';
  }
}

/** pg's own conversion of a parameter to the text it sends (arrays, dates, JSON...). */
const prepareValue = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils
  .prepareValue;

/**
 * A value as a SQL literal, for the few statements sent with the simple query protocol (which
 * takes no parameters) so that they can share a round trip with others: a transaction's first
 * statement with its BEGIN, audit events with its COMMIT.
 *
 * The literal is the exact text pg would send for the value as a parameter, quoted, so the
 * server types and reads it the same way (an untyped literal resolves like an untyped
 * parameter). Text is quoted as libpq's PQescapeLiteral does (doubled quotes; an E'' string
 * with doubled backslashes when there are any), safe whatever `standard_conforming_strings`
 * says. Bytes are hex-decoded. Text with a NUL character (which Postgres cannot store) throws.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Buffer.isBuffer(value)) return `decode('${value.toString('hex')}', 'hex')`;
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new TypeError('sqlLiteral: not a finite number');
  if (value instanceof Date && Number.isNaN(value.getTime())) throw new TypeError('sqlLiteral: invalid date');
  const text = prepareValue(value);
  if (text === null) return 'NULL';
  if (typeof text !== 'string') throw new TypeError(`sqlLiteral: no literal for a ${typeof value}`);
  if (text.includes('\0')) throw new UnstorableTextError();
  const body = text.replaceAll("'", "''");
  return text.includes('\\') ? `E'${body.replaceAll('\\', '\\\\')}'` : `'${body}'`;
}

/**
 * `sql` with each `$n` placeholder replaced by the literal of `params[n - 1]`. Placeholders are
 * found outside quoted text, quoted identifiers and comments; SQL with dollar-quoted text (never
 * sent at run time) is refused rather than parsed.
 */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  let out = '';
  let i = 0;
  /** Copies sql[i..] up to and including `end` (searched from `from`) unchanged. */
  const copyThrough = (end: string, from: number, endOptional = false): string => {
    const at = sql.indexOf(end, from);
    if (at < 0 && !endOptional) throw new TypeError('inlineParams: unterminated quote or comment');
    const stop = at < 0 ? sql.length : at + end.length;
    const run = sql.slice(i, stop);
    out += run;
    i = stop;
    return run;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "'") {
      // '' inside text reads as two adjacent quoted runs: copied the same. A backslash may
      // escape a quote (E'' text): not worth parsing, never sent at run time.
      if (copyThrough("'", i + 1).includes('\\'))
        throw new TypeError('inlineParams: backslashes in quoted text are not supported');
    } else if (c === '"') copyThrough('"', i + 1);
    else if (c === '-' && next === '-') copyThrough('\n', i, true);
    else if (c === '/' && next === '*') copyThrough('*/', i + 2);
    else if (c === '$') {
      const placeholder = /^\$(\d+)/.exec(sql.slice(i, i + 8));
      if (!placeholder) throw new TypeError('inlineParams: dollar-quoted text is not supported');
      const n = Number(placeholder[1]);
      if (n < 1 || n > params.length) throw new TypeError(`inlineParams: no value for $${n}`);
      out += sqlLiteral(params[n - 1]);
      i += placeholder[0].length;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
