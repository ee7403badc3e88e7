import { z } from 'zod';

/**
 * What `/v1/channels` answers, one schema per channel type: the admin views' types are these
 * schemas' outputs, so a renamed or added field breaks the build until the document says so.
 * Settings and webhook URLs only: a secret goes in and never comes back out (except a URL secret
 * in the one answer that issues it).
 */

const EXAMPLE_ID = '3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a';
const EXAMPLE_BASE = `https://inbox.example-clinic.com`;

const id = z.uuid();
const name = z.string().meta({ example: 'Front desk' });
const timestamp = z.iso.datetime();

export const smsChannelViewSchema = z
  .object({
    id,
    type: z.literal('sms'),
    name,
    phoneNumber: z.string().meta({ description: 'E.164', example: '+15555550100' }),
    twilioAccountSid: z.string().meta({ example: 'AC0123456789abcdef0123456789abcdef' }),
    messagingServiceSid: z.string().nullable(),
    sendRatePerSecond: z.number().meta({ description: 'Messages per second this number may send' }),
    createdAt: timestamp,
    updatedAt: timestamp,
    webhooks: z
      .object({ inbound: z.url(), status: z.url() })
      .meta({ description: 'Absolute URLs to configure at Twilio (under PUBLIC_BASE_URL)' }),
  })
  .meta({ description: 'An SMS (Twilio) channel; the auth token is never shown' });

export const eventsAuthModeSchema = z.enum(['signature', 'url_secret', 'none']).meta({
  description:
    'How Event Webhook posts are authenticated: SendGrid’s signature, the secret in the events URL, ' +
    'or `none` (a channel from before; its events are refused until PATCH sets one)',
});

export const emailChannelViewSchema = z
  .object({
    id,
    type: z.literal('email'),
    name,
    inboundAddress: z.string().meta({ example: 'inbox@mail.example-clinic.com' }),
    fromAddress: z.string().meta({ example: 'frontdesk@example-clinic.com' }),
    fromName: z.string().nullable(),
    eventsSigned: z.boolean().meta({ description: 'The channel has SendGrid’s Event Webhook public key' }),
    eventsAuth: eventsAuthModeSchema,
    createdAt: timestamp,
    updatedAt: timestamp,
    webhooks: z
      .object({
        // Not `format: uri`: outside the answer that issues a secret, the URL shows `{secret}`.
        inboundParse: z.string().meta({
          description:
            'Inbound Parse URL; carries the secret only in the answer that issues it, `{secret}` otherwise',
          example: `${EXAMPLE_BASE}/webhooks/sendgrid/${EXAMPLE_ID}/inbound/{secret}`,
        }),
        events: z.string().meta({
          description:
            'Event Webhook URL: the plain (signed) URL when the channel has SendGrid’s key, else one ' +
            'carrying the events secret (shown once when issued, `{secret}` otherwise)',
          example: `${EXAMPLE_BASE}/webhooks/sendgrid/${EXAMPLE_ID}/events`,
        }),
      })
      .meta({ description: 'Absolute URLs to configure at SendGrid' }),
  })
  .meta({ description: 'An email (SendGrid) channel; the API key is never shown' });

const publicChannelFields = {
  id,
  name,
  allowedOrigins: z
    .array(z.string())
    .meta({ description: 'Website origins allowed to use it', example: ['https://www.example-clinic.com'] }),
  createdAt: timestamp,
  updatedAt: timestamp,
};

export const webformChannelViewSchema = z
  .object({
    ...publicChannelFields,
    type: z.literal('webform'),
    formKey: z.string().meta({ description: 'Public key of the form (in its submit URL)' }),
    submitUrl: z.url().meta({ description: 'Absolute URL the practice’s form posts JSON to' }),
  })
  .meta({ description: 'A web form of the practice’s website' });

export const chatChannelViewSchema = z
  .object({
    ...publicChannelFields,
    type: z.literal('chat'),
    widgetKey: z.string().meta({ description: 'Public key of the widget (`data-widget-key`)' }),
    widgetScriptUrl: z.url().meta({ description: 'Absolute URL of the script to embed' }),
  })
  .meta({ description: 'A website chat widget' });

export const channelViewSchema = z.discriminatedUnion('type', [
  smsChannelViewSchema,
  emailChannelViewSchema,
  webformChannelViewSchema,
  chatChannelViewSchema,
]);

export const channelListSchema = z.object({ data: z.array(channelViewSchema) });

export type SmsChannelView = z.output<typeof smsChannelViewSchema>;
export type EmailChannelView = z.output<typeof emailChannelViewSchema>;
export type WebformChannelView = z.output<typeof webformChannelViewSchema>;
export type ChatChannelView = z.output<typeof chatChannelViewSchema>;
export type PublicChannelView = WebformChannelView | ChatChannelView;
export type ChannelView = z.output<typeof channelViewSchema>;

/** An example SMS channel as created (shown in the document). */
export const SMS_CHANNEL_EXAMPLE: SmsChannelView = {
  id: EXAMPLE_ID,
  type: 'sms',
  name: 'Front desk',
  phoneNumber: '+15555550100',
  twilioAccountSid: 'AC0123456789abcdef0123456789abcdef',
  messagingServiceSid: null,
  sendRatePerSecond: 1,
  createdAt: '2026-01-05T14:03:00.000Z',
  updatedAt: '2026-01-05T14:03:00.000Z',
  webhooks: {
    inbound: `${EXAMPLE_BASE}/webhooks/twilio/${EXAMPLE_ID}/inbound`,
    status: `${EXAMPLE_BASE}/webhooks/twilio/${EXAMPLE_ID}/status`,
  },
};
