import { Client } from '@sendgrid/client';
import type { AcceptedMessage } from '../delivery-status.js';
import {
  createSendGridClient,
  createSendGridMailer,
  type SendGridMailer,
} from './sendgrid-mailer.factory.js';

const TIMEOUT_MS = 15_000;
const MAX_MAILERS = 500;
/** How long an account's Enforced TLS, once set, is trusted before it is set again (someone may turn it off). */
const ENFORCED_TLS_TTL_MS = 10 * 60_000;

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
  /**
   * PHI in the body: the key's account must have Enforced TLS (SendGrid then drops the message
   * with a TLS block event rather than deliver it unencrypted). Enforced TLS is an account
   * setting, not one of a send, so such a key belongs to an account (or subuser) kept for PHI.
   * Absent: false (PHI-free mail: notices, account emails, alerts).
   */
  requireTls?: boolean;
}

/** SendGrid's Enforced TLS settings of an account (`/v3/user/settings/enforced_tls`). */
interface EnforcedTls {
  require_tls?: unknown;
  require_valid_cert?: unknown;
}

/** A key's SDK clients, and until when its account is known to enforce TLS. */
interface Account {
  mailer: SendGridMailer;
  client: Client;
  tlsEnforcedUntil: number;
}

/** Email through the real @sendgrid/mail SDK (pointed at `baseUrl` when set, e.g. the sandbox). */
export class SendGridEmailSender {
  private readonly accounts = new Map<string, Account>();

  constructor(private readonly options: { baseUrl?: string }) {}

  async send(request: SendGridEmailRequest): Promise<AcceptedMessage> {
    const account = this.account(request.apiKey);
    if (request.requireTls) await this.enforceTls(account);
    const [response] = await account.mailer.send({
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

  /**
   * Sets the account's Enforced TLS (TLS required, with a valid certificate) before PHI leaves
   * through it, and again after `ENFORCED_TLS_TTL_MS`. A failed call (a key without the
   * settings scope, SendGrid down) fails the send as the SDK's error, classified like any other:
   * PHI never goes out on an account we could not make require TLS.
   */
  private async enforceTls(account: Account): Promise<void> {
    if (account.tlsEnforcedUntil > Date.now()) return;
    const [, body] = await account.client.request({
      method: 'PATCH',
      url: '/v3/user/settings/enforced_tls',
      body: { require_tls: true, require_valid_cert: true },
    });
    const settings = body as EnforcedTls | undefined;
    if (settings?.require_tls !== true || settings.require_valid_cert !== true)
      throw new Error('SendGrid did not confirm Enforced TLS on the account');
    account.tlsEnforcedUntil = Date.now() + ENFORCED_TLS_TTL_MS;
  }

  private account(apiKey: string): Account {
    let account = this.accounts.get(apiKey);
    if (!account) {
      if (this.accounts.size >= MAX_MAILERS) this.accounts.delete(this.accounts.keys().next().value!);
      const options = { apiKey, baseUrl: this.options.baseUrl, timeoutMs: TIMEOUT_MS };
      // One client for the key: the mailer sets its timeout, which the settings call shares.
      const client = createSendGridClient(options);
      account = { mailer: createSendGridMailer(options, client), client, tlsEnforcedUntil: 0 };
      this.accounts.set(apiKey, account);
    }
    return account;
  }
}
