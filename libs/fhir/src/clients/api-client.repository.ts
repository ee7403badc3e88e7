// Hand-written SQL: a token is checked on every FHIR request (one statement), and issuing one
// reads the client and inserts the token in one transaction.
import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import type { ApiClientEntity } from '../fhir.entities.js';

/** An API client as staff see it (never its secret). */
export interface ApiClient {
  id: string;
  name: string;
  scope: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** A live access token's facts: whose, which scope, until when. */
export interface LiveToken {
  clientId: string;
  scope: string;
  expiresAt: Date;
}

type ClientRow = Pick<ApiClientEntity, 'id' | 'name' | 'scope' | 'created_by' | 'created_at' | 'revoked_at'>;

/** `api_clients` and `api_client_tokens`: the only writer of both. */
@Injectable()
export class ApiClientRepository {
  async create(
    tx: TenantTx,
    input: { id: string; name: string; secretHash: Buffer; scope: string; createdBy: string },
  ): Promise<ApiClient> {
    const [row] = await tx.query<ClientRow>(
      `INSERT INTO api_clients (id, tenant_id, name, secret_hash, scope, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, name, scope, created_by, created_at, revoked_at`,
      [input.id, tx.tenantId, input.name, input.secretHash, input.scope, input.createdBy],
    );
    return toClient(row!);
  }

  async list(tx: TenantTx): Promise<ApiClient[]> {
    const rows = await tx.query<ClientRow>(
      `SELECT id, name, scope, created_by, created_at, revoked_at FROM api_clients
       WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC LIMIT 200`,
      [tx.tenantId],
    );
    return rows.map(toClient);
  }

  /** Revokes the client (once) and deletes its tokens; null when there is no such client. */
  async revoke(tx: TenantTx, id: string): Promise<ApiClient | null> {
    const [row] = await tx.query<ClientRow>(
      `UPDATE api_clients SET revoked_at = coalesce(revoked_at, now()) WHERE tenant_id = $1 AND id = $2
       RETURNING id, name, scope, created_by, created_at, revoked_at`,
      [tx.tenantId, id],
    );
    if (!row) return null;
    await tx.query(`DELETE FROM api_client_tokens WHERE tenant_id = $1 AND client_id = $2`, [
      tx.tenantId,
      id,
    ]);
    return toClient(row);
  }

  /** A live (not revoked) client's secret hash and scope, for the token endpoint. */
  async credentials(tx: TenantTx, id: string): Promise<{ secretHash: Buffer; scope: string } | null> {
    const [row] = await tx.query<Pick<ApiClientEntity, 'secret_hash' | 'scope'>>(
      `SELECT secret_hash, scope FROM api_clients WHERE tenant_id = $1 AND id = $2 AND revoked_at IS NULL`,
      [tx.tenantId, id],
    );
    return row ? { secretHash: row.secret_hash, scope: row.scope } : null;
  }

  /** Stores an issued token (its hash) and drops the client's expired ones. */
  async issueToken(
    tx: TenantTx,
    input: { id: string; clientId: string; tokenHash: Buffer; scope: string; expiresAt: Date },
  ): Promise<void> {
    await tx.query(
      `DELETE FROM api_client_tokens WHERE tenant_id = $1 AND client_id = $2 AND expires_at < now()`,
      [tx.tenantId, input.clientId],
    );
    await tx.query(
      `INSERT INTO api_client_tokens (id, tenant_id, client_id, token_hash, scope, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [input.id, tx.tenantId, input.clientId, input.tokenHash, input.scope, input.expiresAt],
    );
  }

  /** The token if it is unexpired and its client not revoked (one statement). */
  async liveToken(tx: TenantTx, id: string, tokenHash: Buffer): Promise<LiveToken | null> {
    const [row] = await tx.query<{ client_id: string; scope: string; expires_at: Date }>(
      `SELECT t.client_id, t.scope, t.expires_at FROM api_client_tokens t
       JOIN api_clients c ON c.tenant_id = t.tenant_id AND c.id = t.client_id
       WHERE t.tenant_id = $1 AND t.id = $2 AND t.token_hash = $3 AND t.expires_at > now()
         AND c.revoked_at IS NULL`,
      [tx.tenantId, id, tokenHash],
    );
    return row ? { clientId: row.client_id, scope: row.scope, expiresAt: row.expires_at } : null;
  }
}

function toClient(row: ClientRow): ApiClient {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
