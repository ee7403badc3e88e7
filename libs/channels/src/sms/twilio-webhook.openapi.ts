import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiParam } from '@nestjs/swagger';
import { ApiErrors, jsonSchemaOf } from '@app/observability';
import { MAX_MEDIA, twilioInboundFields, twilioStatusFields } from '@app/providers';

/**
 * The request side of Twilio's webhooks in the OpenAPI document: a form-encoded UTF-8 body (the
 * fields we read, from the same zod schemas that parse them; Twilio's other fields are signed
 * and ignored) signed by X-Twilio-Signature with the channel's auth token.
 */

const MEDIA_FIELDS = {
  '^MediaUrl[0-9]$': { type: 'string', description: 'The http(s) URL of medium N (N below NumMedia)' },
  '^MediaContentType[0-9]$': { type: 'string', description: 'The media type of medium N' },
};

const inboundForm = {
  ...jsonSchemaOf(twilioInboundFields, 'input'),
  patternProperties: MEDIA_FIELDS,
  description:
    `An inbound SMS/MMS as Twilio posts it (up to ${MAX_MEDIA} media), UTF-8, each field once; ` +
    'other fields are ignored',
};

/** Older callbacks carry `SmsStatus` only; `MessageStatus` wins when both are there. */
const statusForm = (() => {
  const schema = jsonSchemaOf(twilioStatusFields, 'input') as {
    properties: Record<string, unknown>;
    required?: string[];
  };
  return {
    ...schema,
    properties: { ...schema.properties, SmsStatus: schema.properties.MessageStatus },
    required: ['MessageSid'],
    anyOf: [{ required: ['MessageStatus'] }, { required: ['SmsStatus'] }],
    description:
      'A message status callback as Twilio posts it, UTF-8, each field once; other fields are ignored',
  };
})();

/** What both webhooks take and may refuse with (the body errors are added with the request body). */
function TwilioWebhook(form: Record<string, unknown>): MethodDecorator {
  return applyDecorators(
    ApiParam({
      name: 'channelId',
      description: 'The SMS channel (its webhook URLs are in the channel’s admin view)',
      schema: { type: 'string', format: 'uuid' },
    }),
    ApiHeader({
      name: 'X-Twilio-Signature',
      required: true,
      description:
        'Twilio’s HMAC-SHA1 signature (base64) of the webhook URL and the sorted form fields, keyed with the ' +
        'channel’s auth token. Missing or wrong: 403 invalid_signature, nothing stored',
      schema: { type: 'string', maxLength: 256 },
    }),
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiBody({ schema: form as never }),
    ApiErrors({
      400: ['validation_failed'],
      403: ['invalid_signature'],
      404: ['not_found'],
      415: ['unsupported_media_type'],
    }),
  );
}

export const TwilioInboundWebhook = () => TwilioWebhook(inboundForm);
export const TwilioStatusWebhook = () => TwilioWebhook(statusForm);
