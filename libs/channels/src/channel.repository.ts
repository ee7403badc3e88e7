import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import { ChannelCache } from './channel-cache.js';

export type ChannelType = 'sms' | 'email' | 'webform' | 'chat';

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

export interface ChannelRecord {
  id: string;
  type: ChannelType;
  name: string;
  config: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

interface ChannelRow {
  id: string;
  type: ChannelType;
  name: string;
  config: Record<string, unknown>;
  credentials_enc: Buffer | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

const COL = { credentials: 'channels.credentials' } as const;
const RECORD_COLUMNS = 'id, type, name, config, created_at, updated_at, deleted_at';

/**
 * Channels and their routes. Credentials are encrypted with the tenant cipher and only ever
 * leave through `credentials()`, which the admin API never calls. Every write keeps
 * `channel_routes` (what webhooks route by before a tenant is known) in the same transaction.
 */
@Injectable()
export class ChannelRepository {
  constructor(
    private readonly keys: KeyRingService,
    private readonly cache: ChannelCache,
  ) {}

  async insert(
    tx: TenantTx,
    input: { type: ChannelType; name: string; config: object; credentials: object | null },
  ): Promise<ChannelRecord> {
    const cipher = await this.keys.forTenant(tx);
    const id = randomUUID();
    const credentials = input.credentials
      ? cipher.encrypt(COL.credentials, JSON.stringify(input.credentials))
      : null;
    const [row] = await tx.query<ChannelRow>(
      `INSERT INTO channels (id, tenant_id, type, name, config, credentials_enc)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${RECORD_COLUMNS}`,
      [id, tx.tenantId, input.type, input.name, input.config, credentials],
    );
    await tx.execute(
      `INSERT INTO channel_routes (channel_id, tenant_id, type, active) VALUES ($1, $2, $3, true)`,
      [id, tx.tenantId, input.type],
    );
    return toRecord(row!);
  }

  /** Live channels, oldest first. */
  async list(tx: TenantTx): Promise<ChannelRecord[]> {
    const rows = await tx.query<ChannelRow>(
      `SELECT ${RECORD_COLUMNS} FROM channels WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
      [tx.tenantId],
    );
    return rows.map(toRecord);
  }

  /** A live channel; with `includeDeleted`, a soft-deleted one too (late provider callbacks). */
  async get(
    tx: TenantTx,
    id: string,
    options: { includeDeleted?: boolean } = {},
  ): Promise<ChannelRecord | null> {
    const [row] = await tx.query<ChannelRow>(
      `SELECT ${RECORD_COLUMNS} FROM channels WHERE tenant_id = $1 AND id = $2
       ${options.includeDeleted ? '' : 'AND deleted_at IS NULL'}`,
      [tx.tenantId, id],
    );
    return row ? toRecord(row) : null;
  }

  /** The decrypted secrets, for talking to the provider or checking its signatures. */
  async credentials<T extends object>(tx: TenantTx, id: string): Promise<T | null> {
    const [row] = await tx.query<ChannelRow>(
      `SELECT credentials_enc FROM channels WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id],
    );
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
    const credentials = patch.credentials
      ? cipher.encrypt(COL.credentials, JSON.stringify(patch.credentials))
      : null;
    const [row] = await tx.query<ChannelRow>(
      `UPDATE channels SET name = coalesce($3, name), config = coalesce($4, config),
         credentials_enc = coalesce($5, credentials_enc), updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING ${RECORD_COLUMNS}`,
      [tx.tenantId, id, patch.name ?? null, patch.config ?? null, credentials],
    );
    return row ? toRecord(row) : null;
  }

  /** Soft delete: the row stays (messages reference it); the route stops taking inbound traffic. */
  async softDelete(tx: TenantTx, id: string): Promise<boolean> {
    this.cache.invalidateOnCommit(tx, id);
    const deleted = await tx.execute(
      `UPDATE channels SET deleted_at = now(), updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL`,
      [tx.tenantId, id],
    );
    if (deleted === 0) return false;
    await tx.execute(`UPDATE channel_routes SET active = false WHERE tenant_id = $1 AND channel_id = $2`, [
      tx.tenantId,
      id,
    ]);
    return true;
  }
}

function toRecord(row: ChannelRow): ChannelRecord {
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
