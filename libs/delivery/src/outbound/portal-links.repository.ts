import { Injectable } from '@nestjs/common';
import { KeyRingService } from '@app/crypto';
import type { TenantTx } from '@app/database';
import {
  SECURE_LINK_ADDRESS_COLUMN,
  UNSUBSCRIBE_LINK_ADDRESS_COLUMN,
} from '../dispatch/outgoing-links.repository.js';

/** A secure link as the portal reads it, with its message's conversation and sender channel. */
export interface SecureLinkRow {
  id: string;
  contact_id: string;
  message_id: string;
  conversation_id: string;
  channel_id: string;
  channel: 'sms' | 'email';
  address_enc: Buffer;
  address_bidx: Buffer;
  dead: boolean;
  locked: boolean;
  failed_attempts: number;
}

/**
 * The statements the patient portal runs on delivery's link tables (secure_links, portal_codes,
 * unsubscribe_links): delivery mints those rows and owns them; the portal only reads and spends them.
 */
@Injectable()
export class PortalLinkRepository {
  constructor(private readonly keys: KeyRingService) {}

  /** The link (locked when `forUpdate`); dead when expired or it or its message was retracted. */
  async secureLink(tx: TenantTx, id: string, forUpdate: boolean): Promise<SecureLinkRow | null> {
    const [row] = await tx.query<SecureLinkRow>(
      `SELECT l.id, l.contact_id, l.message_id, m.conversation_id, m.channel_id, l.channel, l.address_enc,
              l.address_bidx, l.failed_attempts, l.locked_at IS NOT NULL AS locked,
              (l.expires_at <= now() OR l.retracted_at IS NOT NULL OR m.retracted_at IS NOT NULL) AS dead
       FROM secure_links l JOIN messages m ON m.tenant_id = l.tenant_id AND m.id = l.message_id
       WHERE l.tenant_id = $1 AND l.id = $2
       ${forUpdate ? 'FOR UPDATE OF l' : ''}`,
      [tx.tenantId, id],
    );
    return row ?? null;
  }

  /** The address a secure link (`secureLink`'s `address_enc`) was sent to, decrypted. */
  async secureLinkAddress(tx: TenantTx, addressEnc: Buffer): Promise<string> {
    return (await this.keys.forTenant(tx)).decryptString(SECURE_LINK_ADDRESS_COLUMN, addressEnc);
  }

  /** A code was asked for within its lifetime (sent or still queued), unused. */
  async hasLiveCode(tx: TenantTx, linkId: string): Promise<boolean> {
    const [row] = await tx.query(
      `SELECT 1 FROM portal_codes WHERE tenant_id = $1 AND link_id = $2 AND used_at IS NULL
         AND (expires_at IS NULL OR expires_at > now())
       LIMIT 1`,
      [tx.tenantId, linkId],
    );
    return row !== undefined;
  }

  /** The link's newest sent code, unused and unexpired, locked. */
  async liveCodeForUpdate(tx: TenantTx, linkId: string): Promise<{ id: string; code_hash: Buffer } | null> {
    const [live] = await tx.query<{ id: string; code_hash: Buffer }>(
      `SELECT id, code_hash FROM portal_codes
       WHERE tenant_id = $1 AND link_id = $2 AND used_at IS NULL AND code_hash IS NOT NULL AND expires_at > now()
       ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [tx.tenantId, linkId],
    );
    return live ?? null;
  }

  /** A correct code: the code is spent and the link's failure count starts over. */
  async codeAccepted(tx: TenantTx, linkId: string, codeId: string): Promise<void> {
    await tx.execute(`UPDATE portal_codes SET used_at = now() WHERE tenant_id = $1 AND id = $2`, [
      tx.tenantId,
      codeId,
    ]);
    await tx.execute(`UPDATE secure_links SET failed_attempts = 0 WHERE tenant_id = $1 AND id = $2`, [
      tx.tenantId,
      linkId,
    ]);
  }

  /** A failed verification: the new count, and the link locked for good when `lock`. */
  async verificationFailed(tx: TenantTx, linkId: string, failures: number, lock: boolean): Promise<void> {
    await tx.execute(
      `UPDATE secure_links SET failed_attempts = $3, locked_at = CASE WHEN $4 THEN now() ELSE locked_at END
       WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, linkId, failures, lock],
    );
  }

  /** Marks the unsubscribe link used (the first time stays); its contact and address (decrypted), or null when unknown. */
  async useUnsubscribeLink(tx: TenantTx, id: string): Promise<{ contactId: string; address: string } | null> {
    const [row] = await tx.query<{ contact_id: string; address_enc: Buffer }>(
      `UPDATE unsubscribe_links SET used_at = coalesce(used_at, now()) WHERE tenant_id = $1 AND id = $2
       RETURNING contact_id, address_enc`,
      [tx.tenantId, id],
    );
    if (!row) return null;
    const cipher = await this.keys.forTenant(tx);
    return {
      contactId: row.contact_id,
      address: await cipher.decryptString(UNSUBSCRIBE_LINK_ADDRESS_COLUMN, row.address_enc),
    };
  }
}
