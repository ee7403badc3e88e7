import { describe, expect, it } from 'vitest';
import { classifySendGridError } from './sendgrid-errors.js';

/** As @sendgrid/mail's ResponseError: the HTTP status as `code`, with a response. */
const sendGridError = (code: number) => Object.assign(new Error('x'), { code, response: { body: {} } });

describe('provider error classification', () => {
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
});
