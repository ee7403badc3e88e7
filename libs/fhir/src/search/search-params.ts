import { z } from 'zod';
import { decodeCursor, type KeysetPosition } from '@app/conversations';

/** Rows per page unless `_count` says otherwise, and the most a page holds. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
/**
 * The most matches a search's `_total` counts: a count reads the index entries the search's pages
 * would, so this bounds its work to that of ten full pages. Beyond it the searchset carries no
 * total, and says why in a warning OperationOutcome entry.
 */
export const MAX_COUNTED_TOTAL = 10_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE_VALUE =
  /^(eq|gt|ge|lt|le)?(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2}))?$/;
const DAY_MS = 86_400_000;

/** [from, to) of a change time; either end may be open. */
export interface TimeRange {
  from?: Date;
  to?: Date;
}

const later = (a: Date | undefined, b: Date) => (a && a > b ? a : b);
const earlier = (a: Date | undefined, b: Date) => (a && a < b ? a : b);

/**
 * One `_lastUpdated` value as a narrowing of `range`, or an error message. A value stands for
 * the span of its precision (a day, a second, a millisecond), as FHIR's date search says: `ge`
 * and `eq` start at its beginning, `gt` after its end; `lt` ends at its beginning, `le` and `eq`
 * at its end. A date without a time is a UTC day.
 */
export function narrowByLastUpdated(range: TimeRange, value: string): TimeRange | string {
  const match = DATE_VALUE.exec(value);
  if (!match)
    return 'must be a date (YYYY-MM-DD) or an instant with a zone, optionally prefixed gt, ge, lt, le or eq';
  const [, prefix = 'eq', day, time, fraction] = match;
  const start = new Date(time ? `${day}${time}` : `${day}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || (!time && start.toISOString().slice(0, 10) !== day))
    return 'is not a real date';
  const precision = !time ? DAY_MS : fraction ? 1 : 1000;
  const end = new Date(start.getTime() + precision);
  switch (prefix) {
    case 'gt':
      return { ...range, from: later(range.from, end) };
    case 'ge':
      return { ...range, from: later(range.from, start) };
    case 'lt':
      return { ...range, to: earlier(range.to, start) };
    case 'le':
      return { ...range, to: earlier(range.to, end) };
    default:
      return { from: later(range.from, start), to: earlier(range.to, end) };
  }
}

const oneOrTwo = z
  .union([z.string(), z.array(z.string()).min(1).max(2)])
  .meta({ description: 'gt|ge|lt|le|eq + a date or an instant; repeat for a range (at most twice)' });

/**
 * A FHIR search's parameters: `_lastUpdated` (up to two, a range), `patient` (Patient/<id> or
 * <id>), `_id` (comma-separated), `_count` (1 to 1000), `_cursor` (the opaque keyset position
 * of a `next` link), `_total` (none, estimate, accurate) and `_format` (JSON only). Anything else is refused (400), not ignored:
 * a filter the server dropped silently would hand over more PHI than asked for.
 */
export const searchQueryShape = z.strictObject({
  _lastUpdated: oneOrTwo.optional(),
  patient: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'Patient/<id> or <id>: only this patient’s resources (not on Patient)' }),
  _id: z.string().max(4000).optional().meta({ description: 'Comma-separated resource ids (at most 100)' }),
  _count: z
    .string()
    .regex(/^\d{1,4}$/, 'must be a whole number from 1 to 1000')
    .optional()
    .meta({ description: `Resources per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` }),
  _cursor: z.string().max(200).optional().meta({ description: 'The position a `next` link carries' }),
  _format: z.enum(['json', 'application/json', 'application/fhir+json']).optional(),
  _total: z
    .enum(['none', 'estimate', 'accurate'])
    .optional()
    .meta({
      description:
        'Bundle.total, the size of the whole search set on every page: none (the default) leaves it out; ' +
        `estimate and accurate count it exactly, up to ${MAX_COUNTED_TOTAL} matches (beyond that: no total and ` +
        'a warning OperationOutcome entry)',
    }),
});

/** The search parameters validated and read: the page size, the time range, the ids, the patient, the cursor. */
export const searchQuerySchema = searchQueryShape.transform((q, ctx) => {
  // FHIR's parameter names, read once under plain names.
  const {
    _count: countParam,
    _lastUpdated: lastUpdatedParam,
    _cursor: cursorParam,
    _id: idParam,
    _total: totalParam,
  } = q;
  const count = countParam === undefined ? DEFAULT_PAGE_SIZE : Number(countParam);
  if (count < 1 || count > MAX_PAGE_SIZE)
    ctx.addIssue({ code: 'custom', path: ['_count'], message: 'must be a whole number from 1 to 1000' });
  let range: TimeRange = {};
  const values = lastUpdatedParam === undefined ? [] : [lastUpdatedParam].flat();
  for (const value of values) {
    const narrowed = narrowByLastUpdated(range, value);
    if (typeof narrowed === 'string')
      ctx.addIssue({ code: 'custom', path: ['_lastUpdated'], message: narrowed });
    else range = narrowed;
  }
  const cursor = cursorParam === undefined ? undefined : decodeCursor(cursorParam);
  if (cursor === null)
    ctx.addIssue({ code: 'custom', path: ['_cursor'], message: 'not a position this server gave' });
  const ids = idParam?.split(',').map((id) => id.trim());
  if (ids && (ids.length > 100 || ids.some((id) => id === '')))
    ctx.addIssue({ code: 'custom', path: ['_id'], message: 'must be 1 to 100 comma-separated ids' });
  const patient = q.patient?.replace(/^Patient\//, '');
  return {
    count,
    range,
    lastUpdated: values,
    // An id that is not one of ours matches nothing (FHIR ids are wider than our uuids).
    ids: ids?.filter((id) => UUID.test(id)),
    patient: patient === undefined ? undefined : UUID.test(patient) ? patient : null,
    after: cursor ?? undefined,
    // Whether Bundle.total is wanted: `estimate` gets the exact count too (it is as cheap here).
    total: totalParam ?? 'none',
  };
});

export type SearchQuery = z.output<typeof searchQuerySchema>;
export type { KeysetPosition };
