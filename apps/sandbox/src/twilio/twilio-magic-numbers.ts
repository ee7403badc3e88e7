import type { TwilioMessageStatus } from '../common/sent-messages.js';
import { TwilioApiError } from './twilio-api-error.js';

/**
 * Phone numbers with scripted behaviour, modelled on Twilio's test-credential magic numbers,
 * so the callers' failure handling can be exercised against the sandbox. Any other valid
 * E.164 number is accepted and delivered.
 */

interface Rejection {
  code: number;
  message: (number: string) => string;
}

/** `To` numbers that `Messages.json` rejects with HTTP 400 and this Twilio error code. */
export const REJECTED_TO_NUMBERS: Readonly<Record<string, Rejection>> = {
  '+15005550001': { code: 21211, message: (to) => `The 'To' number ${to} is not a valid phone number.` },
  '+15005550002': { code: 21614, message: (to) => `'To' number ${to} is not a valid mobile number` },
  '+15005550003': { code: 21635, message: (to) => `'To' number ${to} cannot be a landline.` },
  '+15005550009': { code: 21610, message: () => 'Attempt to send to unsubscribed recipient' },
};

/** `From` numbers that `Messages.json` rejects with HTTP 400 and this Twilio error code. */
export const REJECTED_FROM_NUMBERS: Readonly<Record<string, Rejection>> = {
  '+15005550001': {
    code: 21212,
    message: (from) =>
      `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric sender ID.`,
  },
  '+15005550007': {
    code: 21606,
    message: (from) => `The 'From' phone number ${from} is not a valid, SMS-capable inbound phone number.`,
  },
  '+15005550008': {
    code: 21611,
    message: () => "This 'From' number has exceeded the maximum number of queued messages.",
  },
};

export interface DeliveryStep {
  status: TwilioMessageStatus;
  errorCode?: number;
  errorMessage?: string;
}

/** `To` numbers that are accepted (201) but whose delivery ends badly, seen in status callbacks. */
export const FAILING_DELIVERY_NUMBERS: Readonly<Record<string, readonly DeliveryStep[]>> = {
  '+15005550010': [
    { status: 'sent' },
    { status: 'undelivered', errorCode: 30003, errorMessage: 'Unreachable destination handset' },
  ],
  '+15005550011': [{ status: 'failed', errorCode: 30008, errorMessage: 'Unknown error' }],
};

const NORMAL_DELIVERY: readonly DeliveryStep[] = [{ status: 'sent' }, { status: 'delivered' }];

/** The number Twilio would pick from a Messaging Service's sender pool (Twilio's always-valid test number). */
export const MESSAGING_SERVICE_SENDER = '+15005550006';

export function deliveryStepsFor(to: string): readonly DeliveryStep[] {
  return FAILING_DELIVERY_NUMBERS[to] ?? NORMAL_DELIVERY;
}

export function rejectionForTo(to: string): TwilioApiError | null {
  const rejection = REJECTED_TO_NUMBERS[to];
  return rejection ? new TwilioApiError(400, rejection.code, rejection.message(to)) : null;
}

export function rejectionForFrom(from: string): TwilioApiError | null {
  const rejection = REJECTED_FROM_NUMBERS[from];
  return rejection ? new TwilioApiError(400, rejection.code, rejection.message(from)) : null;
}
