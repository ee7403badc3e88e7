/**
 * What a failed provider call means for the message. Decided from the HTTP status and the
 * provider's error code only (never from response text, which may echo the recipient).
 *
 *  permanent  the provider refused this message for good: fail it with the code (no retry)
 *  transient  the provider did not take it (429, 5xx): retry later with backoff
 *  unknown    the request may have reached the provider (timeout, connection lost mid-way):
 *             retry, but look the message up at the provider before sending it again
 */
export type SendFailure =
  | { kind: 'permanent'; code: string; optedOut: boolean }
  | { kind: 'transient'; code: string; credentialsRejected?: boolean }
  | { kind: 'unknown'; code: string };

/** Twilio's "the recipient replied STOP" (the carrier/Twilio blocks further sends). */
export const TWILIO_UNSUBSCRIBED = 21610;

/** Network errors raised before a single byte reached the provider: nothing was sent. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function statusOf(err: unknown): number | null {
  const e = err as { status?: unknown; code?: unknown; response?: { status?: unknown } };
  if (typeof e?.status === 'number') return e.status;
  if (typeof e?.response?.status === 'number') return e.response.status;
  return null;
}

function networkCode(err: unknown): string | null {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code =
    typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : null;
  return code && /^E[A-Z_]+$/.test(code) ? code : null;
}

function byStatus(status: number, code: string, optedOut = false): SendFailure {
  if (status === 429 || status >= 500) return { kind: 'transient', code };
  return { kind: 'permanent', code, optedOut };
}

function byNetwork(err: unknown): SendFailure {
  const code = networkCode(err) ?? 'network_error';
  return NOT_CONNECTED.has(code) ? { kind: 'transient', code } : { kind: 'unknown', code };
}

/**
 * A twilio-node error: RestException carries `status` and Twilio's numeric `code`. A 401 is
 * retried: the worker may hold a token rotated a moment ago (the retry reads it afresh).
 */
export function classifyTwilioError(err: unknown): SendFailure {
  const status = statusOf(err);
  if (status === null) return byNetwork(err);
  const twilioCode = (err as { code?: unknown }).code;
  const code = typeof twilioCode === 'number' ? String(twilioCode) : `http_${status}`;
  if (status === 401) return { kind: 'transient', code, credentialsRejected: true };
  return byStatus(status, code, twilioCode === TWILIO_UNSUBSCRIBED);
}

/** A @sendgrid/mail ResponseError carries the HTTP status as `code`. */
export function classifySendGridError(err: unknown): SendFailure {
  const e = err as { code?: unknown; response?: unknown };
  const status = typeof e?.code === 'number' && e.response !== undefined ? e.code : statusOf(err);
  if (status === null) return byNetwork(err);
  return byStatus(status, `http_${status}`);
}

/** Fixed, PHI-free explanations shown to staff for the codes we know. */
const EXPLANATIONS: Record<string, string> = {
  '21211': 'The phone number is not valid',
  '21614': 'The phone number cannot receive text messages',
  '21635': 'The phone number is a landline',
  '21610': 'The recipient has unsubscribed from text messages (STOP)',
  recipient_opted_out: 'The recipient opted out of text messages before it was sent',
  no_reachable_address: 'The contact has no address for this channel any more',
  email_suppressed: 'The email address is suppressed after bounces or a spam report',
  attempts_exhausted: 'The provider kept failing; delivery was given up after the last retry',
  channel_unavailable: 'The sending channel was deleted or has no credentials',
  request_closed: 'The consent request was superseded, answered or cancelled before it was sent',
};

export function explain(code: string): string {
  return EXPLANATIONS[code] ?? `The provider refused the message (${code})`;
}

/** A provider call's error, classified by the provider of its channel. */
export function classifySendError(channel: 'sms' | 'email', err: unknown): SendFailure {
  return channel === 'sms' ? classifyTwilioError(err) : classifySendGridError(err);
}
