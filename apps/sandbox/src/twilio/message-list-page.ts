import type { SentSms } from '../common/sent-messages.js';
import { API_VERSION, toTwilioMessageJson } from './twilio-message-json.js';

export type ListQuery = Record<string, unknown>;

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;
const DAY_MS = 86_400_000;
const FILTER_NAMES = ['To', 'From', 'DateSent', 'DateSent<', 'DateSent>'] as const;

function queryString(query: ListQuery, name: string): string | null {
  const raw = query[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function queryInt(query: ListQuery, name: string, fallback: number, max: number): number {
  const parsed = Number.parseInt(queryString(query, name) ?? '', 10);
  return Number.isFinite(parsed) && parsed >= 0 ? Math.min(parsed, max) : fallback;
}

/** A DateSent filter value: a whole UTC day for `YYYY-MM-DD`, an instant for a full timestamp. */
function dateRange(value: string): { start: number; end: number } | null {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? { start: time, end: time + DAY_MS - 1 }
    : { start: time, end: time };
}

function matchesFilters(message: SentSms, query: ListQuery): boolean {
  const to = queryString(query, 'To');
  const from = queryString(query, 'From');
  if (to && message.to !== to) return false;
  if (from && message.from !== from) return false;
  const sent = (message.sentAt ?? message.createdAt).getTime();
  const sentDay = sent - (sent % DAY_MS);
  const on = dateRange(queryString(query, 'DateSent') ?? '');
  const before = dateRange(queryString(query, 'DateSent<') ?? '');
  const after = dateRange(queryString(query, 'DateSent>') ?? '');
  if (on && sentDay !== on.start - (on.start % DAY_MS)) return false;
  if (before && sent > before.end) return false;
  if (after && sent < after.start) return false;
  return true;
}

/**
 * One page of Twilio's list envelope. The SDK follows `next_page_uri`, which it resolves
 * against api.twilio.com, so the redirecting HTTP client brings it back to the sandbox.
 */
export function buildMessagePage(
  accountSid: string,
  newestFirst: SentSms[],
  query: ListQuery,
): Record<string, unknown> {
  const pageSize = Math.max(1, queryInt(query, 'PageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE));
  const page = queryInt(query, 'Page', 0, Number.MAX_SAFE_INTEGER);
  const matching = newestFirst.filter((m) => matchesFilters(m, query));
  const start = page * pageSize;
  const slice = matching.slice(start, start + pageSize);

  const pageUri = (pageNumber: number, pageToken?: string): string => {
    const params = new URLSearchParams();
    for (const name of FILTER_NAMES) {
      const value = queryString(query, name);
      if (value) params.set(name, value);
    }
    params.set('PageSize', String(pageSize));
    params.set('Page', String(pageNumber));
    if (pageToken) params.set('PageToken', pageToken);
    return `/${API_VERSION}/Accounts/${accountSid}/Messages.json?${params.toString()}`;
  };

  const hasNext = start + pageSize < matching.length;
  const last = slice.at(-1);
  const first = slice[0];
  return {
    end: start + Math.max(slice.length - 1, 0),
    first_page_uri: pageUri(0),
    messages: slice.map(toTwilioMessageJson),
    next_page_uri: hasNext && last ? pageUri(page + 1, `PA${last.id}`) : null,
    page,
    page_size: pageSize,
    previous_page_uri: page > 0 && first ? pageUri(page - 1, `PB${first.id}`) : null,
    start,
    uri: pageUri(page),
  };
}
