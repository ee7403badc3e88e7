import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@sendgrid/client';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { createSendGridMailer, type SendGridMailer } from '@app/providers';
import type { Accepted, EmailSendRequest, EmailSender } from './senders.js';

const TIMEOUT_MS = 15_000;
const MAX_MAILERS = 500;

/** Email through the real @sendgrid/mail SDK (pointed at SENDGRID_API_BASE_URL when set). */
@Injectable()
export class SendGridEmailSender implements EmailSender {
  private readonly mailers = new Map<string, SendGridMailer>();

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'SENDGRID_API_BASE_URL'>) {}

  async send(request: EmailSendRequest): Promise<Accepted> {
    const [response] = await this.mailer(request.apiKey).send({
      to: request.to,
      from: { email: request.from.email, name: request.from.name ?? undefined },
      ...(request.replyTo ? { replyTo: request.replyTo } : {}),
      subject: request.subject,
      text: request.text,
      // Our id comes back in every Event Webhook event and is searchable in the Activity API.
      customArgs: { messageId: request.messageId, tenantId: request.tenantId },
      trackingSettings: { clickTracking: { enable: false }, openTracking: { enable: false } },
    });
    const id = response.headers['x-message-id'];
    return { providerMessageId: typeof id === 'string' ? id : request.messageId, status: 'sent' };
  }

  /** SendGrid's Email Activity API, by our message id (custom arg). */
  async findSent(request: Pick<EmailSendRequest, 'apiKey' | 'messageId'>): Promise<Accepted | null> {
    const client = new Client();
    client.setApiKey(request.apiKey);
    if (this.config.SENDGRID_API_BASE_URL)
      client.setDefaultRequest('baseUrl', this.config.SENDGRID_API_BASE_URL);
    const [, body] = await client.request({
      method: 'GET',
      url: '/v3/messages',
      qs: { query: `unique_args['messageId']="${request.messageId}"`, limit: 1 },
    });
    const found = (body as { messages?: Array<{ msg_id?: unknown }> }).messages?.[0];
    return typeof found?.msg_id === 'string' ? { providerMessageId: found.msg_id, status: 'sent' } : null;
  }

  private mailer(apiKey: string): SendGridMailer {
    let mailer = this.mailers.get(apiKey);
    if (!mailer) {
      if (this.mailers.size >= MAX_MAILERS) this.mailers.delete(this.mailers.keys().next().value!);
      mailer = createSendGridMailer({
        apiKey,
        baseUrl: this.config.SENDGRID_API_BASE_URL,
        timeoutMs: TIMEOUT_MS,
      });
      this.mailers.set(apiKey, mailer);
    }
    return mailer;
  }
}
