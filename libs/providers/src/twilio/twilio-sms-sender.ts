import type { AcceptedMessage } from '../delivery-status.js';
import { createTwilioClient, type TwilioClient } from './twilio-client.factory.js';
import { fromTwilioStatus } from './twilio-status.js';

const TIMEOUT_MS = 15_000;
const MAX_CLIENTS = 500;
/** Clock skew allowed between us and the provider when looking for an earlier send. */
const LOOKBACK_SKEW_MS = 5 * 60_000;

export interface TwilioSmsRequest {
  accountSid: string;
  authToken: string;
  from: string;
  messagingServiceSid: string | null;
  to: string;
  body: string;
  /** Twilio posts the message's status changes here. */
  statusCallback: string;
}

/** SMS through the real twilio SDK (pointed at `baseUrl` when set, e.g. the sandbox). */
export class TwilioSmsSender {
  /** One SDK client per account + token, reused (its HTTP agent keeps connections alive). */
  private readonly clients = new Map<string, TwilioClient>();

  constructor(private readonly options: { baseUrl?: string }) {}

  async send(request: TwilioSmsRequest): Promise<AcceptedMessage> {
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

  /** A message sent to `to` since `since` (less the clock skew) whose body satisfies `isOurs`. */
  async findSent(
    request: Pick<TwilioSmsRequest, 'accountSid' | 'authToken' | 'to' | 'from' | 'messagingServiceSid'>,
    since: Date,
    isOurs: (body: string) => boolean,
  ): Promise<AcceptedMessage | null> {
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

  private client(request: Pick<TwilioSmsRequest, 'accountSid' | 'authToken'>): TwilioClient {
    const key = `${request.accountSid}:${request.authToken}`;
    let client = this.clients.get(key);
    if (!client) {
      if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
      client = createTwilioClient({
        accountSid: request.accountSid,
        authToken: request.authToken,
        baseUrl: this.options.baseUrl,
        timeoutMs: TIMEOUT_MS,
      });
      this.clients.set(key, client);
    }
    return client;
  }
}
