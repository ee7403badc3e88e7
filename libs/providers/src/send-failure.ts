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

/** Network errors raised before a single byte reached the provider: nothing was sent. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function statusOf(err: unknown): number | null {
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

export function byStatus(status: number, code: string, optedOut = false): SendFailure {
  if (status === 429 || status >= 500) return { kind: 'transient', code };
  return { kind: 'permanent', code, optedOut };
}

export function byNetwork(err: unknown): SendFailure {
  const code = networkCode(err) ?? 'network_error';
  return NOT_CONNECTED.has(code) ? { kind: 'transient', code } : { kind: 'unknown', code };
}
