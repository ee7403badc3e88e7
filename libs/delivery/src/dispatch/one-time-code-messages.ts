import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { type NewOutboundMessage, OutboundMessages } from '../outbound/outbound-messages.js';
import { type CodeOwner, PortalCodeRepository } from '../outbound/portal-codes.repository.js';
import type { OneTimeCodeTemplate } from './portal-codes.js';

/** One-time codes (the portal's and the chat's) as messages through the outbox. */
@Injectable()
export class OneTimeCodeMessages {
  constructor(
    private readonly outbound: OutboundMessages,
    private readonly codes: PortalCodeRepository,
  ) {}

  /** Earlier unused codes of the owner stop counting (only the newest code is accepted). */
  retire(tx: TenantTx, owner: CodeOwner): Promise<void> {
    return this.codes.retireUnused(tx, owner);
  }

  /**
   * Queues a one-time code to an address as a system message through the outbox, with its
   * `portal_codes` row: the worker mints the code when it sends, so neither the api nor the job
   * ever holds it. Earlier unused codes of the owner are retired first. Answers the message id.
   */
  async queue(
    tx: TenantTx,
    owner: CodeOwner,
    message: Omit<NewOutboundMessage, 'authorUserId' | 'content'> & { template: OneTimeCodeTemplate },
  ): Promise<string> {
    await this.codes.retireUnused(tx, owner);
    const { template, ...route } = message;
    const { id: messageId } = await this.outbound.create(tx, {
      ...route,
      authorUserId: null,
      content: { kind: 'system', template },
    });
    await this.codes.insert(tx, owner, messageId);
    return messageId;
  }
}
