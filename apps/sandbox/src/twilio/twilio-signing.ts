import { randomUUID } from 'node:crypto';
import twilio from 'twilio';

export interface SignedForm {
  headers: Record<string, string>;
  body: string;
}

/**
 * A form-encoded POST as Twilio sends webhooks: `X-Twilio-Signature` is the SDK's own
 * HMAC-SHA1 over the URL and sorted parameters, so receivers can check it with `validateRequest`.
 */
export function signedTwilioForm(url: string, params: Record<string, string>, authToken: string): SignedForm {
  return {
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': twilio.getExpectedTwilioSignature(authToken, url, params),
      'I-Twilio-Idempotency-Token': randomUUID(),
      'User-Agent': 'TwilioProxy/1.1',
    },
    body: new URLSearchParams(params).toString(),
  };
}
