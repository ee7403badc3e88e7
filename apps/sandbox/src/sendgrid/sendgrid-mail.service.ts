import { Injectable } from '@nestjs/common';
import { FaultInjector } from '../common/fault-injector.service.js';
import { sendGridId } from '../common/ids.js';
import { MessageLog } from '../common/message-log.service.js';
import { SandboxSettings } from '../common/sandbox-settings.service.js';
import type { SentEmail } from '../common/sent-messages.js';
import { sleep } from '../common/sleep.js';
import { type MailSendRequest, parseMailSendBody, roughRecipients } from './mail-send-request.js';
import { injectedSendGridFault } from './sendgrid-api-error.js';
import { EnforcedTlsStore } from './enforced-tls-settings.service.js';
import { apiKeyFrom } from './sendgrid-auth.js';
import { SendGridEventSimulator } from './sendgrid-event-simulator.service.js';

export type MailSendResult = { accepted: true; messageId: string } | { accepted: false; sandboxMode: true };

/** SendGrid's `POST /v3/mail/send`, in memory. */
@Injectable()
export class SendGridMailService {
  constructor(
    private readonly log: MessageLog,
    private readonly faults: FaultInjector,
    private readonly settings: SandboxSettings,
    private readonly events: SendGridEventSimulator,
    private readonly enforcedTls: EnforcedTlsStore,
  ) {}

  async send(authorization: string | undefined, body: unknown): Promise<MailSendResult> {
    const apiKey = apiKeyFrom(authorization);
    await sleep(this.settings.responseDelayMs);
    const fault = this.faults.take('sendgrid', roughRecipients(body));
    if (fault) throw injectedSendGridFault(fault);

    const request = parseMailSendBody(body);
    if (request.sandboxMode) return { accepted: false, sandboxMode: true };

    const messageId = sendGridId();
    // Read at send time, as SendGrid applies the account's setting to the message it accepts.
    const emails = toSentEmails(messageId, request, new Date(), this.enforcedTls.requiresTls(apiKey));
    for (const email of emails) this.log.add(email);
    this.events.start(apiKey, messageId, emails);
    return { accepted: true, messageId };
  }
}

/** One record per personalization, with the top-level custom args under its own. */
function toSentEmails(
  messageId: string,
  request: MailSendRequest,
  now: Date,
  tlsRequired: boolean,
): SentEmail[] {
  return request.personalizations.map((p, index) => ({
    provider: 'sendgrid',
    id: request.personalizations.length === 1 ? messageId : `${messageId}.${index}`,
    messageId,
    to: p.to[0]?.email ?? '',
    recipients: p.to.map((a) => a.email),
    cc: p.cc.map((a) => a.email),
    bcc: p.bcc.map((a) => a.email),
    from: request.from.email,
    fromName: request.from.name,
    replyTo: request.replyTo?.email ?? null,
    subject: p.subject ?? request.subject,
    text: request.text,
    html: request.html,
    templateId: request.templateId,
    customArgs: { ...request.customArgs, ...p.customArgs },
    categories: request.categories,
    headers: request.headers,
    attachments: request.attachments,
    tlsRequired,
    transport: null,
    status: 'processed',
    createdAt: now,
    updatedAt: now,
  }));
}
