import twilio from 'twilio';

/** The answer to nearly every inbound text, built once (the SDK builds an XML document each time). */
export const EMPTY_TWIML = new twilio.twiml.MessagingResponse().toString();

/** A TwiML answer: empty (`<Response/>`) or one reply message, built by the SDK (escaping included). */
export function twimlResponse(reply: string | null): string {
  if (!reply) return EMPTY_TWIML;
  const response = new twilio.twiml.MessagingResponse();
  response.message(reply);
  return response.toString();
}
