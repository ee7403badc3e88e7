import type { Fault } from '../common/fault-injector.service.js';

/** An error answered in Twilio's JSON shape: `{code, message, more_info, status}`. */
export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    /** Extra body fields Twilio adds for some errors (e.g. `detail` on 401). */
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'TwilioApiError';
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
      ...this.extra,
    };
  }
}

export const twilioErrors = {
  authenticate: () =>
    new TwilioApiError(
      401,
      20003,
      'Authenticate',
      { detail: 'Your AccountSid or AuthToken was incorrect.' },
      { 'WWW-Authenticate': 'Basic realm="Twilio API"' },
    ),
  notFound: (path: string) => new TwilioApiError(404, 20404, `The requested resource ${path} was not found`),
  missingTo: () => new TwilioApiError(400, 21604, "A 'To' phone number is required."),
  missingFrom: () => new TwilioApiError(400, 21603, "A 'From' phone number is required."),
  missingBody: () => new TwilioApiError(400, 21602, 'Message body is required.'),
  invalidTo: (to: string) =>
    new TwilioApiError(400, 21211, `The 'To' number ${to} is not a valid phone number.`),
  invalidFrom: (from: string) =>
    new TwilioApiError(
      400,
      21212,
      `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric sender ID.`,
    ),
  invalidMessagingService: (sid: string) =>
    new TwilioApiError(400, 21701, `The Messaging Service Sid ${sid} is invalid.`),
  invalidStatusCallback: (url: string) =>
    new TwilioApiError(400, 21609, `The StatusCallback URL ${url} is not valid.`),
  bodyTooLong: () =>
    new TwilioApiError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.'),
  invalidMediaUrl: (url: string) => new TwilioApiError(400, 21620, `Invalid media URL: ${url}`),
  tooManyMedia: () => new TwilioApiError(400, 21623, 'Number of media files exceeds allowed limit of 10.'),
  internal: () => new TwilioApiError(500, 20500, 'Internal Server Error'),
};

const INJECTED_FAULTS: Record<Fault['status'], { code: number; message: string }> = {
  429: { code: 20429, message: 'Too Many Requests' },
  500: { code: 20500, message: 'Internal Server Error' },
  503: { code: 20503, message: 'Service Unavailable' },
};

export function injectedTwilioFault(fault: Fault): TwilioApiError {
  const standard = INJECTED_FAULTS[fault.status];
  const headers: Record<string, string> = fault.status === 429 ? { 'Retry-After': '1' } : {};
  return new TwilioApiError(fault.status, fault.code ?? standard.code, standard.message, {}, headers);
}
