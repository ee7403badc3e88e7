import type { INestApplication } from '@nestjs/common';
import { AUTH_CLOCK, type Clock } from '@app/identity';

export interface TestClock {
  now(): number;
  /** Moves the api's identity clock forward (lockout windows, idle logoff, TOTP steps). */
  advance(ms: number): void;
}

const controlled = new WeakMap<INestApplication, TestClock>();

/**
 * Takes over the clock the api's identity code reads (the same instance every service holds),
 * so a test can skip a 15-minute window instead of sleeping through it. JWT expiry and Redis
 * TTLs keep real time, which is what a test of these windows wants.
 */
export function controlAuthClock(app: INestApplication): TestClock {
  const existing = controlled.get(app);
  if (existing) return existing;
  const clock = app.get<Clock>(AUTH_CLOCK, { strict: false });
  const real = clock.now.bind(clock);
  let offset = 0;
  clock.now = () => real() + offset;
  const control: TestClock = {
    now: () => clock.now(),
    advance: (ms) => {
      offset += ms;
    },
  };
  controlled.set(app, control);
  return control;
}
