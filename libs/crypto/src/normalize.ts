import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * Canonical forms for blind indexes: two spellings of the same phone, email or name must
 * normalize to the same string, or equality lookups silently miss.
 */

/**
 * Parsing (its country detection above all) was the most expensive step of an inbound SMS
 * webhook, which checks the sender before acknowledging; texts come mostly from numbers seen
 * moments ago (a conversation), so recent answers of this pure function are kept, bounded.
 */
const MAX_RECENT_PHONES = 10_000;
const recentPhones = new Map<string, string | null>();

/**
 * E.164 (`+15551234567`) or null. Accepts numbers that are *possible* (right length for the
 * country) even if not assigned (*valid*), so test and fictional 555 numbers work. Extensions
 * are dropped: they do not identify a different line for messaging.
 */
export function normalizePhone(raw: string | null | undefined, defaultRegion: string): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (!text || text.length > 64) return null;
  const key = `${defaultRegion}:${text}`;
  const known = recentPhones.get(key);
  if (known !== undefined) return known;
  // extract: false -> the whole input must be a number, not merely contain one.
  const phone = parsePhoneNumberFromString(text, {
    defaultCountry: defaultRegion as CountryCode,
    extract: false,
  });
  const normalized = phone?.isPossible() ? phone.number : null;
  if (recentPhones.size >= MAX_RECENT_PHONES) recentPhones.clear();
  recentPhones.set(key, normalized);
  return normalized;
}

// One @, no spaces or control characters (a NUL would reach Postgres or a stored address), a dot
// in the domain; deliberately loose otherwise (RFC 5322 in full is not the point).
const EMAIL = /^[^\s\p{Cc}@]+@[^\s\p{Cc}@.]+(\.[^\s\p{Cc}@.]+)+$/u;

/** Trimmed, lowercased address, or null if it is not shaped like one. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const email = raw.trim().toLowerCase();
  return email.length <= 320 && EMAIL.test(email) ? email : null;
}

/**
 * For exact name search: NFKC, diacritics stripped, lowercased, whitespace collapsed.
 * `  José   ÁLVAREZ ` -> `jose alvarez`. Null when nothing is left.
 */
export function normalizeName(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const name = raw
    .normalize('NFKC')
    .toLowerCase()
    // Lowercasing can introduce combining marks (e.g. Turkish İ), so decompose and strip after it.
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
  return name || null;
}
