import { Module } from '@nestjs/common';

/**
 * The instant automation decides on (business hours for routing and auto-replies, the throttle): by default the moment the
 * inbound message was stored. Tests replace `now` on the provided instance (as `AUTH_CLOCK`'s
 * tests do) to say "it is 22:00 in New York".
 */
export interface AutomationClock {
  /** The instant to decide at, for a message the database stored at `receivedAt`. */
  now(receivedAt: Date): Date;
}

export const AUTOMATION_CLOCK = Symbol('AUTOMATION_CLOCK');

export class ReceivedAtClock implements AutomationClock {
  now(receivedAt: Date): Date {
    return receivedAt;
  }
}

/** The one clock of routing and auto-replies (a module singleton, so a test's fake reaches both). */
@Module({
  providers: [{ provide: AUTOMATION_CLOCK, useClass: ReceivedAtClock }],
  exports: [AUTOMATION_CLOCK],
})
export class AutomationClockModule {}
