import type { Fault } from '../common/fault-injector.service.js';

export interface SendGridErrorItem {
  message: string;
  field: string | null;
  help: string | null;
}

const HELP = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html';

/** An error answered in SendGrid's v3 shape: `{errors: [{message, field, help}]}`. */
export class SendGridApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: SendGridErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'SendGridApiError';
  }

  toJSON(): { errors: SendGridErrorItem[] } {
    return { errors: this.errors };
  }
}

export function sendGridError(
  message: string,
  field: string | null = null,
  helpAnchor?: string,
): SendGridErrorItem {
  return { message, field, help: helpAnchor ? `${HELP}#${helpAnchor}` : null };
}

export const sendGridErrors = {
  missingAuth: () => new SendGridApiError(401, [sendGridError('authorization required')]),
  badKey: () =>
    new SendGridApiError(401, [
      sendGridError('The provided authorization grant is invalid, expired, or revoked'),
    ]),
  badRequest: (errors: SendGridErrorItem[]) => new SendGridApiError(400, errors),
  notFound: () => new SendGridApiError(404, [sendGridError('resource not found')]),
  internal: () => new SendGridApiError(500, [sendGridError('internal server error')]),
};

const INJECTED_MESSAGES: Record<Fault['status'], string> = {
  429: 'too many requests',
  500: 'internal server error',
  503: 'service unavailable',
};

export function injectedSendGridFault(fault: Fault): SendGridApiError {
  const headers: Record<string, string> =
    fault.status === 429 ? { 'Retry-After': '1', 'X-RateLimit-Remaining': '0' } : {};
  return new SendGridApiError(fault.status, [sendGridError(INJECTED_MESSAGES[fault.status])], headers);
}
