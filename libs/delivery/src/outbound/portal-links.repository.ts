import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';

/**
 * The writes the patient portal makes to delivery's link tables (secure_links, portal_codes,
 * unsubscribe_links): delivery mints those rows and owns them; the portal only spends them.
 */
@Injectable()
export class PortalLinkRepository {
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

  /** Marks the unsubscribe link used (the first time stays); its contact and address, or null when unknown. */
  async useUnsubscribeLink(
    tx: TenantTx,
    id: string,
  ): Promise<{ contactId: string; addressEnc: Buffer } | null> {
    const [row] = await tx.query<{ contact_id: string; address_enc: Buffer }>(
      `UPDATE unsubscribe_links SET used_at = coalesce(used_at, now()) WHERE tenant_id = $1 AND id = $2
       RETURNING contact_id, address_enc`,
      [tx.tenantId, id],
    );
    return row ? { contactId: row.contact_id, addressEnc: row.address_enc } : null;
  }
}
