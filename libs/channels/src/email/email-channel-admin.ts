import { createPublicKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import type { TenantTx } from '@app/database';
import { AppError } from '@app/observability';
import { type ChannelRecord, ChannelRepository } from '../channel.repository.js';
import type { CreateEmailChannelInput } from './email-channel-schemas.js';
import { type EmailChannelConfig, type EmailChannelCredentials, EmailChannels } from './email-channels.js';
import { newInboundSecret } from './inbound-secret.js';

/** What admins see of an email channel: settings and webhook URLs, never the API key. */
export interface EmailChannelView {
  id: string;
  type: 'email';
  name: string;
  inboundAddress: string;
  fromAddress: string;
  fromName: string | null;
  eventsSigned: boolean;
  createdAt: string;
  updatedAt: string;
  /**
   * Absolute URLs to configure at SendGrid. Only the creation answer carries the Inbound Parse
   * secret (it is stored hashed); later views show `{secret}` in its place.
   */
  webhooks: { inboundParse: string; events: string };
}

export const INBOUND_SECRET_PLACEHOLDER = '{secret}';

/** Creation and views of email channels, on behalf of ChannelsService (which audits nothing itself here). */
@Injectable()
export class EmailChannelAdmin {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly emailChannels: EmailChannels,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'PUBLIC_BASE_URL'>,
  ) {}

  async create(tx: TenantTx, input: CreateEmailChannelInput): Promise<EmailChannelView> {
    const config: EmailChannelConfig = {
      inboundAddress: input.inboundAddress,
      fromAddress: input.fromAddress,
      fromName: input.fromName ?? null,
      eventWebhookPublicKey: input.eventWebhookPublicKey
        ? checkedPublicKey(input.eventWebhookPublicKey)
        : null,
    };
    const credentials: EmailChannelCredentials = { sendgridApiKey: input.sendgridApiKey };
    const record = await this.channels.insert(tx, { type: 'email', name: input.name, config, credentials });
    const { secret, hash } = newInboundSecret();
    await this.emailChannels.setInboundSecretHash(tx, record.id, hash);
    this.audit.record(tx, {
      action: 'channel.created',
      target: { type: 'channel', id: record.id },
      metadata: { type: record.type },
    });
    return this.view(record, secret);
  }

  /**
   * PATCH of an email channel: renaming only for now; the SMS-shaped fields do not apply and are
   * refused rather than written into this channel's settings.
   */
  async update(tx: TenantTx, record: ChannelRecord, patch: object): Promise<EmailChannelView> {
    const fields = Object.keys(patch).filter((key) => (patch as Record<string, unknown>)[key] !== undefined);
    const other = fields.filter((key) => key !== 'name');
    if (other.length > 0) {
      throw AppError.validation(
        other.map((path) => ({ path, message: 'does not apply to an email channel' })),
      );
    }
    const name = (patch as { name?: string }).name;
    const updated = await this.channels.update(tx, record.id, { name });
    if (!updated) throw AppError.notFound('Channel');
    this.audit.record(tx, {
      action: 'channel.updated',
      target: { type: 'channel', id: record.id },
      metadata: { fields: fields.toSorted().join(',') },
    });
    return this.view(updated);
  }

  view(record: ChannelRecord, inboundSecret: string = INBOUND_SECRET_PLACEHOLDER): EmailChannelView {
    const config = record.config as unknown as EmailChannelConfig;
    return {
      id: record.id,
      type: 'email',
      name: record.name,
      inboundAddress: config.inboundAddress,
      fromAddress: config.fromAddress,
      fromName: config.fromName ?? null,
      eventsSigned: Boolean(config.eventWebhookPublicKey),
      createdAt: record.createdAt.toISOString(),
      updatedAt: record.updatedAt.toISOString(),
      webhooks: this.webhookUrls(record.id, inboundSecret),
    };
  }

  webhookUrls(id: string, inboundSecret: string): { inboundParse: string; events: string } {
    const base = `${this.config.PUBLIC_BASE_URL}/webhooks/sendgrid/${id}`;
    return { inboundParse: `${base}/inbound/${inboundSecret}`, events: `${base}/events` };
  }
}

/** A P-256 public key in SendGrid's format (base64 DER SPKI), or a 400 naming the field only. */
function checkedPublicKey(base64: string): string {
  try {
    const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')
      return base64;
  } catch {
    // Falls through to the validation error.
  }
  throw AppError.validation([
    { path: 'eventWebhookPublicKey', message: 'must be a base64 DER P-256 public key' },
  ]);
}
