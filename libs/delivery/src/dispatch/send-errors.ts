import { type SendFailure, classifySendGridError, classifyTwilioError } from '@app/providers';

export type { SendFailure } from '@app/providers';

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
  reminder_moot: 'The secure message was read or retracted before its reminder was sent',
  quiet_hours: "The reminder's send time fell outside the practice's reminder hours; it was not sent",
  tls_required:
    "The recipient's mail server cannot receive email over TLS, so it was not sent as plain email: it went as a secure message instead",
};

export function explain(code: string): string {
  return EXPLANATIONS[code] ?? `The provider refused the message (${code})`;
}

/**
 * A failure code as a metrics label: the codes explained above as they are, any other provider
 * code as `provider_refused` (a label set that cannot grow with what providers answer).
 */
export function failureReason(code: string): string {
  return Object.hasOwn(EXPLANATIONS, code) ? code : 'provider_refused';
}

/** A provider call's error, classified by the provider of its channel. */
export function classifySendError(channel: 'sms' | 'email', err: unknown): SendFailure {
  return channel === 'sms' ? classifyTwilioError(err) : classifySendGridError(err);
}
