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
 * A fresh `MailService` with its own `Client`, never the SDK's module-level singletons,
 * so channels with different API keys (and tests) cannot overwrite each other's key or host.
 */
export function createSendGridMailer(options: SendGridMailerOptions): SendGridMailer {
  const client = new Client();
  client.setApiKey(options.apiKey);
  // setApiKey resets baseUrl to the region host, so the override must come after it.
  if (options.baseUrl) client.setDefaultRequest('baseUrl', options.baseUrl);
  const mailer = new MailService();
  mailer.setClient(client);
  if (options.timeoutMs !== undefined) mailer.setTimeout(options.timeoutMs);
  return mailer;
}
