import type { DispatchMessage, OpenAttempt } from '../outbound/dispatch-read.js';
import type { Outgoing } from './outgoing-content.js';
import type { SendFailure } from './send-errors.js';
import type { SenderChannel } from './sender-credentials.js';
import type { Accepted } from './senders.js';

/** How a message's dispatch ended; anything but `done` makes BullMQ try again later. */
export type Outcome =
  | { kind: 'done' }
  | { kind: 'retry'; failure: SendFailure }
  | { kind: 'delay'; ms: number }
  /** An earlier message to the same address is still on its way: this one must not overtake it. */
  | { kind: 'held'; behind: string }
  /** Another run holds the message (a stalled job picked up while the first still runs). */
  | { kind: 'busy' };

/** A message of a batch that goes to its provider: what its first transaction decided. */
export interface Send {
  kind: 'send';
  message: DispatchMessage;
  sender: SenderChannel;
  outgoing: Outgoing;
  attempt: OpenAttempt;
  /** Its sender's rate-limit slot (epoch ms): the provider call waits for it. */
  sendAt: number;
}

/**
 * A message of a batch whose earlier attempt may have reached the provider (the process died or
 * the call timed out): not sent in this batch, but looked up at the provider once the batch's
 * first transaction has committed (see `DispatchRecovery`).
 */
export interface Recovery {
  kind: 'recover';
  message: DispatchMessage;
  open: OpenAttempt;
  /** Asks the provider for the earlier attempt's message: what it has of ours, or null. */
  lookup: () => Promise<Accepted | null>;
}

/** What a batch's first transaction decided for one message. */
export type Step = Outcome | Send | Recovery;

/** What the provider said to one send. */
export type Answer = { accepted: Accepted } | { failure: SendFailure };

export const isSend = (step: Step): step is Send => step.kind === 'send';

export const DONE: Outcome = { kind: 'done' };
