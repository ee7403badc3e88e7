import { Client } from '@sendgrid/client';
import { MailService } from '@sendgrid/mail';

export interface SendGridMailerOptions {
  apiKey: string;
  /** Replaces https://api.sendgrid.com, e.g. the sandbox `http://127.0.0.1:4010`. */
  baseUrl?: string;
  /** Per-request timeout in milliseconds (the SDK has none by default). */
  timeoutMs?: number;
}

export type SendGridMailer = MailService;

/**
 * A fresh `MailService` with its own `Client` (or the one given, for the same key), never the
 * SDK's module-level singletons, so channels with different API keys (and tests) cannot overwrite
 * each other's key or host. The timeout applies to every request of that client.
 */
export function createSendGridMailer(
  options: SendGridMailerOptions,
  client: Client = createSendGridClient(options),
): SendGridMailer {
  const mailer = new MailService();
  mailer.setClient(client);
  if (options.timeoutMs !== undefined) mailer.setTimeout(options.timeoutMs);
  return mailer;
}

/** A `Client` for one key (and host): the mailer's, or one of its own for the other v3 APIs. */
export function createSendGridClient(options: Pick<SendGridMailerOptions, 'apiKey' | 'baseUrl'>): Client {
  const client = new Client();
  client.setApiKey(options.apiKey);
  // setApiKey resets baseUrl to the region host, so the override must come after it.
  if (options.baseUrl) client.setDefaultRequest('baseUrl', options.baseUrl);
  return client;
}
