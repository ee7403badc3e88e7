import { type SendFailure, byNetwork, byStatus, statusOf } from '../send-failure.js';

/** A @sendgrid/mail ResponseError carries the HTTP status as `code`. */
export function classifySendGridError(err: unknown): SendFailure {
  const e = err as { code?: unknown; response?: unknown };
  const status = typeof e?.code === 'number' && e.response !== undefined ? e.code : statusOf(err);
  if (status === null) return byNetwork(err);
  return byStatus(status, `http_${status}`);
}
