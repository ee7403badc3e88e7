/**
 * Recipient addresses with scripted outcomes, so bounce and drop handling can be tested.
 * Matched on the local part: `bounce@x.test`, `bounce+anything@x.test`, `dropped@...`.
 * Every other address is processed and delivered.
 *
 * Recipients at `notls.test` (or any subdomain of it) stand for mail servers that cannot
 * negotiate TLS: an account with Enforced TLS gets SendGrid's block event for them and nothing is
 * delivered; without Enforced TLS they are delivered unencrypted (`tls: 0`).
 */
export type EmailOutcome = 'delivered' | 'bounce' | 'dropped' | 'blocked';

export const MAGIC_RECIPIENT_OUTCOMES: ReadonlyArray<{
  localPart: string;
  outcome: EmailOutcome;
  events: string;
}> = [
  { localPart: 'bounce', outcome: 'bounce', events: 'processed, then bounce (5.1.1, Invalid Address)' },
  { localPart: 'dropped', outcome: 'dropped', events: 'dropped only (reason "Bounced Address")' },
];

/** The domain whose servers take no TLS, as SendGrid's Enforced TLS would find them. */
export const NO_TLS_DOMAIN = 'notls.test';

/** What SendGrid says when Enforced TLS drops a message (the block event's reason). */
export const TLS_REQUIRED_REASON = 'TLS required but not supported';

export function takesTls(email: string): boolean {
  const domain = email.split('@').at(-1)?.toLowerCase() ?? '';
  return domain !== NO_TLS_DOMAIN && !domain.endsWith(`.${NO_TLS_DOMAIN}`);
}

/** `tlsRequired`: the sending account's Enforced TLS was on when the message was sent. */
export function outcomeFor(email: string, tlsRequired = false): EmailOutcome {
  if (tlsRequired && !takesTls(email)) return 'blocked';
  const localPart = email.split('@')[0]?.toLowerCase().split('+')[0] ?? '';
  return MAGIC_RECIPIENT_OUTCOMES.find((m) => m.localPart === localPart)?.outcome ?? 'delivered';
}
