import { domainToASCII } from 'node:url';
import type { SenderChecks } from '@app/providers';

/**
 * Whether an inbound email's From is the sender's, from what SendGrid's Inbound Parse checked:
 * its `SPF` field (the SPF result for the SMTP envelope sender, MAIL FROM, which the `envelope`
 * field names) and its `dkim` field (one result per signature, `{@example.com : pass}` or
 * `{@a.example : pass, @b.example : fail}`, or `none`).
 *
 * DMARC's rule, without its DNS lookup: the From is authenticated when a signature that passed
 * is aligned with the From domain, or SPF passed for an envelope sender aligned with it. A pass
 * for any other domain proves only that domain (anyone can sign or send for their own), so it
 * does not count. Aligned: the same domain, or one a parent of the other (relaxed alignment),
 * the parent having at least two labels. Without the public suffix list, two domains under a
 * shared suffix that hands out subdomains (`a.github.io`, `github.io`) count as aligned when
 * one is the other's parent; mailboxes at such an apex are not patients' addresses.
 *
 * Only the fields SendGrid posts are read: `Authentication-Results` and `Received-SPF` headers
 * inside the message (raw mode) may have been written by the sender. A field missing or
 * unreadable counts as no pass (fails closed). Every scan here is linear in the field.
 */

/** RFC 7208 / RFC 8601 result words; anything else is kept as `unknown`. */
const RESULTS = ['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'policy'] as const;
export type CheckResult = (typeof RESULTS)[number] | 'unknown';

/** The verdict stored with the message for staff: results and alignment, no address or domain. */
export interface SenderAuthentication {
  result: 'pass' | 'fail';
  /** Which check proved the From domain; null when none did. */
  alignedBy: 'dkim' | 'spf' | null;
  /** `missing`: the post had no SPF field. */
  spf: { result: CheckResult | 'missing'; aligned: boolean };
  /** One entry per signature SendGrid reported (none for `none` or a missing field). */
  dkim: Array<{ result: CheckResult; aligned: boolean }>;
}

/** Longer fields are not SendGrid's: read as no result. */
const MAX_SPF_CHARS = 256;
const MAX_DKIM_CHARS = 8_192;
const MAX_SIGNATURES = 32;

export function authenticateSender(fromAddress: string, checks: SenderChecks): SenderAuthentication {
  const fromDomain = domainOfAddress(fromAddress);
  const spfDomain = checks.envelopeFrom ? domainOfAddress(checks.envelopeFrom) : null;
  const spf = {
    result: checks.spf === null ? ('missing' as const) : readSpf(checks.spf),
    aligned: spfDomain !== null && aligned(spfDomain, fromDomain),
  };
  const dkim = readDkim(checks.dkim).map((signature) => ({
    result: signature.result,
    aligned: aligned(signature.domain, fromDomain),
  }));
  const alignedBy = dkim.some((s) => s.result === 'pass' && s.aligned)
    ? 'dkim'
    : spf.result === 'pass' && spf.aligned
      ? 'spf'
      : null;
  return { result: alignedBy ? 'pass' : 'fail', alignedBy, spf, dkim };
}

/** SendGrid's `SPF` field: the result word (`pass`, `softfail`, ...), any comment after it ignored. */
export function readSpf(field: string): CheckResult {
  return field.length > MAX_SPF_CHARS ? 'unknown' : resultWord(field);
}

/** SendGrid's `dkim` field: `{@domain : result, @domain : result}`, `none`, or absent. */
export function readDkim(field: string | null): Array<{ domain: string; result: CheckResult }> {
  if (field === null || field.length > MAX_DKIM_CHARS) return [];
  let body = field.trim();
  if (body.startsWith('{') && body.endsWith('}')) body = body.slice(1, -1);
  const signatures: Array<{ domain: string; result: CheckResult }> = [];
  for (const entry of body.split(',').slice(0, MAX_SIGNATURES)) {
    const colon = entry.indexOf(':');
    if (colon === -1) continue;
    // `@example.com` (an identity with no local part) or `user@example.com`: the domain after the last @.
    const domain = normalizeDomain(entry.slice(entry.lastIndexOf('@', colon) + 1, colon));
    if (domain) signatures.push({ domain, result: resultWord(entry.slice(colon + 1)) });
  }
  return signatures;
}

/** The same domain, or one the parent of the other with at least two labels (never a bare TLD). */
export function aligned(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [parent, child] = a.length < b.length ? [a, b] : [b, a];
  return parent.includes('.') && child.endsWith(`.${parent}`);
}

function domainOfAddress(address: string): string {
  return normalizeDomain(address.slice(address.lastIndexOf('@') + 1));
}

/** Lower case, no trailing dot, A-labels (a signature names `xn--...` where the From may say `ü`). */
function normalizeDomain(raw: string): string {
  const name = raw.trim().toLowerCase();
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (!bare) return '';
  return domainToASCII(bare) || bare;
}

/** The first word, up to whitespace or a comment's `(`. */
function resultWord(text: string): CheckResult {
  // One character class, no quantifier: a linear split.
  const word = text
    .trim()
    .toLowerCase()
    .split(/[\s(;]/, 1)[0]!;
  return (RESULTS as readonly string[]).includes(word) ? (word as CheckResult) : 'unknown';
}
