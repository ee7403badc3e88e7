import { Injectable } from '@nestjs/common';
import { TenantDb, type TenantTx } from '@app/database';
import type { InboxChannel } from './inbox/inbox-query.js';

/** A web form's structured fields as submitted: flat, one value each. */
export type SubmittedFields = Record<string, string | number | boolean | null>;

/**
 * What the lib that owns a channel's submissions keeps beside its messages (channels: a web
 * form's fields in form_submissions), read through it: conversations never reads that table.
 */
export interface MessageFieldsSource {
  readonly channel: InboxChannel;
  /** The fields of those of these messages it knows, by message id; one query for them all. */
  fieldsOf(tx: TenantTx, messageIds: string[]): Promise<Map<string, SubmittedFields>>;
}

/**
 * The registry of `MessageFieldsSource`s (each registers itself on module init, as the contact
 * hooks do), so the messages page shows a web form's fields without conversations depending on
 * channels.
 */
@Injectable()
export class MessageFields {
  private readonly sources = new Map<InboxChannel, MessageFieldsSource>();

  constructor(private readonly db: TenantDb) {}

  register(source: MessageFieldsSource): void {
    if (this.sources.has(source.channel))
      throw new Error(`MessageFields: ${source.channel} registered twice`);
    this.sources.set(source.channel, source);
  }

  /**
   * The fields of a page's messages, in one transaction of the current practice with one query
   * per channel that has messages on the page and a source; no transaction when none has.
   */
  async forPage(
    messages: ReadonlyArray<{ id: string; channel: InboxChannel }>,
  ): Promise<Map<string, SubmittedFields>> {
    const wanted = [...this.sources.values()]
      .map((source) => ({
        source,
        ids: messages.filter((m) => m.channel === source.channel).map((m) => m.id),
      }))
      .filter(({ ids }) => ids.length > 0);
    if (wanted.length === 0) return new Map();
    return this.db.transaction(async (tx) => {
      const found = new Map<string, SubmittedFields>();
      for (const { source, ids } of wanted)
        for (const [id, fields] of await source.fieldsOf(tx, ids)) found.set(id, fields);
      return found;
    });
  }
}
