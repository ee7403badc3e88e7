import { rejectionForFrom, rejectionForTo } from './twilio-magic-numbers.js';
import { twilioErrors } from './twilio-api-error.js';

/** The fields of `POST Messages.json` the sandbox acts on (others are accepted and ignored). */
export interface CreateMessageRequest {
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  mediaUrls: string[];
  statusCallback: string | null;
}

export type TwilioForm = Record<string, unknown>;

const E164 = /^\+[1-9]\d{1,14}$/;
const CHANNEL_ADDRESS = /^(whatsapp|messenger|rcs):.+$/;
const SHORT_CODE = /^\d{5,6}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
const MAX_BODY_LENGTH = 1600;
const MAX_MEDIA = 10;

/** A single-valued form field (the first, if it was repeated); empty counts as absent, as at Twilio. */
export function formString(form: TwilioForm, name: string): string | null {
  const raw = form[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function formStrings(form: TwilioForm, name: string): string[] {
  const raw = form[name];
  const values = Array.isArray(raw) ? raw : [raw];
  return values.filter((v): v is string => typeof v === 'string' && v.length > 0);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Validates a create-message form in Twilio's order and with Twilio's error codes; throws TwilioApiError. */
export function parseCreateMessageForm(form: TwilioForm): CreateMessageRequest {
  const to = formString(form, 'To');
  const from = formString(form, 'From');
  const messagingServiceSid = formString(form, 'MessagingServiceSid');
  const body = formString(form, 'Body') ?? '';
  const mediaUrls = formStrings(form, 'MediaUrl');
  const statusCallback = formString(form, 'StatusCallback');

  if (!to) throw twilioErrors.missingTo();
  if (!from && !messagingServiceSid) throw twilioErrors.missingFrom();
  if (!body && mediaUrls.length === 0) throw twilioErrors.missingBody();

  if (!E164.test(to) && !CHANNEL_ADDRESS.test(to)) throw twilioErrors.invalidTo(to);
  const toRejection = rejectionForTo(to);
  if (toRejection) throw toRejection;

  if (from) {
    const validFrom =
      E164.test(from) ||
      CHANNEL_ADDRESS.test(from) ||
      SHORT_CODE.test(from) ||
      ALPHANUMERIC_SENDER.test(from);
    if (!validFrom) throw twilioErrors.invalidFrom(from);
    const fromRejection = rejectionForFrom(from);
    if (fromRejection) throw fromRejection;
  }
  if (messagingServiceSid && !MESSAGING_SERVICE_SID.test(messagingServiceSid)) {
    throw twilioErrors.invalidMessagingService(messagingServiceSid);
  }

  if (body.length > MAX_BODY_LENGTH) throw twilioErrors.bodyTooLong();
  if (mediaUrls.length > MAX_MEDIA) throw twilioErrors.tooManyMedia();
  const badMedia = mediaUrls.find((url) => !isHttpUrl(url));
  if (badMedia) throw twilioErrors.invalidMediaUrl(badMedia);
  if (statusCallback && !isHttpUrl(statusCallback)) throw twilioErrors.invalidStatusCallback(statusCallback);

  return { to, from, messagingServiceSid, body, mediaUrls, statusCallback };
}
