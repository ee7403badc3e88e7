import { Inject, Injectable, Logger } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { AuditService } from '@app/audit';
import { ChannelCache } from '@app/channels';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import type { GateDecision } from '@app/consent';
import { ConsentRequests } from '../consent-requests/consent-requests.js';
import { StaffEvents } from '@app/conversations';
import { GroupCommit, TenantDb, type TenantTx } from '@app/database';
import { GateFacts } from '../outbound/gate-facts.js';
import {
  type DispatchMessage,
  type OpenAttempt,
  OutboundMessages,
  type OutboundRoute,
} from '../outbound/outbound-messages.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { type DispatchSession, DispatchSessions } from './dispatch-locks.js';
import { HeldMessages } from './held-messages.js';
import { hashLinkToken, linkTokensIn } from './link-tokens.js';
import { carriesOneTimeCode } from './portal-codes.js';
import { type Outgoing, OutgoingContent, type SenderChannel } from './outgoing-content.js';
import { SenderRateLimit } from './sender-rate-limit.js';
import { type Accepted, EMAIL_SENDER, type EmailSender, SMS_SENDER, type SmsSender } from './senders.js';
import { type SendFailure, classifySendError, explain } from './send-errors.js';

/** How a message's dispatch ended; anything but `done` makes BullMQ try again later. */
type Outcome =
  | { kind: 'done' }
  | { kind: 'retry'; failure: SendFailure }
  | { kind: 'opted_out'; address: string }
  | { kind: 'delay'; ms: number }
  /** An earlier message to the same address is still on its way: this one must not overtake it. */
  | { kind: 'held'; behind: string }
  /** Another run holds the message (a stalled job picked up while the first still runs). */
  | { kind: 'busy' };

/** A message of a batch that goes to its provider: what its first transaction decided. */
interface Send {
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
 * first transaction has committed (see `recover`).
 */
interface Recovery {
  kind: 'recover';
  message: DispatchMessage;
  open: OpenAttempt;
  /** Asks the provider for the earlier attempt's message: what it has of ours, or null. */
  lookup: () => Promise<Accepted | null>;
}

/** What a batch's first transaction decided for one message. */
type Step = Outcome | Send | Recovery;

const isSend = (step: Step): step is Send => step.kind === 'send';

const DONE: Outcome = { kind: 'done' };

/** What the provider said to one send. */
type Answer = { accepted: Accepted } | { failure: SendFailure };

/** Resolves at `at` (epoch ms), at once if that has passed. */
const untilSlot = (at: number): Promise<void> =>
  at > Date.now() ? new Promise((resolve) => setTimeout(resolve, at - Date.now())) : Promise.resolve();

/** Messages of one practice whose jobs arrived together share a batch (see `Dispatcher`). */
const MAX_BATCH = 16;

/**
 * Hands outbound messages to their provider, exactly once in the normal crash cases. A
 * practice's jobs that arrive while its previous batch is deciding go together as the next batch
 * (`GroupCommit`): one connection, one transaction before the provider calls and one after, for
 * all of them; alone, a message is a batch of one. For each message:
 *
 * 1. Hold the message (no concurrent runs) and the recipient's address (consent changes wait).
 * 2. In the batch's first transaction: skip if already handed over; if an earlier attempt may
 *    have reached the provider (crash, timeout), set the message aside to be looked up there
 *    (`recover`, after the COMMIT: no transaction waits on a provider); hold it back while the
 *    message staff sent before it to the same address is not handed over (invariant 12: the job
 *    is delayed and woken when that one ends, see `HeldMessages`); apply the consent gate
 *    AGAIN (a revocation since the reply wins: a plain reply becomes a secure notice, an
 *    opted-out number gets nothing); reserve the sender's next rate-limit slot (one far off
 *    delays the job rather than blocking the worker; one a few milliseconds off is waited for
 *    right before the call, not in the transaction); mint the link token; persist the attempt.
 *    A message not sent now lets go of its locks. Commit.
 * 3. Call the providers, each at its slot; a job whose message is accepted is done then.
 * 4. Record the outcomes (accepted, failed with a reason, or retry) in the batch's last
 *    transaction, whose COMMIT ends the locks; the jobs of the others wait for it.
 *
 * A batch whose first transaction fails is tried again message by message, so one bad message
 * never fails the others.
 */
@Injectable()
export class Dispatcher {
  private readonly logger = new Logger('Dispatcher');
  private readonly batches = new GroupCommit<string, { finished: Promise<Outcome> }>(
    (tenantId, ids) => this.decide(tenantId, ids),
    MAX_BATCH,
  );
  private readonly held = new HeldMessages();

  constructor(
    private readonly db: TenantDb,
    private readonly outbound: OutboundMessages,
    private readonly gate: GateFacts,
    private readonly content: OutgoingContent,
    private readonly requests: ConsentRequests,
    private readonly rateLimit: SenderRateLimit,
    private readonly sessions: DispatchSessions,
    private readonly audit: AuditService,
    private readonly events: StaffEvents,
    private readonly metrics: DeliveryMetrics,
    private readonly channelCache: ChannelCache,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(EMAIL_SENDER) private readonly email: EmailSender,
    @Inject(APP_CONFIG)
    private readonly config: Pick<CoreConfig, 'DELIVERY_LEASE_SECONDS' | 'DELIVERY_MAX_ATTEMPTS'>,
  ) {}

  async dispatch(tenantId: string, messageId: string, job: Job, token: string | undefined): Promise<void> {
    const { finished } = await this.batches.submit(tenantId, messageId);
    const result = await finished;
    if (result.kind === 'busy') return this.delay(job, token, this.config.DELIVERY_LEASE_SECONDS * 1000);
    if (result.kind === 'delay') return this.delay(job, token, result.ms);
    if (result.kind === 'held') return this.holdBack(job, token, messageId, result.behind);
    if (result.kind === 'opted_out') {
      // Twilio 21610: the carrier says this number sent STOP; it counts as a STOP keyword.
      const phone = result.address;
      await this.db.forTenant(tenantId, (tx) =>
        this.requests.optOutNumber(tx, phone, { source: 'provider' }),
      );
      return;
    }
    if (result.kind === 'retry') await this.retryOrGiveUp(tenantId, messageId, result.failure, job);
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
            const step = await this.prepare(tx, message);
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
    const answers = steps.map((step) => (isSend(step) ? this.answer(tenantId, step) : null));
    const recorded = this.record(tenantId, session, steps, answers);
    // Jobs whose outcome waits for the record await it; this keeps a failed one from going
    // unhandled meanwhile.
    recorded.catch(() => undefined);
    return steps.map((step, i) => {
      if (step.kind === 'recover') return { finished: this.recover(tenantId, step) };
      // A message the provider accepted is done: its job does not wait for the batch's slowest
      // call and its record. Should the record never commit (a crash), its attempt stays open
      // and its outbox row comes due again, and the retry finds it at the provider.
      const answer = answers[i];
      if (!answer) return { finished: Promise.resolve(step as Outcome) };
      return { finished: answer.then((a) => ('accepted' in a ? DONE : recorded.then((o) => o[i]!))) };
    });
  }

  /**
   * One message's part of the batch's first transaction: the outcome when it is not sent now,
   * else what to send (its attempt persisted with the COMMIT).
   */
  private async prepare(tx: TenantTx, message: DispatchMessage): Promise<Step> {
    const open = message.openAttempt;
    if (!this.outbound.isPending(message)) {
      // The provider's status callback got here first (it names our id) and the run that made
      // the call never recorded it (a crash): the provider has the message, so its attempt ends
      // as found there, audited like a lookup's find, rather than staying open for good.
      if (open && message.providerMessageId) {
        await this.outbound.finishAttempt(tx, open.id, 'found_at_provider');
        this.auditFoundAtProvider(tx, message, open, 'status_callback');
      }
      await this.outbound.leaveOutbox(tx, message.id);
      return DONE;
    }
    const sender = await this.content.sender(tx, message);
    if (!sender) {
      await this.fail(tx, message, 'channel_unavailable');
      return DONE;
    }
    if (open) return { kind: 'recover', message, open, lookup: await this.lookup(tx, message, open, sender) };
    // Before the gate and the rate slot: a held message writes nothing and spends none.
    if (message.heldBehind) return { kind: 'held', behind: message.heldBehind };

    const route = await this.applyDecision(tx, message, this.gate.forSend(message));
    if (!route) return DONE;

    // Reserved once the gate let the message go (one it blocks spends none of the sender's
    // rate); the send waits for the slot after COMMIT (not holding the batch). A reroute stays
    // committed if the job is delayed: the next run finds the route already changed.
    const slot =
      sender.kind === 'sms'
        ? await this.rateLimit.take(`sms:${sender.channel.id}`, sender.channel.sendRatePerSecond)
        : { reserved: true, at: Date.now() };
    if (!slot.reserved) return { kind: 'delay', ms: slot.at - Date.now() };

    const outgoing = await this.content.render(tx, message, route, sender);
    if (!outgoing) {
      // A consent request superseded, answered or cancelled before it could be sent.
      await this.fail(tx, message, 'request_closed');
      return DONE;
    }
    const attempt = this.outbound.startAttempt(tx, message, route);
    return { kind: 'send', message, sender, outgoing, attempt, sendAt: slot.at };
  }

  /** An attempt left without an outcome reached the provider after all: named by its status report, or found by a lookup. */
  private auditFoundAtProvider(
    tx: TenantTx,
    message: DispatchMessage,
    open: OpenAttempt,
    foundBy: 'status_callback' | 'lookup',
  ): void {
    this.audit.record(tx, {
      action: 'message.dispatch_recovered',
      target: { type: 'message', id: message.id },
      metadata: { channel: message.channel, attempt: open.attempt, foundBy },
    });
  }

  /** One provider call, at its rate-limit slot. */
  private answer(tenantId: string, { message, outgoing, sender, sendAt }: Send): Promise<Answer> {
    return untilSlot(sendAt)
      .then(() => this.send(tenantId, message, outgoing, sender))
      .then(
        (accepted): Answer => ({ accepted }),
        (err: unknown): Answer => ({
          failure: classifySendError(sender.kind, err),
        }),
      );
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
        for (const [i, step] of steps.entries()) {
          const answer = answers[i];
          if (!isSend(step) || !answer) {
            recorded.push(null);
            continue;
          }
          if ('failure' in answer) recorded.push(await this.recordFailure(tx, step, answer.failure));
          else {
            this.recordAccepted(tx, step, answer.accepted);
            handedOver.push(step);
            recorded.push(DONE);
          }
        }
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

  private recordAccepted(tx: TenantTx, { message, outgoing, attempt }: Send, accepted: Accepted): void {
    this.outbound.markAccepted(tx, message.id, accepted, attempt.id);
    this.audit.record(tx, {
      action: 'message.dispatched',
      target: { type: 'message', id: message.id },
      metadata: { channel: message.channel, route: outgoing.route, attempt: attempt.attempt },
    });
    // Usually the provider answers `queued`, which the message already is: nothing to announce.
    if (accepted.status !== message.status)
      this.events.publishAfterCommit(tx, {
        type: 'message.status_changed',
        conversationId: message.conversationId,
        messageId: message.id,
        status: accepted.status,
      });
  }

  private async recordFailure(
    tx: TenantTx,
    { message, sender, attempt }: Send,
    failure: SendFailure,
  ): Promise<Outcome> {
    // 'unknown': it may have reached the provider; the attempt stays open so the retry looks first.
    if (failure.kind === 'unknown') return { kind: 'retry', failure };
    const definite = failure.kind === 'permanent' ? 'rejected' : 'retry';
    await this.outbound.finishAttempt(tx, attempt.id, definite, failure.code);
    if (failure.kind === 'transient') {
      // A token rotated a moment ago: the retry must not use the cached one.
      if (failure.credentialsRejected && sender.kind === 'sms')
        this.channelCache.invalidateOnCommit(tx, sender.channel.id);
      return { kind: 'retry', failure };
    }
    await this.fail(tx, message, failure.code);
    return failure.optedOut ? { kind: 'opted_out', address: message.address } : { kind: 'done' };
  }

  /**
   * The route to send on now, or null when nothing may be sent. A reply accepted as plain goes
   * out plain only if consent still holds; a secure route stays secure; a block fails it.
   */
  private async applyDecision(
    tx: TenantTx,
    message: DispatchMessage,
    decision: GateDecision,
  ): Promise<OutboundRoute | 'system' | null> {
    if (decision.route === 'blocked') {
      await this.fail(tx, message, decision.reason);
      return null;
    }
    if (message.kind === 'system') return 'system';
    if (message.route === 'plain' && decision.route === 'secure_link') {
      await this.outbound.reroute(tx, message.id, 'secure_link', decision.reason);
      this.audit.record(tx, {
        action: 'message.rerouted',
        target: { type: 'message', id: message.id },
        metadata: { from: 'plain', to: 'secure_link', reason: decision.reason },
      });
      return 'secure_link';
    }
    return message.route ?? 'secure_link';
  }

  /**
   * An attempt without an outcome (the process died, or the call timed out, during the provider
   * call), asked after at the provider while no transaction is open, then settled under the
   * message's row lock unless another run settled it meanwhile. Found: handed over after all.
   * Not found: the attempt is closed, its link tokens retracted (they may never have reached
   * anyone), and the message goes out in a later batch, as any other.
   */
  private async recover(tenantId: string, { message, open, lookup }: Recovery): Promise<Outcome> {
    const asked = await lookup().then(
      (found) => ({ found }),
      (err: unknown) => ({ failure: classifySendError(message.channel, err) }),
    );
    this.metrics.observeLookup(
      message.channel,
      'failure' in asked ? 'failed' : asked.found ? 'found' : 'not_found',
    );
    // Nothing known, nothing changes (not failed after the last retry either): the job's retries,
    // then the outbox relay, ask again. Only the code: the provider's text may name the number.
    if ('failure' in asked)
      throw new Error(`Provider lookup failed (${asked.failure.code}); the earlier attempt stays open`);
    const { found } = asked;
    const handedOver = await this.db.forTenant(tenantId, async (tx) => {
      const current = await this.outbound.lockForDispatch(tx, message.id);
      if (current?.openAttempt?.id !== open.id) return false;
      if (found) {
        this.outbound.markAccepted(tx, message.id, found, open.id, 'found_at_provider');
        this.auditFoundAtProvider(tx, message, open, 'lookup');
        return true;
      }
      await this.outbound.finishAttempt(tx, open.id, 'not_found');
      await this.outbound.retractSecureLinks(tx, message.id);
      return false;
    });
    if (handedOver) {
      this.held.ended(message.id);
      return DONE;
    }
    const { finished } = await this.batches.submit(tenantId, message.id);
    return finished;
  }

  /**
   * The provider lookup for an earlier attempt, its facts read in the batch's transaction. Email
   * carries our id. SMS does not: our text is recognised. A plain body is ours if equal; a notice
   * or a request is ours if it carries a link token minted for this message; a portal code
   * message if it carries the code minted for it.
   */
  private async lookup(
    tx: TenantTx,
    message: DispatchMessage,
    open: OpenAttempt,
    sender: SenderChannel,
  ): Promise<() => Promise<Accepted | null>> {
    if (sender.kind === 'email')
      return () => this.email.findSent({ apiKey: sender.apiKey, messageId: message.id });
    const tokenHashes = await this.content.linkTokenHashes(tx, message.id);
    const body = message.kind === 'message' ? await this.outbound.body(tx, message) : null;
    const isOurCode = carriesOneTimeCode(message.template)
      ? await this.content.portalCodeMatcher(tx, message.id)
      : () => false;
    const isOurs = (text: string) =>
      text === body ||
      isOurCode(text) ||
      linkTokensIn(text).some((t) => tokenHashes.some((h) => h.equals(hashLinkToken(t))));
    const account = {
      accountSid: sender.channel.accountSid,
      authToken: sender.channel.authToken,
      to: message.address,
      from: sender.channel.phoneNumber,
      messagingServiceSid: sender.channel.messagingServiceSid,
    };
    return () => this.sms.findSent(account, open.startedAt, isOurs);
  }

  private async send(
    tenantId: string,
    message: DispatchMessage,
    outgoing: Outgoing,
    sender: SenderChannel,
  ): Promise<Accepted> {
    if (sender.kind === 'sms') {
      return this.sms.send({
        accountSid: sender.channel.accountSid,
        authToken: sender.channel.authToken,
        from: sender.channel.phoneNumber,
        messagingServiceSid: sender.channel.messagingServiceSid,
        to: message.address,
        body: outgoing.text,
        statusCallback: outgoing.statusCallback!,
      });
    }
    return this.email.send({
      apiKey: sender.apiKey,
      from: { email: sender.config.fromAddress, name: sender.config.fromName },
      replyTo: outgoing.replyTo,
      to: message.address,
      subject: outgoing.subject!,
      text: outgoing.text,
      messageId: message.id,
      tenantId,
    });
  }

  /** Transient failure: BullMQ retries with backoff; after the last attempt the message fails. */
  private async retryOrGiveUp(
    tenantId: string,
    messageId: string,
    failure: SendFailure,
    job: Job,
  ): Promise<void> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? this.config.DELIVERY_MAX_ATTEMPTS);
    this.logger.warn(
      { messageId, code: failure.code, attempt: job.attemptsMade + 1, lastAttempt },
      'Provider call failed',
    );
    if (!lastAttempt) throw new Error(`Provider call failed (${failure.code}); retrying`);
    await this.db.forTenant(tenantId, async (tx) => {
      const current = await this.outbound.lockForDispatch(tx, messageId);
      if (current && this.outbound.isPending(current)) await this.fail(tx, current, 'attempts_exhausted');
    });
    this.held.ended(messageId);
    throw new UnrecoverableError(`Provider kept failing (${failure.code})`);
  }

  private async fail(tx: TenantTx, message: DispatchMessage, code: string): Promise<void> {
    await this.outbound.markFailed(tx, message.id, code, explain(code));
    this.audit.record(tx, {
      action: 'message.failed',
      target: { type: 'message', id: message.id },
      metadata: { channel: message.channel, code },
    });
    this.events.publishAfterCommit(tx, {
      type: 'message.status_changed',
      conversationId: message.conversationId,
      messageId: message.id,
      status: 'failed',
    });
  }

  private async delay(job: Job, token: string | undefined, ms: number): Promise<never> {
    await job.moveToDelayed(Date.now() + ms, token);
    throw new DelayedError();
  }

  /**
   * Delayed until the earlier message `behind` ends in this process (then promoted at once), or
   * its fallback delay passes (that message is another process's, or retrying with backoff).
   */
  private async holdBack(
    job: Job,
    token: string | undefined,
    messageId: string,
    behind: string,
  ): Promise<never> {
    await job.moveToDelayed(Date.now() + this.held.fallbackDelayMs(job), token);
    // Promoting a job that is no longer delayed (it ran meanwhile) fails harmlessly.
    this.held.waitFor(behind, messageId, () => void job.promote().catch(() => undefined));
    throw new DelayedError();
  }
}
