import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RoutedDb, TenantDb, type TenantTx } from '@app/database';

export type PublicChannelType = 'webform' | 'chat';

/** Non-secret settings of a web form or chat widget (origins of the practice's own websites). */
export interface PublicChannelConfig {
  allowedOrigins: string[];
  /** Also in the public_key column (unique, routed); here so admin views need no extra query. */
  publicKey: string;
}

export interface PublicChannel {
  id: string;
  tenantId: string;
  type: PublicChannelType;
  publicKey: string;
  allowedOrigins: string[];
}

const PREFIX: Record<PublicChannelType, string> = { webform: 'wf_', chat: 'cw_' };
/** Prefix + 32 base64url characters (24 random bytes): unguessable, so keys cannot be enumerated. */
const KEY = /^(wf|cw)_[A-Za-z0-9_-]{32}$/;

export const isPublicKey = (key: string): boolean => KEY.test(key);

/**
 * Web forms and chat widgets (their channels and channel_routes rows): channels whose public key
 * is embedded in the practice's website.
 * Public intake arrives with only that key, so resolving goes through channel_routes, where
 * row-level security shows exactly the route the key names (app.route_public_key).
 */
@Injectable()
export class PublicChannels {
  constructor(
    private readonly routed: RoutedDb,
    private readonly db: TenantDb,
  ) {}

  async insert(
    tx: TenantTx,
    input: { type: PublicChannelType; name: string; allowedOrigins: string[] },
  ): Promise<PublicChannel> {
    const id = randomUUID();
    const publicKey = PREFIX[input.type] + randomBytes(24).toString('base64url');
    const config: PublicChannelConfig = { allowedOrigins: input.allowedOrigins, publicKey };
    await tx.execute(
      `INSERT INTO channels (id, tenant_id, type, name, config, public_key) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, tx.tenantId, input.type, input.name, config, publicKey],
    );
    await tx.execute(
      `INSERT INTO channel_routes (channel_id, tenant_id, type, active, public_key) VALUES ($1, $2, $3, true, $4)`,
      [id, tx.tenantId, input.type, publicKey],
    );
    return { id, tenantId: tx.tenantId, type: input.type, publicKey, allowedOrigins: input.allowedOrigins };
  }

  /** The live channel of this type the key names, or null (unknown, deleted or the other type). */
  async resolve(publicKey: string, type: PublicChannelType): Promise<PublicChannel | null> {
    if (!isPublicKey(publicKey) || !publicKey.startsWith(PREFIX[type])) return null;
    const [route] = await this.routed.lookup<{ channel_id: string; tenant_id: string }>(
      { publicKey },
      `SELECT channel_id, tenant_id FROM channel_routes WHERE public_key = $1 AND type = $2 AND active`,
      [publicKey, type],
    );
    if (!route) return null;
    return this.db.forTenant(route.tenant_id, (tx) => this.byId(tx, route.channel_id));
  }

  /** When the channel was created and last changed (an admin view shows both). */
  async timestamps(tx: TenantTx, id: string): Promise<{ createdAt: Date; updatedAt: Date }> {
    const [row] = await tx.query<{ created_at: Date; updated_at: Date }>(
      `SELECT created_at, updated_at FROM channels WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, id],
    );
    return { createdAt: row!.created_at, updatedAt: row!.updated_at };
  }

  /**
   * A staff change of a live channel: the name when given, the whole config. Null when the
   * channel is unknown or deleted.
   */
  async update(
    tx: TenantTx,
    id: string,
    change: { name: string | null; config: PublicChannelConfig },
  ): Promise<{ name: string; updatedAt: Date } | null> {
    const [row] = await tx.query<{ name: string; updated_at: Date }>(
      `UPDATE channels SET name = coalesce($3, name), config = $4, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING name, updated_at`,
      [tx.tenantId, id, change.name, change.config],
    );
    return row ? { name: row.name, updatedAt: row.updated_at } : null;
  }

  /** A live web form / chat channel of the transaction's tenant. */
  async byId(tx: TenantTx, id: string): Promise<PublicChannel | null> {
    const [row] = await tx.query<{
      id: string;
      type: PublicChannelType;
      public_key: string;
      config: PublicChannelConfig;
    }>(
      `SELECT id, type, public_key, config FROM channels
       WHERE tenant_id = $1 AND id = $2 AND deleted_at IS NULL AND type IN ('webform', 'chat')`,
      [tx.tenantId, id],
    );
    if (!row) return null;
    return {
      id: row.id,
      tenantId: tx.tenantId,
      type: row.type,
      publicKey: row.public_key,
      allowedOrigins: Array.isArray(row.config.allowedOrigins) ? row.config.allowedOrigins : [],
    };
  }
}
