import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import {
  ChannelRepository,
  DEFAULT_SMS_SEND_RATE,
  type SmsChannelConfig,
  type SmsChannelCredentials,
} from '../channel.repository.js';

/** An SMS channel with its secrets, for webhook checks and provider calls; never sent to a client. */
export interface SmsChannel {
  id: string;
  phoneNumber: string;
  accountSid: string;
  authToken: string;
  messagingServiceSid: string | null;
  sendRatePerSecond: number;
  deleted: boolean;
}

@Injectable()
export class SmsChannels {
  constructor(private readonly channels: ChannelRepository) {}

  /** `includeDeleted`: status callbacks about messages sent before the channel was deleted still count. */
  async load(
    tx: TenantTx,
    id: string,
    options: { includeDeleted?: boolean } = {},
  ): Promise<SmsChannel | null> {
    const record = await this.channels.get(tx, id, options);
    if (!record || record.type !== 'sms') return null;
    const credentials = await this.channels.credentials<SmsChannelCredentials>(tx, id);
    if (!credentials?.twilioAuthToken) return null;
    const config = record.config as unknown as SmsChannelConfig;
    return {
      id,
      phoneNumber: config.phoneNumber,
      accountSid: config.twilioAccountSid,
      authToken: credentials.twilioAuthToken,
      messagingServiceSid: config.messagingServiceSid ?? null,
      sendRatePerSecond: config.sendRatePerSecond ?? DEFAULT_SMS_SEND_RATE,
      deleted: record.deletedAt !== null,
    };
  }
}
