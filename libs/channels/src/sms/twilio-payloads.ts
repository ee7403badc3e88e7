import {
  type ParseResult,
  type TwilioInboundMessage,
  type TwilioStatusCallback,
  parseTwilioInbound,
  parseTwilioStatusCallback,
} from '@app/providers';
import { ChannelsError } from '../channels.errors.js';

/** Twilio's webhooks read by @app/providers; a payload it refuses is a 400 naming the fields. */
export type InboundSmsPayload = TwilioInboundMessage;

export function parseInboundSms(params: Record<string, string>): InboundSmsPayload {
  return valueOrThrow(parseTwilioInbound(params));
}

export function parseStatusCallback(params: Record<string, string>): TwilioStatusCallback {
  return valueOrThrow(parseTwilioStatusCallback(params));
}

function valueOrThrow<T>(result: ParseResult<T>): T {
  if (!result.ok) throw ChannelsError.validation(result.problems);
  return result.value;
}
