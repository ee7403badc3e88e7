import { Client } from '@sendgrid/client';
import type { AcceptedMessage } from '../delivery-status.js';
import { createSendGridMailer, type SendGridMailer } from './sendgrid-mailer.factory.js';

const TIMEOUT_MS = 15_000;
const MAX_MAILERS = 500;

export interface SendGridEmailRequest {
  apiKey: string;
  from: { email: string; name: string | null };
  replyTo: string | null;
  /** Extra headers (In-Reply-To, References): threading only, never content. */
  headers: Record<string, string> | null;
  to: string;
  subject: string;
  text: string;
  /** Our message id: echoed back by the Event Webhook and searchable in the Activity API. */
  messageId: string;
  tenantId: string;
}

/** Email through the real @sendgrid/mail SDK (pointed at `baseUrl` when set, e.g. the sandbox). */
export class SendGridEmailSender {
  private readonly mailers = new Map<string, SendGridMailer>();

  constructor(private readonly options: { baseUrl?: string }) {}

  async send(request: SendGridEmailRequest): Promise<AcceptedMessage> {
    const [response] = await this.mailer(request.apiKey).send({
      to: request.to,
      from: { email: request.from.email, name: request.from.name ?? undefined },
      ...(request.replyTo ? { replyTo: request.replyTo } : {}),
      ...(request.headers ? { headers: request.headers } : {}),
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
  async findSent(
    request: Pick<SendGridEmailRequest, 'apiKey' | 'messageId'>,
  ): Promise<AcceptedMessage | null> {
    const client = new Client();
    client.setApiKey(request.apiKey);
    if (this.options.baseUrl) client.setDefaultRequest('baseUrl', this.options.baseUrl);
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
      mailer = createSendGridMailer({ apiKey, baseUrl: this.options.baseUrl, timeoutMs: TIMEOUT_MS });
      this.mailers.set(apiKey, mailer);
    }
    return mailer;
  }
}
