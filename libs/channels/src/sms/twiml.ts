import twilio from 'twilio';

/** A TwiML answer: empty (`<Response/>`) or one reply message, built by the SDK (escaping included). */
export function twimlResponse(reply: string | null): string {
  const response = new twilio.twiml.MessagingResponse();
  if (reply) response.message(reply);
  return response.toString();
}
