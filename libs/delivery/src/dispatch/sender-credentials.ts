import { Injectable } from '@nestjs/common';
import { EmailChannels, type EmailChannelConfig, type SmsChannel, SmsChannels } from '@app/channels';
import type { TenantTx } from '@app/database';
import type { DispatchMessage } from '../outbound/dispatch-read.js';

/** The practice's channel a message leaves from, with what its provider call needs. */
export type SenderChannel =
  | { kind: 'sms'; channel: SmsChannel }
  /** `apiKey`: plain PHI email (Enforced TLS); `noticeApiKey`: everything else. */
  | { kind: 'email'; id: string; config: EmailChannelConfig; apiKey: string; noticeApiKey: string };

/** Loads a message's sender channel and its credentials at send time. */
@Injectable()
export class SenderCredentials {
  constructor(
    private readonly smsChannels: SmsChannels,
    private readonly emailChannels: EmailChannels,
  ) {}

  /** Null when the channel is gone (deleted since the message was accepted). */
  async of(tx: TenantTx, message: DispatchMessage): Promise<SenderChannel | null> {
    if (message.channel === 'sms') {
      const channel = await this.smsChannels.load(tx, message.senderChannelId);
      return channel ? { kind: 'sms', channel } : null;
    }
    const email = await this.emailChannels.sender(tx, message.senderChannelId);
    return email ? { kind: 'email', id: message.senderChannelId, ...email } : null;
  }
}
