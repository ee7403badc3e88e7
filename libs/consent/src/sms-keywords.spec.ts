import { describe, expect, it } from 'vitest';
import { parseSmsKeyword } from './sms-keywords.js';

describe('parseSmsKeyword', () => {
  it.each([
    ['STOP', 'opt_out'],
    ['Stop', 'opt_out'],
    [' stop ', 'opt_out'],
    ['stop\n', 'opt_out'],
    ['STOPALL', 'opt_out'],
    ['unsubscribe', 'opt_out'],
    ['Cancel', 'opt_out'],
    ['END', 'opt_out'],
    ['quit', 'opt_out'],
    ['REVOKE', 'opt_out'],
    ['optout', 'opt_out'],
    ['ＳＴＯＰ', 'opt_out'], // full-width letters, NFKC-normalized
    ['START', 'opt_in'],
    ['unstop', 'opt_in'],
    ['HELP', 'help'],
    ['info', 'help'],
    ['YES', 'consent_yes'],
    [' yes ', 'consent_yes'],
    ['No', 'consent_no'],
    ['STOP please', 'likely_opt_out'],
    ['please stop texting me', 'likely_opt_out'],
    ['OPT OUT', 'likely_opt_out'],
    ['opt-out', 'likely_opt_out'],
    ['do not text me again', 'likely_opt_out'],
    ['remove me from this list', 'likely_opt_out'],
    ['Should I stop the medication?', 'likely_opt_out'],
    ['yes please', 'none'],
    ['Y', 'none'],
    ['What time is my appointment?', 'none'],
    ['', 'none'],
    ['STOPPED at the pharmacy', 'none'],
    ['HELPFUL', 'none'],
  ])('%j -> %s', (body, kind) => {
    expect(parseSmsKeyword(body).kind).toBe(kind);
  });

  it('keeps the keyword that was sent', () => {
    expect(parseSmsKeyword(' unsubscribe ')).toEqual({ kind: 'opt_out', keyword: 'UNSUBSCRIBE' });
  });

  it("honours Twilio's OptOutType even for a custom keyword", () => {
    expect(parseSmsKeyword('ARRET', 'STOP')).toEqual({ kind: 'opt_out', keyword: 'ARRET' });
    expect(parseSmsKeyword('go', 'start').kind).toBe('opt_in');
    expect(parseSmsKeyword('aide', 'HELP').kind).toBe('help');
    expect(parseSmsKeyword('hello', 'SOMETHING_ELSE').kind).toBe('none');
  });
});
