import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ContactMatcher, UnusableSenderAddressError } from '@app/contacts';
import { IngestService, type IngestResult } from '@app/conversations';
import { TenantDb, type TenantTx } from '@app/database';
import { ChannelsError } from '../channels.errors.js';
import { screenAttachments } from './email-attachments.js';
import { type SenderAuthentication, authenticateSender } from './email-authentication.js';
import { replyPreview, sanitizeEmailHtml, textFromHtml } from './email-body.js';
import type { EmailChannel } from './email-channel.repository.js';
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

/** An email ready to store: parsed, its sender known, and SendGrid's verdict on that sender. */
type ReceivedEmail = ParsedEmail & { from: string; authentication: SenderAuthentication };

/**
 * An authenticated Inbound Parse post: the email parsed (400 on anything unreadable, nothing
 * written), then stored in one transaction, idempotent on the Message-ID. A sender SPF or DKIM
 * proved for the From domain (`email-authentication.ts`) is threaded by reply address,
 * In-Reply-To/References, then matched by address. Any other From is a claim, as an address
 * typed into the chat is: the email lands on a contact of its own, flagged for staff (naming the
 * contact holding the address, if one does), and never joins another contact's conversation.
 */
@Injectable()
export class SendGridInboundService {
  constructor(
    private readonly db: TenantDb,
    private readonly threads: EmailThreads,
    private readonly ingest: IngestService,
    private readonly matcher: ContactMatcher,
    private readonly audit: AuditService,
  ) {}

  async receive(post: InboundParsePost): Promise<IngestResult> {
    const email = await parseInboundEmail(post.fields, post.files);
    if (!email.from)
      throw ChannelsError.validation([{ path: 'from', message: 'must name the sender address' }]);
    // The CPU-bound work on untrusted content happens before a connection is held for it.
    const content: EmailContent = {
      bodyHtml: email.html ? sanitizeEmailHtml(email.html) || null : null,
      body: email.text.trim() ? email.text : email.html ? textFromHtml(email.html) : '',
    };
    const mail: ReceivedEmail = {
      ...email,
      from: email.from,
      authentication: authenticateSender(email.from, email.senderChecks),
    };
    // Inbound Parse does not retry a 4xx: a transaction that lost a race (it committed nothing)
    // runs again rather than answer 409.
    return this.db.forTenantRetryingConflicts(post.tenantId, async (tx) => {
      try {
        return mail.authentication.result === 'pass'
          ? await this.storeAuthenticated(tx, post.channel, mail, content)
          : await this.storeUnauthenticated(tx, post.channel, mail, content);
      } catch (err) {
        if (err instanceof UnusableSenderAddressError) {
          throw ChannelsError.validation([{ path: 'from', message: 'must be an email address' }]);
        }
        throw err;
      }
    });
  }

  private async storeAuthenticated(
    tx: TenantTx,
    channel: EmailChannel,
    email: ReceivedEmail,
    content: EmailContent,
  ): Promise<IngestResult> {
    const threadConversationId =
      (await this.threads.byReplyAddress(tx, { id: channel.id, ...channel.config }, email.recipients)) ??
      (await this.threads.byReferences(tx, email.threadRefs));
    const result = await this.ingest.ingestInbound(tx, {
      ...(await this.message(tx, channel, email, content)),
      threadConversationId,
    });
    if (!result.duplicate && email.messageId) {
      await this.threads.recordMessageId(tx, email.messageId, result);
    }
    return result;
  }

  /**
   * Neither reply address nor References may place it (both can be copied from a real email), and
   * its Message-ID is not remembered as a thread to join. The claim contact is created only once
   * no earlier delivery exists, looked for under the sender's address lock: a concurrent delivery
   * of the same email waits there and then answers as its duplicate, creating nothing.
   */
  private async storeUnauthenticated(
    tx: TenantTx,
    channel: EmailChannel,
    email: ReceivedEmail,
    content: EmailContent,
  ): Promise<IngestResult> {
    const message = await this.message(tx, channel, email, content);
    await this.matcher.lockSenderAddresses(tx, message.from);
    const earlier = await this.ingest.duplicateOf(tx, 'email', message.providerMessageId);
    if (earlier) return earlier;
    const claim = await this.matcher.contactForUnauthenticatedSender(tx, message.from, {
      channel: 'email',
      channelId: channel.id,
    });
    this.audit.record(tx, {
      action: 'contact.created',
      actor: SENDGRID_ACTOR,
      target: { type: 'contact', id: claim.contactId },
      metadata: {
        source: 'email',
        channelId: channel.id,
        claimReason: 'unauthenticated_email',
        ...(claim.claimOf ? { claimOf: claim.claimOf } : {}),
      },
    });
    return this.ingest.ingestInbound(tx, { ...message, contactId: claim.contactId });
  }

  private async message(tx: TenantTx, channel: EmailChannel, email: ReceivedEmail, content: EmailContent) {
    const { received, refused } = screenAttachments(email.attachments);
    return {
      channelId: channel.id,
      channel: 'email' as const,
      from: { email: email.from },
      body: content.body,
      preview: replyPreview(content.body),
      bodyHtml: content.bodyHtml,
      received,
      refused,
      providerMessageId: await this.threads.providerMessageId(tx, email),
      senderAuthentication: email.authentication,
      actor: SENDGRID_ACTOR,
      // A machine's email (Auto-Submitted, Precedence: bulk, a list): answering it would loop.
      noAutoAnswer: email.automated ? ('auto_submitted' as const) : null,
    };
  }
}
