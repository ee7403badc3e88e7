import { describe, expect, it } from 'vitest';
import { classifySendError } from './send-errors.js';

/** As twilio-node's RestException: HTTP status and Twilio's numeric code. */
const twilioError = (status: number, code: number) => Object.assign(new Error('x'), { status, code });
/** As @sendgrid/mail's ResponseError: the HTTP status as `code`, with a response. */
const sendGridError = (code: number) => Object.assign(new Error('x'), { code, response: { body: {} } });

describe('provider error classification', () => {
  it('by channel: an SMS error read as Twilio reports it, an email error as SendGrid does', () => {
    // Twilio's 21610 as `code` would be a bogus HTTP status to SendGrid's reading, and the reverse.
    expect(classifySendError('sms', twilioError(400, 21610))).toMatchObject({
      code: '21610',
      optedOut: true,
    });
    expect(classifySendError('email', sendGridError(400))).toMatchObject({
      code: 'http_400',
      optedOut: false,
    });
  });
});
