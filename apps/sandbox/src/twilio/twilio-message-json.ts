import type { SentSms } from '../common/sent-messages.js';

export const API_VERSION = '2010-04-01';

/** Twilio's date format: RFC 2822 in UTC, e.g. "Thu, 24 Aug 2023 05:01:45 +0000" (the SDK parses exactly this). */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

export function messageUri(accountSid: string, sid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Messages/${sid}.json`;
}

/** The Message resource as Twilio's REST API returns it (snake_case, counts as strings). */
export function toTwilioMessageJson(message: SentSms): Record<string, unknown> {
  const base = `/${API_VERSION}/Accounts/${message.accountSid}/Messages/${message.id}`;
  return {
    account_sid: message.accountSid,
    api_version: API_VERSION,
    body: message.body,
    date_created: rfc2822(message.createdAt),
    date_sent: message.sentAt ? rfc2822(message.sentAt) : null,
    date_updated: rfc2822(message.updatedAt),
    direction: 'outbound-api',
    error_code: message.errorCode,
    error_message: message.errorMessage,
    from: message.from,
    messaging_service_sid: message.messagingServiceSid,
    num_media: String(message.mediaUrls.length),
    num_segments: String(message.numSegments),
    price: null,
    price_unit: 'USD',
    sid: message.id,
    status: message.status,
    subresource_uris: { media: `${base}/Media.json`, feedback: `${base}/Feedback.json` },
    to: message.to,
    uri: messageUri(message.accountSid, message.id),
  };
}
