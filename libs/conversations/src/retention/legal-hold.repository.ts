import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import type { LegalHoldEntity } from './legal-hold.entity.js';

export type LegalHold = LegalHoldEntity;

/** What placing a hold found: the new hold, or why there is none. */
export type PlacedHold =
  { placed: LegalHold } | { refused: 'already_held'; holdId: string } | { refused: 'unknown_contact' };

/**
 * legal_holds: holds on the practice (`contact_id` null) or on one contact. While a hold is
 * active (not released) the retention sweep purges nothing it covers.
 */
@Injectable()
export class LegalHoldRepository {
  /** The practice's holds, active first, newest first; at most `limit`. */
  list(tx: TenantTx, limit: number): Promise<LegalHold[]> {
    return tx.query<LegalHold>(
      `SELECT id, tenant_id, contact_id, placed_by, placed_at, released_by, released_at FROM legal_holds
       WHERE tenant_id = $1 ORDER BY released_at IS NULL DESC, placed_at DESC, id DESC LIMIT $2`,
      [tx.tenantId, limit],
    );
  }

  /**
   * Places a hold (`contactId` null: the practice). An active hold on the same subject refuses
   * it (the partial unique indexes decide, so two concurrent requests place one).
   */
  async place(tx: TenantTx, contactId: string | null, placedBy: string, now: Date): Promise<PlacedHold> {
    if (contactId !== null) {
      const [known] = await tx.query(`SELECT 1 FROM contacts WHERE tenant_id = $1 AND id = $2`, [
        tx.tenantId,
        contactId,
      ]);
      if (!known) return { refused: 'unknown_contact' };
    }
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [holdLockKey(tx)]);
    const [row] = await tx.query<LegalHold>(
      `INSERT INTO legal_holds (id, tenant_id, contact_id, placed_by, placed_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
       RETURNING id, tenant_id, contact_id, placed_by, placed_at, released_by, released_at`,
      [randomUUID(), tx.tenantId, contactId, placedBy, now],
    );
    if (row) return { placed: row };
    const [active] = await tx.query<{ id: string }>(
      `SELECT id FROM legal_holds
       WHERE tenant_id = $1 AND contact_id IS NOT DISTINCT FROM $2::uuid AND released_at IS NULL`,
      [tx.tenantId, contactId],
    );
    return { refused: 'already_held', holdId: active?.id ?? '' };
  }

  /** Releases an active hold; the hold as released, or null when no active hold has this id. */
  async release(tx: TenantTx, id: string, releasedBy: string, now: Date): Promise<LegalHold | null> {
    const [row] = await tx.query<LegalHold>(
      `UPDATE legal_holds SET released_by = $3, released_at = $4
       WHERE tenant_id = $1 AND id = $2 AND released_at IS NULL
       RETURNING id, tenant_id, contact_id, placed_by, placed_at, released_by, released_at`,
      [tx.tenantId, id, releasedBy, now],
    );
    return row ?? null;
  }

  /**
   * What the active holds cover, read once per purge batch: the whole practice, or these
   * contacts. A held contact's hold also covers the contacts merged into it and the one it was
   * merged into, since a merge moves conversations to the survivor.
   */
  async coverage(tx: TenantTx): Promise<{ practice: boolean; contactIds: string[] }> {
    // Shared with other purge batches, exclusive with placing a hold: once a hold is placed, no
    // batch that read the holds before it can still commit.
    await tx.query(`SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))`, [holdLockKey(tx)]);
    const rows = await tx.query<{ practice: boolean; contact_ids: string[] | null }>(
      `SELECT EXISTS (SELECT 1 FROM legal_holds
                      WHERE tenant_id = $1 AND released_at IS NULL AND contact_id IS NULL) AS practice,
              (SELECT array_agg(DISTINCT covered) FROM legal_holds h
                 JOIN contacts c ON c.tenant_id = h.tenant_id
                  AND (c.id = h.contact_id OR c.merged_into = h.contact_id)
                 CROSS JOIN LATERAL (VALUES (c.id), (c.merged_into)) AS v(covered)
               WHERE h.tenant_id = $1 AND h.released_at IS NULL AND covered IS NOT NULL) AS contact_ids`,
      [tx.tenantId],
    );
    return { practice: rows[0]?.practice ?? false, contactIds: rows[0]?.contact_ids ?? [] };
  }
}

function holdLockKey(tx: TenantTx): string {
  return `legal-hold:${tx.tenantId}`;
}
