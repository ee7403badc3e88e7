import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG, type CoreConfig } from '@app/config';
import type { TenantTx } from '@app/database';
import { channelNotFound, ChannelsError } from '../channels.errors.js';
import type { ChannelRecord } from '../channel.repository.js';
import type { PublicChannelView } from '../channel-views.js';
import {
  type CreatePublicChannelInput,
  type UpdatePublicChannelInput,
  updatePublicChannelSchema,
} from './public-channel-schemas.js';
import { type PublicChannelConfig, PublicChannels } from './public-channel.repository.js';

/** Admin side of web forms and chat widgets, called by ChannelsService for these two types. */
@Injectable()
export class PublicChannelAdmin {
  constructor(
    private readonly channels: PublicChannels,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<CoreConfig, 'PUBLIC_BASE_URL'>,
  ) {}

  async create(tx: TenantTx, input: CreatePublicChannelInput): Promise<PublicChannelView> {
    const created = await this.channels.insert(tx, input);
    this.audit.record(tx, {
      action: 'channel.created',
      target: { type: 'channel', id: created.id },
      metadata: { type: input.type },
    });
    const { createdAt, updatedAt } = await this.channels.timestamps(tx, created.id);
    return this.view({
      id: created.id,
      type: input.type,
      name: input.name,
      config: { allowedOrigins: created.allowedOrigins, publicKey: created.publicKey },
      createdAt,
      updatedAt,
      deletedAt: null,
    });
  }

  /** `patch` is the generic admin patch; it must fit this channel type's schema. */
  async update(tx: TenantTx, current: ChannelRecord, raw: unknown): Promise<PublicChannelView> {
    const parsed = updatePublicChannelSchema.safeParse(raw);
    if (!parsed.success)
      throw ChannelsError.validation(
        parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
      );
    const patch: UpdatePublicChannelInput = parsed.data;
    const config = current.config as unknown as PublicChannelConfig;
    const next: PublicChannelConfig = {
      ...config,
      allowedOrigins: patch.allowedOrigins ?? config.allowedOrigins,
    };
    const row = await this.channels.update(tx, current.id, { name: patch.name ?? null, config: next });
    if (!row) throw channelNotFound();
    this.audit.record(tx, {
      action: 'channel.updated',
      target: { type: 'channel', id: current.id },
      metadata: { fields: Object.keys(patch).toSorted().join(',') },
    });
    return this.view({
      ...current,
      name: row.name,
      config: next as unknown as Record<string, unknown>,
      updatedAt: row.updatedAt,
    });
  }

  view(
    record: Pick<ChannelRecord, 'id' | 'type' | 'name' | 'config' | 'createdAt' | 'updatedAt' | 'deletedAt'>,
  ): PublicChannelView {
    const config = record.config as unknown as PublicChannelConfig;
    const base = {
      id: record.id,
      name: record.name,
      allowedOrigins: config.allowedOrigins ?? [],
      createdAt: record.createdAt.toISOString(),
      updatedAt: record.updatedAt.toISOString(),
    };
    if (record.type === 'chat')
      return {
        ...base,
        type: 'chat',
        widgetKey: config.publicKey,
        widgetScriptUrl: `${this.config.PUBLIC_BASE_URL}/chat/widget.js`,
      };
    return {
      ...base,
      type: 'webform',
      formKey: config.publicKey,
      submitUrl: `${this.config.PUBLIC_BASE_URL}/v1/public/forms/${config.publicKey}/submissions`,
    };
  }
}
