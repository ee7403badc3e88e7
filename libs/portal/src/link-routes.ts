import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashLinkToken } from '@app/delivery';

/** A link token as we mint them: 32 random bytes, base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type LinkTable = 'secure_links' | 'consent_requests' | 'unsubscribe_links';

export interface LinkRoute {
  tenantId: string;
  id: string;
}

/**
 * Finds which practice a patient link belongs to, before any tenant is known. Only the SHA-256
 * of the token is compared, and row-level security shows this transaction exactly the row whose
 * hash it set (`app.route_link_token_hash`), so nothing else can be listed.
 */
@Injectable()
export class LinkRoutes {
  constructor(private readonly ds: DataSource) {}

  async find(table: LinkTable, token: string): Promise<LinkRoute | null> {
    if (!TOKEN.test(token)) return null;
    const hash = hashLinkToken(token);
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT set_config('app.route_link_token_hash', $1, true)`, [hash.toString('hex')]);
      const rows = (await m.query(`SELECT id, tenant_id FROM ${table} WHERE token_hash = $1`, [
        hash,
      ])) as Array<{
        id: string;
        tenant_id: string;
      }>;
      const row = rows[0];
      return row ? { tenantId: row.tenant_id, id: row.id } : null;
    });
  }
}
