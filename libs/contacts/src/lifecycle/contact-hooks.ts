import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';

/** What a merge did, summed over the hooks (each fills the counts of the rows it owns). */
export interface MergeResult {
  conversationsMoved: number;
  messagesMoved: number;
  consentsCopied: number;
  /** The merged contact's open conversation, folded into the survivor's (one open per contact). */
  foldedConversationId: string | null;
}

/** A delivery channel's address index (sms: phone, email: email). */
export type AddressChannel = 'sms' | 'email';

/** What died with an address the contact no longer has, summed over the hooks. */
export interface RetiredAddress {
  channel: AddressChannel;
  linksRetracted: number;
  consentRequestsCancelled: number;
}

/**
 * How a lib that keeps rows per contact takes part in the contact's lifecycle. Contacts sits
 * below every such lib, so it cannot call them: each registers its hook with ContactHooks when
 * its module starts, and the contact use cases run the hooks inside their own transaction.
 */
export interface ContactHook {
  /**
   * Moves (or, for append-only rows, copies) this lib's rows of `otherId` to `survivorId`. Runs
   * after both contacts are locked and before the other is marked merged.
   */
  mergeContact?(tx: TenantTx, survivorId: string, otherId: string): Promise<Partial<MergeResult>>;
  /**
   * Someone whose address a carrier or an authenticated mail server proved just wrote to this
   * contact: what only a typed (unproven) claim of that address earned is withdrawn.
   */
  senderProven?(tx: TenantTx, contactId: string): Promise<void>;
  /** Stops what is bound to an address the contact no longer has (other holders keep theirs). */
  retireAddress?(
    tx: TenantTx,
    contactId: string,
    channel: AddressChannel,
    addressIndex: Buffer,
  ): Promise<Partial<Omit<RetiredAddress, 'channel'>>>;
}

/**
 * The registered hooks, run in ascending `order` (conversations 10, channels 20, delivery 30,
 * consent 40: the order the merge wrote its tables in before the hooks existed, and a fixed
 * lock order against deadlocks between two merges).
 */
@Injectable()
export class ContactHooks {
  private hooks: Array<{ name: string; order: number; hook: ContactHook }> = [];

  register(name: string, order: number, hook: ContactHook): void {
    if (this.hooks.some((h) => h.name === name)) throw new Error(`contact hook ${name} registered twice`);
    this.hooks = [...this.hooks, { name, order, hook }].toSorted((a, b) => a.order - b.order);
  }

  /** Names of the registered hooks, in the order they run. */
  names(): string[] {
    return this.hooks.map((h) => h.name);
  }

  async mergeContact(tx: TenantTx, survivorId: string, otherId: string): Promise<MergeResult> {
    const result: MergeResult = {
      conversationsMoved: 0,
      messagesMoved: 0,
      consentsCopied: 0,
      foldedConversationId: null,
    };
    for (const { hook } of this.hooks)
      if (hook.mergeContact) Object.assign(result, await hook.mergeContact(tx, survivorId, otherId));
    return result;
  }

  async senderProven(tx: TenantTx, contactId: string): Promise<void> {
    for (const { hook } of this.hooks) await hook.senderProven?.(tx, contactId);
  }

  async retireAddress(
    tx: TenantTx,
    contactId: string,
    channel: AddressChannel,
    addressIndex: Buffer,
  ): Promise<RetiredAddress> {
    const result: RetiredAddress = { channel, linksRetracted: 0, consentRequestsCancelled: 0 };
    for (const { hook } of this.hooks)
      if (hook.retireAddress)
        Object.assign(result, await hook.retireAddress(tx, contactId, channel, addressIndex));
    return result;
  }
}
