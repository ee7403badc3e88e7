import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';

/** Counts of what a purge deleted, by kind (e.g. `portalCodes`): never which rows. */
export type PurgeCounts = Record<string, number>;

/**
 * What a lib that keeps rows beside messages does when the retention sweep purges them
 * (channels: form fields, chat and email threading; delivery: attempts, links, codes,
 * reminders). Conversations owns messages but not those tables, so each owner registers its
 * hook on module init, as the contact hooks do, and the sweep runs them in the batch's
 * transaction before it deletes the messages.
 */
export interface MessagePurgeHook {
  /** The owner's name; the sweep refuses to run until every name in REQUIRED_PURGE_HOOKS registered. */
  readonly name: string;
  /**
   * Of these messages (locked by the batch), the ones that must stay because a row of this
   * owner that outlives them names them (e.g. a form submission a consent request cites).
   * Absent: none (an owner whose rows never name a message).
   */
  kept?(tx: TenantTx, messageIds: string[]): Promise<Set<string>>;
  /** Deletes this owner's rows of these messages (their own data), before the messages go. */
  deleteDependants?(tx: TenantTx, messageIds: string[]): Promise<PurgeCounts>;
  /**
   * Deletes up to `limit` rows per kind of this owner's expired tokens and sweep data;
   * `messageCutoff` is the practice's message retention (null: messages are kept for ever).
   */
  purgeExpired(
    tx: TenantTx,
    at: { now: Date; messageCutoff: Date | null; limit: number },
  ): Promise<PurgeCounts>;
  /**
   * Drops whole month partitions of this owner's expired rows, across practices, before the
   * practices' batches (which then only take what no partition covers); each practice's counts,
   * already audited in the drop's transaction.
   */
  dropExpiredPartitions?(now: Date): Promise<Array<{ tenantId: string; counts: PurgeCounts }>>;
}

/**
 * The owners with rows to purge: delivery's and channels' tables reference messages (without
 * their hooks a purge would break a foreign key); automation keeps throttle rows, webhooks-out
 * its delivery log, access-alerts hourly counts, fhir Bulk Data exports (without their hooks
 * those tables would grow without bound).
 */
export const REQUIRED_PURGE_HOOKS = [
  'delivery',
  'channels',
  'automation',
  'webhooks-out',
  'access-alerts',
  'fhir',
] as const;

/** Required hooks run in their list's order, any other after them. */
function runOrder(name: string): number {
  const at = (REQUIRED_PURGE_HOOKS as readonly string[]).indexOf(name);
  return at < 0 ? REQUIRED_PURGE_HOOKS.length : at;
}

/** The registry of `MessagePurgeHook`s, in the order they run (delivery's rows first). */
@Injectable()
export class MessagePurgeHooks {
  private readonly hooks: MessagePurgeHook[] = [];

  register(hook: MessagePurgeHook): void {
    if (this.hooks.some((h) => h.name === hook.name))
      throw new Error(`MessagePurgeHooks: ${hook.name} registered twice`);
    this.hooks.push(hook);
    this.hooks.sort((a, b) => runOrder(a.name) - runOrder(b.name));
  }

  /** The hooks, once every required owner registered; else an error naming the missing ones. */
  all(): readonly MessagePurgeHook[] {
    const missing = REQUIRED_PURGE_HOOKS.filter((name) => !this.hooks.some((h) => h.name === name));
    if (missing.length > 0)
      throw new Error(
        `MessagePurgeHooks: no hook for ${missing.join(', ')}; the purge would break their keys`,
      );
    return this.hooks;
  }
}
