import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { ChannelSchema } from '../channel.entity.js';
import { ChannelRepository } from '../channel.repository.js';
import type { EventsAuthSettings } from './sendgrid-events-auth.js';

/** Non-secret settings of an email channel (the practice's own addresses are not PHI). */
export interface EmailChannelConfig {
  inboundAddress: string;
  fromAddress: string;
  fromName: string | null;
  /** Public by nature; kept in config so the admin view can say whether events are signed. */
  eventWebhookPublicKey: string | null;
  /**
   * Base64 SHA-256 of the secret in the events URL (the secret itself is never stored). Absent on
   * channels created before events were always authenticated.
   */
  eventsSecretHash?: string | null;
}

/** How the channel's Event Webhook posts are authenticated, from its settings. */
export function eventsAuthSettings(config: EmailChannelConfig): EventsAuthSettings {
  return {
    publicKey: config.eventWebhookPublicKey || null,
    eventsSecretHash: config.eventsSecretHash ? Buffer.from(config.eventsSecretHash, 'base64') : null,
  };
}

/** Secrets of an email channel, encrypted as one blob. */
export interface EmailChannelCredentials {
  /** The account plain PHI email leaves through (Enforced TLS). */
  sendgridApiKey: string;
  /** A second account without Enforced TLS, for PHI-free email; absent: `sendgridApiKey` sends it too. */
  sendgridNoticeApiKey?: string;
}

/** An email channel's settings and the keys its mail leaves through. */
export interface EmailSender {
  config: EmailChannelConfig;
  /** Plain PHI email: an account with Enforced TLS. */
  apiKey: string;
  /** PHI-free email (notices, requests, codes): an account without Enforced TLS, else `apiKey`. */
  noticeApiKey: string;
}

/** An email channel with what webhooks need; never sent to a client. */
export interface EmailChannel {
  id: string;
  config: EmailChannelConfig;
  inboundSecretHash: Buffer | null;
  deleted: boolean;
}

/**
 * Email channels: ChannelRepository's record read as an email channel, and the inbound-parse
 * secret's hash, a column of channels only this type has.
 */
@Injectable()
export class EmailChannels {
  constructor(private readonly channels: ChannelRepository) {}

  async load(
    tx: TenantTx,
    id: string,
    options: { includeDeleted?: boolean } = {},
  ): Promise<EmailChannel | null> {
    const record = await this.channels.get(tx, id, options);
    if (!record || record.type !== 'email') return null;
    const [row] = await tx.query<{ inbound_secret_hash: Buffer | null }>(
      `SELECT inbound_secret_hash FROM channels WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id],
    );
    return {
      id,
      config: record.config as unknown as EmailChannelConfig,
      inboundSecretHash: row?.inbound_secret_hash ?? null,
      deleted: record.deletedAt !== null,
    };
  }

  /** The channel with its API keys, for sending; null when deleted or without credentials. */
  async sender(tx: TenantTx, id: string): Promise<EmailSender | null> {
    const record = await this.channels.get(tx, id);
    if (!record || record.type !== 'email') return null;
    const credentials = await this.channels.credentials<EmailChannelCredentials>(tx, id);
    if (!credentials?.sendgridApiKey) return null;
    return {
      config: record.config as unknown as EmailChannelConfig,
      apiKey: credentials.sendgridApiKey,
      noticeApiKey: credentials.sendgridNoticeApiKey ?? credentials.sendgridApiKey,
    };
  }

  async setInboundSecretHash(tx: TenantTx, id: string, hash: Buffer): Promise<void> {
    await tx
      .repository(ChannelSchema)
      .update({ id }, { inbound_secret_hash: hash, updated_at: () => 'now()' });
  }
}
