import { Inject, Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import type { DispatchMessage, OpenAttempt } from '../outbound/dispatch-read.js';
import { OutboundMessages } from '../outbound/outbound-messages.js';
import type { Answer, Send } from './dispatch-steps.js';
import { hashLinkToken, linkTokensIn } from './link-tokens.js';
import { OutgoingLinks } from './outgoing-links.repository.js';
import type { Outgoing } from './outgoing-content.js';
import { carriesOneTimeCode } from './portal-codes.js';
import { classifySendError } from './send-errors.js';
import type { SenderChannel } from './sender-credentials.js';
import { type Accepted, EMAIL_SENDER, type EmailSender, SMS_SENDER, type SmsSender } from './senders.js';

/** Staff's own text on the plain route: the only outgoing content that carries PHI. */
const carriesPhi = (kind: DispatchMessage['kind'], route: Outgoing['route']): boolean =>
  kind === 'message' && route === 'plain';

/** Resolves at `at` (epoch ms), at once if that has passed. */
const untilSlot = (at: number): Promise<void> =>
  at > Date.now() ? new Promise((resolve) => setTimeout(resolve, at - Date.now())) : Promise.resolve();

/** The calls to the providers: a send at its rate-limit slot, and the lookup of an earlier attempt. */
@Injectable()
export class ProviderCalls {
  constructor(
    private readonly outbound: OutboundMessages,
    private readonly links: OutgoingLinks,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(EMAIL_SENDER) private readonly email: EmailSender,
  ) {}

  /** One provider call, at its rate-limit slot; a failure comes back classified, never thrown. */
  send(tenantId: string, { message, outgoing, sender, sendAt }: Send): Promise<Answer> {
    return untilSlot(sendAt)
      .then(() => this.request(tenantId, { message, outgoing, sender }))
      .then(
        (accepted): Answer => ({ accepted }),
        (err: unknown): Answer => ({ failure: classifySendError(sender.kind, err) }),
      );
  }

  /**
   * The provider lookup for an earlier attempt, its facts read in the batch's transaction. Email
   * carries our id. SMS does not: our text is recognised. A plain body is ours if equal; a notice
   * or a request is ours if it carries a link token minted for this message; a portal code
   * message if it carries the code minted for it.
   */
  async lookup(
    tx: TenantTx,
    message: DispatchMessage,
    open: OpenAttempt,
    sender: SenderChannel,
  ): Promise<() => Promise<Accepted | null>> {
    if (sender.kind === 'email') {
      // The account the attempt went through: its route is the message's (a reroute and the
      // attempt are written in one transaction).
      const apiKey = carriesPhi(message.kind, message.route ?? 'secure_link')
        ? sender.apiKey
        : sender.noticeApiKey;
      return () => this.email.findSent({ apiKey, messageId: message.id });
    }
    const tokenHashes = await this.links.linkTokenHashes(tx, message.id);
    // A reply's or an auto-reply's stored text is recognised as is.
    const body =
      message.kind === 'message' || message.template === 'auto_reply'
        ? await this.outbound.body(tx, message)
        : null;
    const isOurCode = carriesOneTimeCode(message.template)
      ? await this.links.oneTimeCodeMatcher(tx, message.id)
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

  private request(
    tenantId: string,
    { message, outgoing, sender }: Pick<Send, 'message' | 'outgoing' | 'sender'>,
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
    const phi = carriesPhi(message.kind, outgoing.route);
    return this.email.send({
      // Plain PHI leaves only through the account with Enforced TLS; notices and system texts
      // carry none, so they never require TLS (a server without it still gets the notice).
      apiKey: phi ? sender.apiKey : sender.noticeApiKey,
      requireTls: phi,
      from: { email: sender.config.fromAddress, name: sender.config.fromName },
      replyTo: outgoing.replyTo,
      headers: outgoing.headers,
      to: message.address,
      subject: outgoing.subject!,
      text: outgoing.text,
      messageId: message.id,
      tenantId,
    });
  }
}
