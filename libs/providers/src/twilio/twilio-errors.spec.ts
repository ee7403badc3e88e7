import { describe, expect, it } from 'vitest';
import { classifyTwilioError } from './twilio-errors.js';

/** As twilio-node's RestException: HTTP status and Twilio's numeric code. */
const twilioError = (status: number, code: number) => Object.assign(new Error('x'), { status, code });

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
});
