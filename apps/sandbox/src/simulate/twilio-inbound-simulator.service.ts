import { Injectable } from '@nestjs/common';
import { twilioSid } from '../common/ids.js';
import { type WebhookAnswer, WebhookSender } from '../common/webhook-sender.service.js';
import { countSmsSegments } from '@app/providers';
import { API_VERSION } from '../twilio/twilio-message-json.js';
import { signedTwilioForm } from '../twilio/twilio-signing.js';
import { MediaStore, PLACEHOLDER_PNG } from './media-store.service.js';
import type { TwilioInboundInput } from './simulation-schemas.js';

/** The account used when a simulation names none. */
export const DEFAULT_ACCOUNT_SID = `AC${'0'.repeat(32)}`;

const CONTENT_TYPES_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  vcf: 'text/vcard',
};

export interface InboundSmsResult extends WebhookAnswer {
  messageSid: string;
  /** Exactly what was posted (and signed), so tests can compare. */
  params: Record<string, string>;
}

interface MediaItem {
  url: string;
  contentType: string;
}

/** Posts an incoming SMS/MMS webhook exactly as Twilio would, signed with the given auth token. */
@Injectable()
export class TwilioInboundSimulator {
  constructor(
    private readonly webhooks: WebhookSender,
    private readonly mediaStore: MediaStore,
  ) {}

  async send(input: TwilioInboundInput, sandboxOrigin: string): Promise<InboundSmsResult> {
    const accountSid = input.accountSid ?? DEFAULT_ACCOUNT_SID;
    const media = this.collectMedia(input, accountSid, sandboxOrigin);
    const messageSid = input.messageSid ?? twilioSid(media.length > 0 ? 'MM' : 'SM');
    const params = inboundParams(input, accountSid, messageSid, media);
    const answer = await this.webhooks.sendOnce({
      label: `twilio inbound ${messageSid}`,
      url: input.webhookUrl,
      ...signedTwilioForm(input.webhookUrl, params, input.authToken),
    });
    return { ...answer, messageSid, params };
  }

  private collectMedia(input: TwilioInboundInput, accountSid: string, origin: string): MediaItem[] {
    const host = (contentType: string, content: Buffer): MediaItem => {
      const stored = this.mediaStore.add({ contentType, content, accountSid, authToken: input.authToken });
      return { url: `${origin}/sandbox/media/${stored.id}`, contentType };
    };
    return [
      ...input.mediaUrls.map((url, i) => ({
        url,
        contentType: input.mediaContentTypes[i] ?? guessContentType(url),
      })),
      ...input.media.map((m) => host(m.contentType, Buffer.from(m.contentBase64, 'base64'))),
      ...Array.from({ length: input.numMedia }, () => host('image/png', PLACEHOLDER_PNG)),
    ];
  }
}

function guessContentType(url: string): string {
  const extension = new URL(url).pathname.split('.').pop()?.toLowerCase() ?? '';
  return CONTENT_TYPES_BY_EXTENSION[extension] ?? 'image/jpeg';
}

/** Twilio fills in geography for North American numbers; the sandbox only knows the country. */
function countryOf(number: string): string {
  return number.startsWith('+1') ? 'US' : '';
}

/** Twilio's incoming-message fields (geography is only filled in for North American numbers). */
function inboundParams(
  input: TwilioInboundInput,
  accountSid: string,
  messageSid: string,
  media: MediaItem[],
): Record<string, string> {
  const params: Record<string, string> = {
    ToCountry: countryOf(input.to),
    ToState: '',
    SmsMessageSid: messageSid,
    NumMedia: String(media.length),
    ToCity: '',
    FromZip: '',
    SmsSid: messageSid,
    FromState: '',
    SmsStatus: 'received',
    FromCity: '',
    Body: input.body,
    FromCountry: countryOf(input.from),
    To: input.to,
    ToZip: '',
    NumSegments: String(countSmsSegments(input.body)),
    MessageSid: messageSid,
    AccountSid: accountSid,
    From: input.from,
    ApiVersion: API_VERSION,
  };
  if (input.messagingServiceSid) params.MessagingServiceSid = input.messagingServiceSid;
  media.forEach((item, index) => {
    params[`MediaUrl${index}`] = item.url;
    params[`MediaContentType${index}`] = item.contentType;
  });
  return params;
}
