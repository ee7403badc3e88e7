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

describe('practice settings: secure message reminders (issue 22)', () => {
  it('default to 2 reminders 24 h apart, 8:00-21:00 in America/New_York', () => {
    expect(readPracticeSettings({})).toMatchObject({
      timeZone: 'America/New_York',
      secureReminderDelayHours: 24,
      secureReminderMax: 2,
      reminderWindowStartHour: 8,
      reminderWindowEndHour: 21,
    });
  });

  it('read stored values within bounds, and fall back on malformed ones', () => {
    expect(readPracticeSettings({ timeZone: 'Asia/Kolkata' }).timeZone).toBe('Asia/Kolkata');
    expect(readPracticeSettings({ timeZone: 'Nowhere/Else' }).timeZone).toBe('America/New_York');
    expect(readPracticeSettings({ secureReminderMax: 0 }).secureReminderMax).toBe(0);
    for (const bad of [-1, 6, 1.5, '2'])
      expect(readPracticeSettings({ secureReminderMax: bad }).secureReminderMax).toBe(2);
    for (const bad of [0, 169, 2.5])
      expect(readPracticeSettings({ secureReminderDelayHours: bad }).secureReminderDelayHours).toBe(24);
    expect(readPracticeSettings({ reminderWindowStartHour: 10, reminderWindowEndHour: 16 })).toMatchObject({
      reminderWindowStartHour: 10,
      reminderWindowEndHour: 16,
    });
    // A window that would widen 8-21, or close before it opens, is the default one.
    for (const [start, end] of [
      [7, 16],
      [10, 22],
      [16, 10],
    ])
      expect(
        readPracticeSettings({ reminderWindowStartHour: start, reminderWindowEndHour: end }),
      ).toMatchObject({
        reminderWindowStartHour: 8,
        reminderWindowEndHour: 21,
      });
  });

  it('accept an IANA time zone, bounded counts, and a narrowed window set as a pair', () => {
    const ok = practiceSettingsPatchSchema.safeParse({
      timeZone: 'America/Chicago',
      secureReminderDelayHours: 168,
      secureReminderMax: 0,
      reminderWindowStartHour: 9,
      reminderWindowEndHour: 17,
    });
    expect(ok.success).toBe(true);
    for (const bad of [
      { timeZone: 'Not/A_Zone' },
      { timeZone: 'America/Chicago; DROP' },
      { secureReminderDelayHours: 0 },
      { secureReminderMax: 6 },
      { reminderWindowStartHour: 7, reminderWindowEndHour: 17 },
      { reminderWindowStartHour: 9, reminderWindowEndHour: 22 },
      { reminderWindowStartHour: 17, reminderWindowEndHour: 9 },
      { reminderWindowEndHour: 17 },
    ])
      expect(practiceSettingsPatchSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
