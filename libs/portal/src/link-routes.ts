import { Injectable } from '@nestjs/common';
import { RoutedDb } from '@app/database';
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
  constructor(private readonly routed: RoutedDb) {}

  async find(table: LinkTable, token: string): Promise<LinkRoute | null> {
    if (!TOKEN.test(token)) return null;
    const hash = hashLinkToken(token);
    const [row] = await this.routed.lookup<{ id: string; tenant_id: string }>(
      { linkTokenHash: hash.toString('hex') },
      `SELECT id, tenant_id FROM ${table} WHERE token_hash = $1`,
      [hash],
    );
    return row ? { tenantId: row.tenant_id, id: row.id } : null;
  }
}
