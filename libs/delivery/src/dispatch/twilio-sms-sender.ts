import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { createTwilioClient, fromTwilioStatus, type TwilioClient } from '@app/providers';
import type { Accepted, SmsSendRequest, SmsSender } from './senders.js';

const TIMEOUT_MS = 15_000;
const MAX_CLIENTS = 500;
/** Clock skew allowed between us and the provider when looking for an earlier send. */
const LOOKBACK_SKEW_MS = 5 * 60_000;

/** SMS through the real twilio SDK (pointed at TWILIO_API_BASE_URL when set). */
@Injectable()
export class TwilioSmsSender implements SmsSender {
  /** One SDK client per account + token, reused (its HTTP agent keeps connections alive). */
  private readonly clients = new Map<string, TwilioClient>();

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'TWILIO_API_BASE_URL'>) {}

  async send(request: SmsSendRequest): Promise<Accepted> {
    const message = await this.client(request).messages.create({
      to: request.to,
      body: request.body,
      statusCallback: request.statusCallback,
      ...(request.messagingServiceSid
        ? { messagingServiceSid: request.messagingServiceSid }
        : { from: request.from }),
    });
    return { providerMessageId: message.sid, status: fromTwilioStatus(message.status) ?? 'queued' };
  }

  async findSent(
    request: Pick<SmsSendRequest, 'accountSid' | 'authToken' | 'to' | 'from' | 'messagingServiceSid'>,
    since: Date,
    isOurs: (body: string) => boolean,
  ): Promise<Accepted | null> {
    const sent = await this.client(request).messages.list({
      to: request.to,
      // A Messaging Service picks the sender itself: filter by recipient only.
      ...(request.messagingServiceSid ? {} : { from: request.from }),
      dateSentAfter: new Date(since.getTime() - LOOKBACK_SKEW_MS),
      limit: 200,
    });
    const ours = sent.find((m) => m.direction !== 'inbound' && isOurs(m.body ?? ''));
    return ours ? { providerMessageId: ours.sid, status: fromTwilioStatus(ours.status) ?? 'queued' } : null;
  }

  private client(request: Pick<SmsSendRequest, 'accountSid' | 'authToken'>): TwilioClient {
    const key = `${request.accountSid}:${request.authToken}`;
    let client = this.clients.get(key);
    if (!client) {
      if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
      client = createTwilioClient({
        accountSid: request.accountSid,
        authToken: request.authToken,
        baseUrl: this.config.TWILIO_API_BASE_URL,
        timeoutMs: TIMEOUT_MS,
      });
      this.clients.set(key, client);
    }
    return client;
  }
}
