import { Injectable } from '@nestjs/common';
import { TenantDb } from '@app/database';
import { OutboundMessages } from '../outbound/outbound-messages.js';
import { DeliveryMetrics } from './delivery-metrics.js';
import { DispatchOutcomes } from './dispatch-outcomes.service.js';
import type { Recovery } from './dispatch-steps.js';
import { HeldMessages } from './held-messages.js';
import { classifySendError } from './send-errors.js';

/**
 * An attempt without an outcome (the process died, or the call timed out, during the provider
 * call), asked after at the provider while no transaction is open, then settled in a
 * transaction of its own under the message's row lock, unless another run settled it meanwhile.
 * Found: handed over after all. Not found: the attempt is closed and its link tokens retracted
 * (they may never have reached anyone); the caller sends the message again, as any other.
 */
@Injectable()
export class DispatchRecovery {
  constructor(
    private readonly db: TenantDb,
    private readonly outbound: OutboundMessages,
    private readonly outcomes: DispatchOutcomes,
    private readonly metrics: DeliveryMetrics,
    private readonly held: HeldMessages,
  ) {}

  async settle(tenantId: string, { message, open, lookup }: Recovery): Promise<'handed_over' | 'send_again'> {
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
        this.outcomes.foundAtProvider(tx, message, open, 'lookup');
        return true;
      }
      await this.outbound.finishAttempt(tx, message.id, open.id, 'not_found');
      await this.outbound.retractSecureLinks(tx, message.id);
      return false;
    });
    if (!handedOver) return 'send_again';
    this.held.ended(message.id);
    return 'handed_over';
  }
}
