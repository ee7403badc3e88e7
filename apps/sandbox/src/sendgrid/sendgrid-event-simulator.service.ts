import { Injectable, Logger } from '@nestjs/common';
import { sendGridId } from '../common/ids.js';
import { SandboxSettings } from '../common/sandbox-settings.service.js';
import type { SentEmail } from '../common/sent-messages.js';
import { ShutdownSignal } from '../common/shutdown-signal.js';
import { isAbortError, sleep } from '../common/sleep.js';
import { WebhookSender } from '../common/webhook-sender.service.js';
import { type EventWebhookSettings, EventWebhookSettingsStore } from './event-webhook-settings.service.js';
import { EventWebhookSigner, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './event-webhook-signer.service.js';
import { type EmailOutcome, outcomeFor, TLS_REQUIRED_REASON, takesTls } from './sendgrid-magic-recipients.js';

export type SendGridEvent = Record<string, unknown> & { event: string; email: string };

/**
 * Plays what SendGrid does after accepting a send: each recipient is processed and then
 * delivered (or bounced/dropped, see the magic recipients), and the account's Event Webhook,
 * when enabled, receives the events as one JSON array, signed when signing is on.
 */
@Injectable()
export class SendGridEventSimulator {
  private readonly logger = new Logger(SendGridEventSimulator.name);

  constructor(
    private readonly settings: SandboxSettings,
    private readonly webhookSettings: EventWebhookSettingsStore,
    private readonly signer: EventWebhookSigner,
    private readonly webhooks: WebhookSender,
    private readonly shutdown: ShutdownSignal,
  ) {}

  start(apiKey: string, messageId: string, emails: SentEmail[]): void {
    this.run(apiKey, messageId, emails).catch((err: unknown) => {
      if (!isAbortError(err)) this.logger.error(`Events of ${messageId} stopped: ${String(err)}`);
    });
  }

  private async run(apiKey: string, messageId: string, emails: SentEmail[]): Promise<void> {
    await sleep(this.settings.callbackDelayMs, this.shutdown.signal);
    const now = new Date();
    const events = buildEvents(messageId, emails, now);
    for (const email of emails) {
      email.status = outcomeFor(email.to, email.tlsRequired);
      if (email.status === 'delivered') email.transport = takesTls(email.to) ? 'tls' : 'plaintext';
      email.updatedAt = now;
    }
    // Read at post time, like SendGrid: a webhook enabled after the send still gets its events.
    const settings = this.webhookSettings.get(apiKey);
    const wanted = events.filter((e) => isWanted(settings, e.event));
    if (!settings.enabled || !settings.url || wanted.length === 0) return;

    const body = JSON.stringify(wanted);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'SendGrid Event API',
    };
    if (this.webhookSettings.isSigned(apiKey)) {
      const { signature, timestamp } = this.signer.sign(body, now);
      headers[SIGNATURE_HEADER] = signature;
      headers[TIMESTAMP_HEADER] = timestamp;
    }
    await this.webhooks.deliver({ label: `sendgrid events ${messageId}`, url: settings.url, headers, body });
  }
}

function isWanted(settings: EventWebhookSettings, event: string): boolean {
  return (settings as unknown as Record<string, unknown>)[event] === true;
}

/** All `processed` events first, then each recipient's outcome, as SendGrid reports them. */
export function buildEvents(messageId: string, emails: SentEmail[], now: Date): SendGridEvent[] {
  const timestamp = Math.floor(now.getTime() / 1000);
  const processed: SendGridEvent[] = [];
  const outcomes: SendGridEvent[] = [];
  emails.forEach((email, index) => {
    const sgMessageId = `${messageId}.filterdrecv-sandbox-${index}-${timestamp.toString(16).toUpperCase()}-0.0`;
    for (const address of [...email.recipients, ...email.cc, ...email.bcc]) {
      // Custom args first, so they can never overwrite the event's own fields.
      const base = {
        ...email.customArgs,
        email: address,
        timestamp,
        'smtp-id': `<${messageId}@sandbox.sendgrid.local>`,
        sg_message_id: sgMessageId,
        ...categoryField(email.categories),
      };
      const outcome = outcomeFor(address, email.tlsRequired);
      if (outcome !== 'dropped') processed.push({ ...base, event: 'processed', sg_event_id: sendGridId() });
      outcomes.push({ ...base, ...outcomeFields(outcome, takesTls(address)), sg_event_id: sendGridId() });
    }
  });
  return [...processed, ...outcomes];
}

function categoryField(categories: string[]): { category?: string | string[] } {
  if (categories.length === 0) return {};
  return { category: categories.length === 1 ? categories[0] : categories };
}

function outcomeFields(outcome: EmailOutcome, tls: boolean): Record<string, unknown> & { event: string } {
  switch (outcome) {
    case 'delivered':
      return { event: 'delivered', response: '250 OK', ip: '127.0.0.1', tls: tls ? 1 : 0 };
    case 'blocked':
      // Enforced TLS: SendGrid drops the message and sends a block event with this description.
      return {
        event: 'bounce',
        type: 'blocked',
        reason: TLS_REQUIRED_REASON,
        status: '5.0.0',
        bounce_classification: 'Technical',
        ip: '127.0.0.1',
        tls: 0,
      };
    case 'bounce':
      return {
        event: 'bounce',
        type: 'bounce',
        status: '5.1.1',
        reason: '550 5.1.1 The email account that you tried to reach does not exist.',
        bounce_classification: 'Invalid Address',
        ip: '127.0.0.1',
        tls: 1,
      };
    case 'dropped':
      return { event: 'dropped', reason: 'Bounced Address', status: '5.0.0' };
  }
}
