import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import { RoutedDb, type TenantTx } from '@app/database';
import { IsNull } from 'typeorm';
import { ChannelCache } from './channel-cache.js';
import { type ChannelEntity, ChannelSchema, type ChannelType } from './channel.entity.js';
import { ChannelRouteSchema } from './channel-route.entity.js';

export type { ChannelType } from './channel.entity.js';

/** Non-secret settings of an SMS channel (kept as jsonb: the practice's own number is not PHI). */
export interface SmsChannelConfig {
  phoneNumber: string;
  twilioAccountSid: string;
  messagingServiceSid: string | null;
  /** Absent in channels created before it existed: DEFAULT_SMS_SEND_RATE. */
  sendRatePerSecond?: number;
}

/** A long code's sending rate unless the channel says otherwise. */
export const DEFAULT_SMS_SEND_RATE = 1;

/** Secrets of an SMS channel, encrypted as one blob. */
export interface SmsChannelCredentials {
  twilioAuthToken: string;
}

/** Where a webhook's channel id routes: its practice, and whether the channel is still live. */
export interface ChannelRouteRow {
  channel_id: string;
  tenant_id: string;
  type: ChannelType;
  /** False once the channel is soft-deleted. */
  active: boolean;
}

export interface ChannelRecord {
  id: string;
  type: ChannelType;
  name: string;
  config: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

const COL = { credentials: 'channels.credentials' } as const;

/**
 * Channels and their routes, plain CRUD through their entities. Credentials are encrypted with the tenant cipher and only ever
 * leave through `credentials()`, which the admin API never calls. Every write keeps
 * `channel_routes` (what webhooks route by before a tenant is known) in the same transaction.
 */
@Injectable()
export class ChannelRepository {
  constructor(
    private readonly keys: KeyRingService,
    private readonly cache: ChannelCache,
    private readonly routed: RoutedDb,
  ) {}

  /**
   * The route of one channel id, before the tenant is known (webhooks). Row-level security shows
   * this path exactly the route it names (app.route_channel_id), so it can route but never list.
   */
  async route(channelId: string): Promise<ChannelRouteRow | null> {
    const [row] = await this.routed.lookup<ChannelRouteRow>(
      { channelId },
      `SELECT channel_id, tenant_id, type, active FROM channel_routes WHERE channel_id = $1`,
      [channelId],
    );
    return row ?? null;
  }

  async insert(
    tx: TenantTx,
    input: { type: ChannelType; name: string; config: object; credentials: object | null },
  ): Promise<ChannelRecord> {
    const cipher = await this.keys.forTenant(tx);
    const id = randomUUID();
    const credentials = input.credentials
      ? cipher.encrypt(COL.credentials, JSON.stringify(input.credentials))
      : null;
    const [row] = await tx.repository(ChannelSchema).insert({
      id,
      type: input.type,
      name: input.name,
      config: input.config as Record<string, unknown>,
      credentials_enc: credentials,
    });
    await tx.repository(ChannelRouteSchema).insert({ channel_id: id, type: input.type, active: true });
    return toRecord(row!);
  }

  /** Live channels, oldest first. */
  async list(tx: TenantTx): Promise<ChannelRecord[]> {
    const rows = await tx
      .repository(ChannelSchema)
      .find({ deleted_at: IsNull() }, { order: { created_at: 'ASC', id: 'ASC' } });
    return rows.map(toRecord);
  }

  /** A live channel; with `includeDeleted`, a soft-deleted one too (late provider callbacks). */
  async get(
    tx: TenantTx,
    id: string,
    options: { includeDeleted?: boolean } = {},
  ): Promise<ChannelRecord | null> {
    const row = await tx
      .repository(ChannelSchema)
      .findOne(options.includeDeleted ? { id } : { id, deleted_at: IsNull() });
    return row ? toRecord(row) : null;
  }

  /**
   * A channel (soft-deleted ones too) with its decrypted secrets, from one read: what a webhook
   * needs on a ChannelCache miss (with traffic spread over thousands of channels, every one of
   * them misses once per CHANNEL_CACHE_SECONDS).
   */
  async getWithCredentials<T extends object>(
    tx: TenantTx,
    id: string,
  ): Promise<{ record: ChannelRecord; credentials: T | null } | null> {
    const row = await tx.repository(ChannelSchema).findOne({ id });
    if (!row) return null;
    if (!row.credentials_enc) return { record: toRecord(row), credentials: null };
    const cipher = await this.keys.forTenant(tx);
    return {
      record: toRecord(row),
      credentials: JSON.parse(await cipher.decryptString(COL.credentials, row.credentials_enc)) as T,
    };
  }

  /**
   * A channel (soft-deleted ones too) and its sealed secrets, as the transaction's last
   * statement with COMMIT: one round trip. Open the secrets with `openCredentials` after.
   */
  async readAndCommit(
    tx: TenantTx,
    id: string,
  ): Promise<{ record: ChannelRecord; sealedCredentials: Buffer | null } | null> {
    const [row] = await tx.queryAndCommit<ChannelEntity>(
      `SELECT id, tenant_id, type, name, config, credentials_enc, created_at, updated_at, deleted_at
       FROM channels WHERE id = $1`,
      [id],
    );
    return row ? { record: toRecord(row), sealedCredentials: row.credentials_enc } : null;
  }

  /** Secrets `readAndCommit` returned, opened outside any transaction (`KeyRingService.cipherFor`). */
  async openCredentials<T extends object>(tenantId: string, sealed: Buffer | null): Promise<T | null> {
    if (!sealed) return null;
    const cipher = await this.keys.cipherFor(tenantId);
    return JSON.parse(await cipher.decryptString(COL.credentials, sealed)) as T;
  }

  /** The decrypted secrets, for talking to the provider or checking its signatures. */
  async credentials<T extends object>(tx: TenantTx, id: string): Promise<T | null> {
    const row = await tx.repository(ChannelSchema).findOne({ id });
    if (!row?.credentials_enc) return null;
    const cipher = await this.keys.forTenant(tx);
    return JSON.parse(await cipher.decryptString(COL.credentials, row.credentials_enc)) as T;
  }

  async update(
    tx: TenantTx,
    id: string,
    patch: { name?: string; config?: object; credentials?: object },
  ): Promise<ChannelRecord | null> {
    this.cache.invalidateOnCommit(tx, id);
    const cipher = await this.keys.forTenant(tx);
    const [row] = await tx.repository(ChannelSchema).update(
      { id, deleted_at: IsNull() },
      {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.config === undefined ? {} : { config: patch.config as Record<string, unknown> }),
        ...(patch.credentials
          ? { credentials_enc: cipher.encrypt(COL.credentials, JSON.stringify(patch.credentials)) }
          : {}),
        updated_at: () => 'now()',
      },
    );
    return row ? toRecord(row) : null;
  }

  /** Soft delete: the row stays (messages reference it); the route stops taking inbound traffic. */
  async softDelete(tx: TenantTx, id: string): Promise<boolean> {
    this.cache.invalidateOnCommit(tx, id);
    const deleted = await tx
      .repository(ChannelSchema)
      .update({ id, deleted_at: IsNull() }, { deleted_at: () => 'now()', updated_at: () => 'now()' });
    if (deleted.length === 0) return false;
    await tx.repository(ChannelRouteSchema).update({ channel_id: id }, { active: false });
    return true;
  }
}

function toRecord(row: ChannelEntity): ChannelRecord {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    config: row.config,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}
