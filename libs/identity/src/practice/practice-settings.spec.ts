import { describe, expect, it } from 'vitest';
import { practiceSettingsPatchSchema, readPracticeSettings } from './practice-settings.js';

describe('practice settings: messaging keys (issue 22)', () => {
  it('default the reopen window to 7 days and the HELP answer to the built-in one', () => {
    expect(readPracticeSettings({})).toMatchObject({
      conversationReopenDays: 7,
      smsHelpReply: null,
      smsHelpContactNumber: null,
    });
  });

  it('read stored values within bounds, and fall back on malformed ones', () => {
    expect(readPracticeSettings({ conversationReopenDays: 0 }).conversationReopenDays).toBe(0);
    expect(readPracticeSettings({ conversationReopenDays: 365 }).conversationReopenDays).toBe(365);
    for (const bad of [-1, 366, 1.5, '3', null])
      expect(readPracticeSettings({ conversationReopenDays: bad }).conversationReopenDays).toBe(7);
    expect(readPracticeSettings({ smsHelpContactNumber: '555-0199' }).smsHelpContactNumber).toBeNull();
    expect(readPracticeSettings({ smsHelpContactNumber: '+15555550199' }).smsHelpContactNumber).toBe(
      '+15555550199',
    );
  });

  it('accept a HELP answer only when it says how to opt out, within two SMS segments', () => {
    const ok = practiceSettingsPatchSchema.safeParse({
      smsHelpReply: ' Call 555-0199. Reply STOP to opt out. ',
    });
    expect(ok.success && ok.data.smsHelpReply).toBe('Call 555-0199. Reply STOP to opt out.');
    expect(practiceSettingsPatchSchema.safeParse({ smsHelpReply: 'Call us' }).success).toBe(false);
    expect(practiceSettingsPatchSchema.safeParse({ smsHelpReply: 'unSTOPpable' }).success).toBe(false);
    expect(practiceSettingsPatchSchema.safeParse({ smsHelpReply: `STOP ${'x'.repeat(302)}` }).success).toBe(
      false,
    );
    expect(practiceSettingsPatchSchema.safeParse({ smsHelpReply: null }).success).toBe(true);
  });

  it('accept a contact number in E.164 only, and a reopen window of 0-365 whole days', () => {
    expect(practiceSettingsPatchSchema.safeParse({ smsHelpContactNumber: '+15555550199' }).success).toBe(
      true,
    );
    expect(practiceSettingsPatchSchema.safeParse({ smsHelpContactNumber: '15555550199' }).success).toBe(
      false,
    );
    expect(practiceSettingsPatchSchema.safeParse({ conversationReopenDays: 0 }).success).toBe(true);
    for (const bad of [-1, 366, 2.5])
      expect(practiceSettingsPatchSchema.safeParse({ conversationReopenDays: bad }).success).toBe(false);
  });
});
