import { describe, expect, it } from 'vitest';
import { SmsKeywordHook } from './sms-keyword.hook.js';

// Which texts the webhook must handle before answering Twilio (the rest the worker stores later).
describe('SmsKeywordHook.beforeAck', () => {
  // beforeAck is pure: it never touches the services the hook uses when it runs.
  const hook = new SmsKeywordHook(
    ...([null, null, null, null, null] as unknown as ConstructorParameters<typeof SmsKeywordHook>),
  );
  const claims = (body: string, optOutType: string | null = null) => hook.beforeAck({ body, optOutType });

  it('claims exact carrier keywords and consent answers, in any case and spacing', () => {
    for (const body of ['STOP', ' stop ', 'Unsubscribe', 'START', 'unstop', 'HELP', 'info', 'yes', 'No'])
      expect(claims(body), body).toBe(true);
  });

  it('claims whatever Twilio Advanced Opt-Out classified', () => {
    expect(claims('arret', 'STOP')).toBe(true);
    expect(claims('', 'START')).toBe(true);
  });

  it('leaves ordinary texts, and texts that merely look like an opt-out, to the worker', () => {
    for (const body of ['Hello', 'please stop texting me', 'stop the medication?', 'yes please', ''])
      expect(claims(body), body).toBe(false);
  });
});
