import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { type InboundChannel, IngestService } from '@app/conversations';
import { TenantDb } from '@app/database';
import { createPublicChannel } from './intake-fixtures.js';

/** Inbound messages through the real store path (contact match, conversation, counters, events). */
export class InboxSeeder {
  private constructor(
    private readonly app: INestApplication,
    readonly tenantId: string,
    private readonly channelId: string,
  ) {}

  static async forPractice(app: INestApplication, owner: pg.Pool, tenantId: string): Promise<InboxSeeder> {
    const form = await createPublicChannel(app, owner, 'webform', { tenantId });
    return new InboxSeeder(app, tenantId, form.id);
  }

  /** A message from `from` (a new sender unless given); returns the ids. */
  async inbound(
    opts: { from?: string; name?: string; body?: string; channel?: InboundChannel } = {},
  ): Promise<{ conversationId: string; contactId: string; messageId: string; from: string }> {
    const from = opts.from ?? `patient.${randomBytes(5).toString('hex')}@mail.test`;
    const result = await this.app.get(TenantDb).forTenant(this.tenantId, (tx) =>
      this.app.get(IngestService).ingestInbound(tx, {
        channelId: this.channelId,
        channel: opts.channel ?? 'webform',
        from: { email: from, name: opts.name ?? 'Pat Example' },
        body: opts.body ?? 'hello, a question about my visit',
        actor: { type: 'patient', id: 'test' },
      }),
    );
    return {
      conversationId: result.conversationId,
      contactId: result.contactId!,
      messageId: result.messageId,
      from,
    };
  }
}
