/**
 * What an inbound SMS means for consent and opt-out. Carrier rules (CTIA, Twilio Advanced
 * Opt-Out) act on the WHOLE message being a keyword, case- and whitespace-insensitive; anything
 * else is an ordinary message. Messages that merely look like an opt-out ("please stop texting
 * me") are flagged for staff instead of being applied: applying them could silence a patient
 * who wrote "stop the medication?".
 */
export type SmsKeyword =
  | { kind: 'opt_out'; keyword: string }
  | { kind: 'opt_in'; keyword: string }
  | { kind: 'help'; keyword: string }
  | { kind: 'consent_yes' }
  | { kind: 'consent_no' }
  | { kind: 'likely_opt_out' }
  | { kind: 'none' };

const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN = new Set(['START', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);

/** Phrases that suggest an opt-out without being a keyword. Deliberately narrow. */
const LIKELY_OPT_OUT = [
  /\bstop\b/i,
  /\bunsubscribe\b/i,
  /\bopt[\s-]*out\b/i,
  /\b(don'?t|do not|no more|quit|stop)\s+(text|texting|message|messaging|contact|contacting)/i,
  /\bremove me\b/i,
  /\btake me off\b/i,
];

/** Twilio's Advanced Opt-Out adds `OptOutType` (STOP | START | HELP) when it recognised a keyword. */
export type TwilioOptOutType = 'STOP' | 'START' | 'HELP';

export function parseSmsKeyword(body: string, optOutType?: string | null): SmsKeyword {
  // Twilio's own classification wins: it also knows the practice's custom keywords.
  const twilioType = optOutType?.trim().toUpperCase();
  const word = body.normalize('NFKC').trim().replace(/\s+/g, ' ').toUpperCase();
  if (twilioType === 'STOP') return { kind: 'opt_out', keyword: word || 'STOP' };
  if (twilioType === 'START') return { kind: 'opt_in', keyword: word || 'START' };
  if (twilioType === 'HELP') return { kind: 'help', keyword: word || 'HELP' };

  if (OPT_OUT.has(word)) return { kind: 'opt_out', keyword: word };
  if (OPT_IN.has(word)) return { kind: 'opt_in', keyword: word };
  if (HELP.has(word)) return { kind: 'help', keyword: word };
  if (word === 'YES') return { kind: 'consent_yes' };
  if (word === 'NO') return { kind: 'consent_no' };
  if (LIKELY_OPT_OUT.some((pattern) => pattern.test(word))) return { kind: 'likely_opt_out' };
  return { kind: 'none' };
}
