import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import { normalizePhone } from '@app/crypto';
import { TenantDb, type TenantTx, isUuid } from '@app/database';
import { channelNotFound, ChannelsError } from './channels.errors.js';
import type { CreateChannelInput, UpdateChannelInput } from './channel-schemas.js';
import type { ChannelView, EmailChannelView, SmsChannelView } from './channel-views.js';
import {
  type ChannelRecord,
  ChannelRepository,
  type SmsChannelConfig,
  type SmsChannelCredentials,
  DEFAULT_SMS_SEND_RATE,
} from './channel.repository.js';
import { EmailChannelAdmin } from './email/email-channel-admin.js';
import { emailOnlyFields } from './email/email-channel-schemas.js';
import { PublicChannelAdmin } from './webform/public-channel-admin.js';

/**
 * The channel registry of the current practice (tenant from the request context). Every
 * change is audited by field name; credentials go in encrypted and never come back out here.
 */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly db: TenantDb,
    private readonly channels: ChannelRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'PUBLIC_BASE_URL' | 'DEFAULT_PHONE_REGION'>,
    private readonly emailAdmin: EmailChannelAdmin,
    private readonly publicAdmin: PublicChannelAdmin,
  ) {}

  // Overloads: a caller creating one kind of channel gets that kind's view back.
  create(input: Extract<CreateChannelInput, { type: 'sms' }>): Promise<SmsChannelView>;
  create(input: Extract<CreateChannelInput, { type: 'email' }>): Promise<EmailChannelView>;
  create(input: CreateChannelInput): Promise<ChannelView>;
  create(input: CreateChannelInput): Promise<ChannelView> {
    if (input.type === 'webform' || input.type === 'chat') {
      const web = input;
      return this.db.transaction((tx) => this.publicAdmin.create(tx, web));
    }
    if (input.type === 'email') {
      const email = input;
      return this.db.transaction((tx) => this.emailAdmin.create(tx, email));
    }
    const config: SmsChannelConfig = {
      phoneNumber: this.phoneNumber(input.phoneNumber),
      twilioAccountSid: input.twilioAccountSid,
      messagingServiceSid: input.messagingServiceSid ?? null,
      sendRatePerSecond: input.sendRatePerSecond ?? DEFAULT_SMS_SEND_RATE,
    };
    const credentials: SmsChannelCredentials = { twilioAuthToken: input.twilioAuthToken };
    return this.db.transaction(async (tx) => {
      const record = await this.channels.insert(tx, {
        type: input.type,
        name: input.name,
        config,
        credentials,
      });
      this.audit.record(tx, {
        action: 'channel.created',
        target: { type: 'channel', id: record.id },
        metadata: { type: record.type },
      });
      return this.view(record);
    });
  }

  list(): Promise<ChannelView[]> {
    return this.db.transaction(async (tx) => (await this.channels.list(tx)).map((r) => this.view(r)));
  }

  get(id: string): Promise<ChannelView> {
    return this.db.transaction(async (tx) => this.view(await this.live(tx, id)));
  }

  update(id: string, patch: UpdateChannelInput): Promise<ChannelView> {
    return this.db.transaction(async (tx) => {
      const current = await this.live(tx, id);
      if (current.type === 'email') return this.emailAdmin.update(tx, current, patch);
      if (current.type === 'webform' || current.type === 'chat')
        return this.publicAdmin.update(tx, current, patch);
      const emailOnly = emailOnlyFields(patch);
      if (emailOnly.length > 0)
        throw ChannelsError.validation(
          emailOnly.map((path) => ({ path, message: 'applies to email channels only' })),
        );
      const config = current.config as unknown as SmsChannelConfig;
      const next: SmsChannelConfig = {
        phoneNumber:
          patch.phoneNumber === undefined ? config.phoneNumber : this.phoneNumber(patch.phoneNumber),
        twilioAccountSid: patch.twilioAccountSid ?? config.twilioAccountSid,
        messagingServiceSid:
          patch.messagingServiceSid === undefined ? config.messagingServiceSid : patch.messagingServiceSid,
        sendRatePerSecond: patch.sendRatePerSecond ?? config.sendRatePerSecond ?? DEFAULT_SMS_SEND_RATE,
      };
      const credentials: SmsChannelCredentials | undefined = patch.twilioAuthToken
        ? { twilioAuthToken: patch.twilioAuthToken }
        : undefined;
      const updated = await this.channels.update(tx, id, { name: patch.name, config: next, credentials });
      if (!updated) throw channelNotFound();
      this.audit.record(tx, {
        action: 'channel.updated',
        target: { type: 'channel', id },
        // Which fields, never their values (the token is a secret).
        metadata: { fields: Object.keys(patch).toSorted().join(',') },
      });
      return this.view(updated);
    });
  }

  /** Soft delete: inbound webhooks for it answer 404 from now on; its messages stay. */
  remove(id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      if (!isUuid(id) || !(await this.channels.softDelete(tx, id))) throw channelNotFound();
      this.audit.record(tx, { action: 'channel.deleted', target: { type: 'channel', id } });
    });
  }

  /** Absolute webhook URLs of a channel; the signature check rebuilds exactly these. */
  webhookUrls(id: string): { inbound: string; status: string } {
    const base = `${this.config.PUBLIC_BASE_URL}/webhooks/twilio/${id}`;
    return { inbound: `${base}/inbound`, status: `${base}/status` };
  }

  private async live(tx: TenantTx, id: string): Promise<ChannelRecord> {
    // Not a UUID -> not found (and no SQL cast error).
    const record = isUuid(id) ? await this.channels.get(tx, id) : null;
    if (!record) throw channelNotFound();
    return record;
  }

  private phoneNumber(raw: string): string {
    const phone = normalizePhone(raw, this.config.DEFAULT_PHONE_REGION);
    if (!phone)
      throw ChannelsError.validation([{ path: 'phoneNumber', message: 'must be a valid phone number' }]);
    return phone;
  }

  private view(record: ChannelRecord): ChannelView {
    if (record.type === 'email') return this.emailAdmin.view(record);
    if (record.type === 'webform' || record.type === 'chat') return this.publicAdmin.view(record);
    const config = record.config as unknown as SmsChannelConfig;
    return {
      id: record.id,
      type: 'sms',
      name: record.name,
      phoneNumber: config.phoneNumber,
      twilioAccountSid: config.twilioAccountSid,
      messagingServiceSid: config.messagingServiceSid ?? null,
      sendRatePerSecond: config.sendRatePerSecond ?? DEFAULT_SMS_SEND_RATE,
      createdAt: record.createdAt.toISOString(),
      updatedAt: record.updatedAt.toISOString(),
      webhooks: this.webhookUrls(record.id),
    };
  }
}
