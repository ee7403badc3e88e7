export {
  createTwilioClient,
  RebasingTwilioRequestClient,
  type TwilioClient,
  type TwilioClientOptions,
} from './twilio-client.factory.js';
export { classifyTwilioError } from './twilio-errors.js';
export {
  MAX_INBOUND_BODY_CHARS,
  MAX_MEDIA,
  parseTwilioInbound,
  parseTwilioStatusCallback,
  twilioInboundFields,
  twilioStatusFields,
  type TwilioInboundMessage,
  type TwilioStatusCallback,
} from './twilio-payloads.js';
export {
  hasValidTwilioSignature,
  readTwilioSignature,
  type TwilioSignedRequest,
} from './twilio-signature.js';
export { TwilioSmsSender, type TwilioSmsRequest } from './twilio-sms-sender.js';
export { fromTwilioStatus } from './twilio-status.js';
export { EMPTY_TWIML, twimlResponse } from './twiml.js';
export { countSmsSegments } from './sms-segments.js';
