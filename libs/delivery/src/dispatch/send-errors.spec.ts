import { describe, expect, it } from 'vitest';
import { classifySendError, classifySendGridError, classifyTwilioError } from './send-errors.js';

/** As twilio-node's RestException: HTTP status and Twilio's numeric code. */
const twilioError = (status: number, code: number) => Object.assign(new Error('x'), { status, code });
/** As @sendgrid/mail's ResponseError: the HTTP status as `code`, with a response. */
const sendGridError = (code: number) => Object.assign(new Error('x'), { code, response: { body: {} } });

describe('provider error classification', () => {
  it.each([
    [400, 21211, { kind: 'permanent', code: '21211', optedOut: false }],
    [400, 21614, { kind: 'permanent', code: '21614', optedOut: false }],
    [400, 21635, { kind: 'permanent', code: '21635', optedOut: false }],
    [400, 21610, { kind: 'permanent', code: '21610', optedOut: true }],
    [401, 20003, { kind: 'transient', code: '20003', credentialsRejected: true }],
    [429, 20429, { kind: 'transient', code: '20429' }],
    [500, 20500, { kind: 'transient', code: '20500' }],
    [503, 20503, { kind: 'transient', code: '20503' }],
  ])('Twilio HTTP %i code %i', (status, code, expected) => {
    expect(classifyTwilioError(twilioError(status, code))).toEqual(expected);
  });

  it('network: refused before sending is transient, a cut or timed-out call is unknown (look before resending)', () => {
    expect(classifyTwilioError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toEqual({
      kind: 'transient',
      code: 'ECONNREFUSED',
    });
    expect(classifyTwilioError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toEqual({
      kind: 'unknown',
      code: 'ECONNRESET',
    });
    expect(classifyTwilioError(new Error('socket hang up'))).toEqual({
      kind: 'unknown',
      code: 'network_error',
    });
  });

  it('SendGrid: 4xx permanent, 429 and 5xx transient', () => {
    expect(classifySendGridError(sendGridError(400))).toEqual({
      kind: 'permanent',
      code: 'http_400',
      optedOut: false,
    });
    expect(classifySendGridError(sendGridError(401))).toEqual({
      kind: 'permanent',
      code: 'http_401',
      optedOut: false,
    });
    expect(classifySendGridError(sendGridError(429))).toEqual({ kind: 'transient', code: 'http_429' });
    expect(classifySendGridError(sendGridError(502))).toEqual({ kind: 'transient', code: 'http_502' });
  });

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
