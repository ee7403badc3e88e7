import { Injectable } from '@nestjs/common';
import { providerIdLockOrder } from '@app/conversations';
import { GroupCommit } from '@app/database';
import { OutboundMessages } from '../outbound/outbound-messages.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { type DispatchSession, DispatchSessions } from './dispatch-locks.js';
import { DispatchOutcomes } from './dispatch-outcomes.service.js';
import { DispatchRecovery } from './dispatch-recovery.service.js';
import { type Answer, DONE, isSend, type Outcome, type Send, type Step } from './dispatch-steps.js';
import { HeldMessages } from './held-messages.js';
import { ProviderCalls } from './provider-calls.service.js';
import type { Accepted } from './senders.js';
import { SendPreparation } from './send-preparation.service.js';

/** Messages of one practice whose jobs arrived together share a batch. */
const MAX_BATCH = 16;

/**
 * Dispatch batches. A practice's jobs that arrive while its previous batch is deciding go
 * together as the next batch (`GroupCommit`): one connection (`DispatchSessions`), one
 * transaction before the provider calls and one after, for all of them; alone, a message is a
 * batch of one.
 *
 * 1. The first transaction takes each message's dispatch locks (the message: no concurrent
 *    runs; its address: consent changes wait) and decides each message (`SendPreparation`);
 *    a message not sent now lets go of its locks. Commit.
 * 2. The providers are called, each at its slot (`ProviderCalls`); a job whose message is
 *    accepted is done then. An earlier attempt is looked up instead (`DispatchRecovery`).
 * 3. The last transaction records the outcomes (`DispatchOutcomes`); its COMMIT ends the locks.
 *
 * A batch whose first transaction fails is tried again message by message, so one bad message
 * never fails the others.
 */
@Injectable()
export class DispatchBatches {
  private readonly batches = new GroupCommit<string, { finished: Promise<Outcome> }>(
    (tenantId, ids) => this.decide(tenantId, ids),
    MAX_BATCH,
  );

  constructor(
    private readonly sessions: DispatchSessions,
    private readonly outbound: OutboundMessages,
    private readonly preparation: SendPreparation,
    private readonly providers: ProviderCalls,
    private readonly outcomes: DispatchOutcomes,
    private readonly recovery: DispatchRecovery,
    private readonly metrics: DeliveryMetrics,
    private readonly held: HeldMessages,
  ) {}

  /** The message's dispatch, in the next batch of its practice: how it ended. */
  async dispatch(tenantId: string, messageId: string): Promise<Outcome> {
    const { finished } = await this.batches.submit(tenantId, messageId);
    return finished;
  }

  /**
   * The batch's first transaction; resolves once it committed (the next batch may start), each
   * message's outcome following when its provider call is recorded.
   */
  private async decide(tenantId: string, ids: string[]): Promise<Array<{ finished: Promise<Outcome> }>> {
    const session = await this.sessions.open();
    let steps: Step[];
    try {
      steps = await session.transaction(tenantId, async (tx) => {
        // From this read on: no other run of these messages ('busy' otherwise), and a revocation
        // of their addresses waits until the provider has answered; one that committed before is
        // seen by the gate facts read with the messages (after the locks, see lockBatchForDispatch).
        const locked = await this.outbound.lockBatchForDispatch(tx, ids);
        const decided: Step[] = [];
        for (const [i, id] of ids.entries()) {
          const message = locked.get(id);
          // The same message twice in a batch (a stalled job's second run): the first one holds it.
          if (message === 'busy' || ids.indexOf(id) < i) decided.push({ kind: 'busy' });
          else if (!message) decided.push(DONE);
          else {
            const step = await this.preparation.prepare(tx, message);
            if (!isSend(step)) this.outbound.releaseDispatchLocks(tx, message);
            decided.push(step);
          }
        }
        return decided;
      });
    } catch (err) {
      session.release();
      if (ids.length === 1) throw err;
      // One bad message must not fail its neighbours: each goes again alone.
      return ids.map((id) => ({
        finished: this.decide(tenantId, [id]).then(([alone]) => alone!.finished),
      }));
    }
    // Failed (or found handed over) in that transaction: the messages held behind them go now.
    for (const [i, step] of steps.entries()) if (step.kind === 'done') this.held.ended(ids[i]!);
    const answers = steps.map((step) => (isSend(step) ? this.providers.send(tenantId, step) : null));
    const recorded = this.record(tenantId, session, steps, answers);
    // Jobs whose outcome waits for the record await it; this keeps a failed one from going
    // unhandled meanwhile.
    recorded.catch(() => undefined);
    return steps.map((step, i) => {
      if (step.kind === 'recover') {
        const settled = this.recovery.settle(tenantId, step);
        return {
          finished: settled.then((s) =>
            s === 'handed_over' ? DONE : this.dispatch(tenantId, step.message.id),
          ),
        };
      }
      // A message the provider accepted is done: its job does not wait for the batch's slowest
      // call and its record. Should the record never commit (a crash), its attempt stays open
      // and its outbox row comes due again, and the retry finds it at the provider.
      const answer = answers[i];
      if (!answer) return { finished: Promise.resolve(step as Outcome) };
      return { finished: answer.then((a) => ('accepted' in a ? DONE : recorded.then((o) => o[i]!))) };
    });
  }

  /**
   * The batch's last transaction, once every provider call has answered (bounded by the SDK
   * timeout): every outcome, the session's locks (those of the messages sent) ending with its
   * COMMIT.
   */
  private async record(
    tenantId: string,
    session: DispatchSession,
    steps: Step[],
    pending: Array<Promise<Answer> | null>,
  ): Promise<Array<Outcome | null>> {
    try {
      const answers = await Promise.all(pending);
      // Null where the step sent nothing: its job's outcome came from the first transaction.
      if (!steps.some(isSend)) return steps.map(() => null);
      const handedOver: Send[] = [];
      const outcomes = await session.finalTransaction(tenantId, async (tx) => {
        // Not worth an fsync wait: if Postgres loses this record, the attempts stay open and the
        // retries find the messages at the provider instead of sending them again.
        tx.commitWithoutFlushWait();
        const recorded: Array<Outcome | null> = [];
        const accepted: Array<{ step: Send; accepted: Accepted }> = [];
        for (const [i, step] of steps.entries()) {
          const answer = answers[i];
          if (!isSend(step) || !answer) {
            recorded.push(null);
            continue;
          }
          if ('failure' in answer) recorded.push(await this.outcomes.failedCall(tx, step, answer.failure));
          else {
            accepted.push({ step, accepted: answer.accepted });
            handedOver.push(step);
            recorded.push(DONE);
          }
        }
        // In the order status callbacks lock messages (`providerIdLockOrder`): a callback batch
        // for these messages, arriving before this commit, waits for it or it for the callbacks,
        // never both (a deadlock would lose this record and fail the callbacks' webhook).
        const inLockOrder = accepted.toSorted((x, y) =>
          providerIdLockOrder(x.accepted.providerMessageId, y.accepted.providerMessageId),
        );
        for (const one of inLockOrder) this.outcomes.accepted(tx, one.step, one.accepted);
        return recorded;
      });
      for (const { message, outgoing } of handedOver)
        this.metrics.observeHandedOver(message.channel, outgoing.route, message.createdAt);
      // Handed over or failed, now committed (a retry stays on its way).
      for (const [i, step] of steps.entries())
        if (isSend(step) && outcomes[i] && outcomes[i].kind !== 'retry') this.held.ended(step.message.id);
      return outcomes;
    } finally {
      session.release();
    }
  }
}
