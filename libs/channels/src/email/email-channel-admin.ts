import { createPublicKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import type { TenantTx } from '@app/database';
import { channelNotFound, ChannelsError } from '../channels.errors.js';
import { type ChannelRecord, ChannelRepository } from '../channel.repository.js';
import type { EmailChannelView } from '../channel-views.js';
import { type CreateEmailChannelInput, updateEmailChannelFields } from './email-channel-schemas.js';
import {
  type EmailChannelConfig,
  type EmailChannelCredentials,
  EmailChannels,
  eventsAuthSettings,
} from './email-channel.repository.js';
// The events URL secret is made and checked exactly as the inbound parse one.
import { newInboundSecret } from './inbound-secret.js';
import { type EventsAuthSettings, eventsAuthMode } from './sendgrid-events-auth.js';

export const INBOUND_SECRET_PLACEHOLDER = '{secret}';

/** Secrets issued by this answer (shown once); the rest show the placeholder. */
interface IssuedSecrets {
  inbound?: string;
  events?: string;
}

/** Fields an email channel's PATCH may carry (the generic PATCH body holds other types' fields too). */
const EMAIL_PATCH_FIELDS = ['name', ...Object.keys(updateEmailChannelFields)];

interface EmailChannelPatch {
  name?: string;
  eventWebhookPublicKey?: string | null;
  rotateEventsSecret?: true;
}

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
    // Every channel can authenticate its events from the start: by SendGrid's key, else by a URL secret.
    const events = input.eventWebhookPublicKey ? null : newInboundSecret();
    const config: EmailChannelConfig = {
      inboundAddress: input.inboundAddress,
      fromAddress: input.fromAddress,
      fromName: input.fromName ?? null,
      eventWebhookPublicKey: input.eventWebhookPublicKey
        ? checkedPublicKey(input.eventWebhookPublicKey)
        : null,
      eventsSecretHash: events ? events.hash.toString('base64') : null,
    };
    const credentials: EmailChannelCredentials = {
      sendgridApiKey: input.sendgridApiKey,
      ...(input.sendgridNoticeApiKey ? { sendgridNoticeApiKey: input.sendgridNoticeApiKey } : {}),
    };
    const record = await this.channels.insert(tx, { type: 'email', name: input.name, config, credentials });
    const inbound = newInboundSecret();
    await this.emailChannels.setInboundSecretHash(tx, record.id, inbound.hash);
    this.audit.record(tx, {
      action: 'channel.created',
      target: { type: 'channel', id: record.id },
      metadata: { type: record.type },
    });
    return this.view(record, { inbound: inbound.secret, events: events?.secret });
  }

  /**
   * PATCH of an email channel: rename, set or rotate SendGrid's public key (null drops it; when
   * it was the channel's only way, an events URL secret is issued), or rotate the
   * events URL secret. The SMS-shaped fields do not apply and are refused rather than written
   * into this channel's settings. Events read the settings per post, so a change applies to the
   * next post (the repository also drops the channel's cached facts on commit).
   */
  async update(tx: TenantTx, record: ChannelRecord, raw: object): Promise<EmailChannelView> {
    const fields = Object.keys(raw).filter((key) => (raw as Record<string, unknown>)[key] !== undefined);
    const other = fields.filter((key) => !EMAIL_PATCH_FIELDS.includes(key));
    if (other.length > 0) {
      throw ChannelsError.validation(
        other.map((path) => ({ path, message: 'does not apply to an email channel' })),
      );
    }
    const patch = raw as EmailChannelPatch;
    const current = record.config as unknown as EmailChannelConfig;
    const next: EmailChannelConfig = { ...current };
    if (patch.eventWebhookPublicKey !== undefined)
      next.eventWebhookPublicKey =
        patch.eventWebhookPublicKey === null ? null : checkedPublicKey(patch.eventWebhookPublicKey);
    // Dropping the only key must not leave the channel's events unauthenticated.
    const dropsLastWay =
      eventsAuthMode(eventsAuthSettings(next)) === 'none' &&
      eventsAuthMode(eventsAuthSettings(current)) !== 'none';
    const events = patch.rotateEventsSecret || dropsLastWay ? newInboundSecret() : null;
    if (events) next.eventsSecretHash = events.hash.toString('base64');
    const updated = await this.channels.update(tx, record.id, {
      name: patch.name,
      config: fields.some((key) => key !== 'name') ? next : undefined,
    });
    if (!updated) throw channelNotFound();
    this.audit.record(tx, {
      action: 'channel.updated',
      target: { type: 'channel', id: record.id },
      // Which fields, never their values.
      metadata: { fields: fields.toSorted().join(',') },
    });
    return this.view(updated, { events: events?.secret });
  }

  view(record: ChannelRecord, issued: IssuedSecrets = {}): EmailChannelView {
    const config = record.config as unknown as EmailChannelConfig;
    const auth = eventsAuthSettings(config);
    return {
      id: record.id,
      type: 'email',
      name: record.name,
      inboundAddress: config.inboundAddress,
      fromAddress: config.fromAddress,
      fromName: config.fromName ?? null,
      eventsSigned: auth.publicKey !== null,
      eventsAuth: eventsAuthMode(auth),
      createdAt: record.createdAt.toISOString(),
      updatedAt: record.updatedAt.toISOString(),
      webhooks: this.webhookUrls(record.id, {
        inbound: issued.inbound ?? INBOUND_SECRET_PLACEHOLDER,
        events: issued.events ?? eventsUrlSecret(auth),
      }),
    };
  }

  /** `events` null: the plain (signed) events URL. */
  webhookUrls(
    id: string,
    secrets: { inbound: string; events: string | null },
  ): { inboundParse: string; events: string } {
    const base = `${this.config.PUBLIC_BASE_URL}/webhooks/sendgrid/${id}`;
    return {
      inboundParse: `${base}/inbound/${secrets.inbound}`,
      events: secrets.events === null ? `${base}/events` : `${base}/events/${secrets.events}`,
    };
  }
}

/**
 * The secret segment the events URL shows when no secret was just issued: none for a signed
 * channel (its signature is enough, even where SendGrid still posts to an older secret URL) or
 * for one with no way at all (`eventsAuth: none` says so), the placeholder otherwise.
 */
function eventsUrlSecret(auth: EventsAuthSettings): string | null {
  return eventsAuthMode(auth) === 'url_secret' ? INBOUND_SECRET_PLACEHOLDER : null;
}

/** A P-256 public key in SendGrid's format (base64 DER SPKI), or a 400 naming the field only. */
function checkedPublicKey(base64: string): string {
  try {
    const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
      // The verifier (SendGrid's package) must read it too, or every event would be refused.
      new EventWebhook().convertPublicKeyToECDSA(base64);
      return base64;
    }
  } catch {
    // Falls through to the validation error.
  }
  throw ChannelsError.validation([
    { path: 'eventWebhookPublicKey', message: 'must be a base64 DER P-256 public key' },
  ]);
}
