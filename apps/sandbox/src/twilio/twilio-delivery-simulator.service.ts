import { Injectable, Logger } from '@nestjs/common';
import { SandboxSettings } from '../common/sandbox-settings.service.js';
import type { SentSms } from '../common/sent-messages.js';
import { ShutdownSignal } from '../common/shutdown-signal.js';
import { isAbortError, sleep } from '../common/sleep.js';
import { WebhookSender } from '../common/webhook-sender.service.js';
import { type DeliveryStep, deliveryStepsFor, MESSAGING_SERVICE_SENDER } from './twilio-magic-numbers.js';
import { API_VERSION } from './twilio-message-json.js';
import { signedTwilioForm } from './twilio-signing.js';

/**
 * Plays a message's carrier life after it was accepted: status changes (sent, delivered, or a
 * scripted failure) and, when a StatusCallback was given, Twilio's signed callback for each one.
 */
@Injectable()
export class TwilioDeliverySimulator {
  private readonly logger = new Logger(TwilioDeliverySimulator.name);

  constructor(
    private readonly settings: SandboxSettings,
    private readonly webhooks: WebhookSender,
    private readonly shutdown: ShutdownSignal,
  ) {}

  /** Runs in the background; the create request has already been answered. */
  start(message: SentSms, authToken: string): void {
    this.run(message, authToken).catch((err: unknown) => {
      if (!isAbortError(err)) this.logger.error(`Delivery of ${message.id} stopped: ${String(err)}`);
    });
  }

  private async run(message: SentSms, authToken: string): Promise<void> {
    for (const step of deliveryStepsFor(message.to)) {
      await sleep(this.settings.callbackDelayMs, this.shutdown.signal);
      applyStep(message, step);
      if (message.statusCallback) {
        // Awaited, so a receiver always sees `sent` before `delivered`.
        await this.webhooks.deliver({
          label: `twilio status callback ${message.id} (${step.status})`,
          url: message.statusCallback,
          ...signedTwilioForm(message.statusCallback, statusCallbackParams(message), authToken),
        });
      }
    }
  }
}

function applyStep(message: SentSms, step: DeliveryStep): void {
  const now = new Date();
  message.status = step.status;
  message.updatedAt = now;
  message.from ??= MESSAGING_SERVICE_SENDER;
  if (step.status === 'sent') message.sentAt = now;
  if (step.errorCode !== undefined) {
    message.errorCode = step.errorCode;
    message.errorMessage = step.errorMessage ?? null;
  }
}

/** The fields Twilio posts to a StatusCallback for an outbound message. */
export function statusCallbackParams(message: SentSms): Record<string, string> {
  const params: Record<string, string> = {
    SmsSid: message.id,
    SmsStatus: message.status,
    MessageStatus: message.status,
    To: message.to,
    From: message.from ?? '',
    MessageSid: message.id,
    AccountSid: message.accountSid,
    ApiVersion: API_VERSION,
  };
  if (message.messagingServiceSid) params.MessagingServiceSid = message.messagingServiceSid;
  if (message.errorCode !== null) params.ErrorCode = String(message.errorCode);
  if (message.status === 'delivered' || message.status === 'undelivered') {
    params.RawDlrDoneDate = rawDlrDoneDate(message.updatedAt);
  }
  return params;
}

/** The carrier's delivery-receipt time, YYMMDDhhmm in UTC, as Twilio forwards it. */
function rawDlrDoneDate(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(2, 12);
}
