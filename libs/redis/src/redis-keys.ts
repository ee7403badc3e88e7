import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig, isSingleSlotPrefix } from '@app/config';

/**
 * The `{hash tag}` of `value`: keys that carry the same tag share one Redis Cluster slot, so a
 * multi-key command or script may touch them together. Under a single-slot prefix (`{inbox}`,
 * whose own tag already puts every key in one slot) the value goes in as it is.
 */
export function hashTag(prefix: string, value: string): string {
  return isSingleSlotPrefix(prefix) ? value : `{${value}}`;
}

/**
 * BullMQ's prefix for one queue: BullMQ names its keys `<prefix>:<queue>:<suffix>` and its
 * scripts touch several of them, so each queue gets its own hash tag (one slot per queue, the
 * queues spread over the Cluster). A single-slot prefix is used as it is (earlier versions' keys).
 */
export function queuePrefix(prefix: string, queue: string): string {
  return isSingleSlotPrefix(prefix) ? prefix : `${prefix}:{${queue}}`;
}

/**
 * Builds Redis keys under REDIS_PREFIX. Keys that a script, MULTI or multi-key command uses
 * together carry one hash tag (`tag()`); everything else hashes on its own, spread over the
 * Cluster's slots.
 */
@Injectable()
export class RedisKeys {
  constructor(@Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'REDIS_PREFIX'>) {}

  get prefix(): string {
    return this.config.REDIS_PREFIX;
  }

  key(...parts: string[]): string {
    return [this.config.REDIS_PREFIX, ...parts].join(':');
  }

  /** A key part that decides the slot: keys with the same tag (and prefix) share a slot. */
  tag(value: string): string {
    return hashTag(this.config.REDIS_PREFIX, value);
  }

  queuePrefix(queue: string): string {
    return queuePrefix(this.config.REDIS_PREFIX, queue);
  }
}
