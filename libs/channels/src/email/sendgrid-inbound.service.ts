import { Injectable } from '@nestjs/common';
import { UnusableSenderAddressError } from '@app/contacts';
import { IngestService, type IngestResult } from '@app/conversations';
import { TenantDb, type TenantTx } from '@app/database';
import { AppError } from '@app/observability';
import { screenAttachments } from './email-attachments.js';
import { replyPreview, sanitizeEmailHtml, textFromHtml } from './email-body.js';
import type { EmailChannel } from './email-channels.js';
import { EmailThreads } from './email-threads.js';
import { type ParsedEmail, type UploadedPart, parseInboundEmail } from './inbound-parse.js';

const SENDGRID_ACTOR = { type: 'provider', id: 'sendgrid' } as const;

/** What is stored of an email's body: the sanitized HTML and the text. */
interface EmailContent {
  body: string;
  bodyHtml: string | null;
}

export interface InboundParsePost {
  /** Authenticated by InboundParseAuthGuard (URL secret) before the body was read. */
  tenantId: string;
  channel: EmailChannel;
  fields: Record<string, string>;
  files: UploadedPart[];
}

/**
 * An authenticated Inbound Parse post: the email parsed (400 on anything unreadable, nothing
 * written), then stored in one transaction: idempotent on the Message-ID, threaded by reply
 * address, In-Reply-To/References, then by sender.
 */
@Injectable()
export class SendGridInboundService {
  constructor(
    private readonly db: TenantDb,
    private readonly threads: EmailThreads,
    private readonly ingest: IngestService,
  ) {}

  async receive(post: InboundParsePost): Promise<IngestResult> {
    const email = await parseInboundEmail(post.fields, post.files);
    if (!email.from) throw AppError.validation([{ path: 'from', message: 'must name the sender address' }]);
    // The CPU-bound work on untrusted content happens before a connection is held for it.
    const content: EmailContent = {
      bodyHtml: email.html ? sanitizeEmailHtml(email.html) || null : null,
      body: email.text.trim() ? email.text : email.html ? textFromHtml(email.html) : '',
    };
    const from = email.from;
    return this.db.forTenant(post.tenantId, (tx) =>
      this.store(tx, post.channel, { ...email, from }, content),
    );
  }

  private async store(
    tx: TenantTx,
    channel: EmailChannel,
    email: ParsedEmail & { from: string },
    { body, bodyHtml }: EmailContent,
  ): Promise<IngestResult> {
    const threadConversationId =
      (await this.threads.byReplyAddress(tx, { id: channel.id, ...channel.config }, email.recipients)) ??
      (await this.threads.byReferences(tx, email.threadRefs));
    const { received, refused } = screenAttachments(email.attachments);
    let result: IngestResult;
    try {
      result = await this.ingest.ingestInbound(tx, {
        channelId: channel.id,
        channel: 'email',
        from: { email: email.from },
        body,
        preview: replyPreview(body),
        bodyHtml,
        received,
        refused,
        providerMessageId: await this.threads.providerMessageId(tx, email),
        threadConversationId,
        actor: SENDGRID_ACTOR,
      });
    } catch (err) {
      if (err instanceof UnusableSenderAddressError) {
        throw AppError.validation([{ path: 'from', message: 'must be an email address' }]);
      }
      throw err;
    }
    if (!result.duplicate && email.messageId) {
      await this.threads.recordMessageId(tx, email.messageId, result);
    }
    return result;
  }
}
