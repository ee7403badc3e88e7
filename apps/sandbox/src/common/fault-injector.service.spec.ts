import { describe, expect, it } from 'vitest';
import { FaultInjector } from './fault-injector.service.js';

describe('FaultInjector', () => {
  it('fails exactly `times` matching sends, then lets them through', () => {
    const faults = new FaultInjector();
    faults.add({ provider: 'twilio', to: '+15551230000', status: 503, times: 2 });

    expect(faults.take('sendgrid', ['+15551230000'])).toBeNull();
    expect(faults.take('twilio', ['+15559999999'])).toBeNull();
    expect(faults.take('twilio', ['+15551230000'])?.status).toBe(503);
    expect(faults.take('twilio', ['+15551230000'])?.remaining).toBe(0);
    expect(faults.take('twilio', ['+15551230000'])).toBeNull();
    expect(faults.list()).toEqual([]);
  });

  it('matches any recipient, ignoring case, when the fault names one', () => {
    const faults = new FaultInjector();
    faults.add({ provider: 'sendgrid', to: 'Flaky@Example.test', status: 429, times: 1 });
    expect(faults.take('sendgrid', ['ok@example.test', 'flaky@example.test'])?.status).toBe(429);
  });
});
