/**
 * Recipient addresses with scripted outcomes, so bounce and drop handling can be tested.
 * Matched on the local part: `bounce@x.test`, `bounce+anything@x.test`, `dropped@...`.
 * Every other address is processed and delivered.
 */
export type EmailOutcome = 'delivered' | 'bounce' | 'dropped';

export const MAGIC_RECIPIENT_OUTCOMES: ReadonlyArray<{
  localPart: string;
  outcome: EmailOutcome;
  events: string;
}> = [
  { localPart: 'bounce', outcome: 'bounce', events: 'processed, then bounce (5.1.1, Invalid Address)' },
  { localPart: 'dropped', outcome: 'dropped', events: 'dropped only (reason "Bounced Address")' },
];

export function outcomeFor(email: string): EmailOutcome {
  const localPart = email.split('@')[0]?.toLowerCase().split('+')[0] ?? '';
  return MAGIC_RECIPIENT_OUTCOMES.find((m) => m.localPart === localPart)?.outcome ?? 'delivered';
}
