import { type SendFailure, byNetwork, byStatus, statusOf } from '../send-failure.js';

/** Twilio's "the recipient replied STOP" (the carrier/Twilio blocks further sends). */
export const TWILIO_UNSUBSCRIBED = 21610;

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
