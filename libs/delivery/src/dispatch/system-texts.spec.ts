import { describe, expect, it } from 'vitest';
import { SYSTEM_TEXTS, notificationName } from './system-texts.js';

const PRACTICE = 'Riverside Family Clinic';
const LINK = 'https://inbox.example/s/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';

/** Every template rendered with the only inputs it may have: the practice name and a link. */
function renderAll(practice: string): string[] {
  return Object.values(SYSTEM_TEXTS).flatMap((template) => {
    const out = (template as (p: string, second: never) => string | { subject: string; text: string })(
      practice,
      LINK as never,
    );
    return typeof out === 'string' ? [out] : [out.subject, out.text];
  });
}

// Invariant 3: what the system writes to patients on its own is fixed text, a practice name and a link.
describe('system texts', () => {
  it('take nothing but the practice name and a link (or a yes/no flag)', () => {
    for (const [name, template] of Object.entries(SYSTEM_TEXTS))
      expect(template.length, name).toBeLessThanOrEqual(2);
  });

  it('render without holes and carry the link where there is one', () => {
    for (const text of renderAll(PRACTICE)) {
      expect(text).not.toMatch(/undefined|null|\[object/);
      expect(text.startsWith(PRACTICE) || text.includes(PRACTICE)).toBe(true);
    }
    expect(SYSTEM_TEXTS.secureNoticeSms(PRACTICE, LINK)).toContain(LINK);
    expect(SYSTEM_TEXTS.consentRequestSms(PRACTICE, LINK)).toContain('Reply YES');
    expect(SYSTEM_TEXTS.secureNoticeEmail(PRACTICE, LINK).text).toContain(LINK);
    expect(SYSTEM_TEXTS.unsubscribeFooter(PRACTICE, LINK)).toContain(LINK);
  });

  it('answer HELP with the practice, a number to call and how to opt out (CTIA), in one segment', () => {
    const help = SYSTEM_TEXTS.help(PRACTICE, '+15555550100');
    expect(help).toBe(
      'Riverside Family Clinic: For help, call +15555550100 or reply here. Reply STOP to unsubscribe. ' +
        'Msg & data rates may apply.',
    );
    expect(help.length).toBeLessThanOrEqual(160);
  });

  it('send a portal code as the code alone, in one SMS segment', () => {
    const sms = SYSTEM_TEXTS.portalCodeSms(PRACTICE, '123456');
    expect(sms).toContain('123456');
    expect(sms.length).toBeLessThan(160);
    expect(SYSTEM_TEXTS.portalCodeEmail(PRACTICE, '123456').text).toContain('123456');
    const chat = SYSTEM_TEXTS.chatCodeSms(PRACTICE, '123456');
    expect(chat).toContain('123456');
    expect(chat).toContain('Do not share it');
    expect(chat.length).toBeLessThan(160);
    expect(SYSTEM_TEXTS.chatCodeEmail(PRACTICE, '123456').text).toContain('123456');
  });

  it('keep an SMS notice within one 160-character segment plus the link, and flatten the practice name', () => {
    expect(SYSTEM_TEXTS.secureNoticeSms(PRACTICE, '').length).toBeLessThan(160);
    expect(SYSTEM_TEXTS.secureReminderSms(PRACTICE, '').length).toBeLessThan(160);
    expect(SYSTEM_TEXTS.secureReminderSms(PRACTICE, LINK)).toContain(LINK);
    expect(SYSTEM_TEXTS.secureReminderEmail(PRACTICE, LINK).text).toContain(LINK);
    expect(notificationName('  Riverside\n Family   Clinic ')).toBe('Riverside Family Clinic');
    expect(notificationName('x'.repeat(100))).toHaveLength(60);
  });
});
