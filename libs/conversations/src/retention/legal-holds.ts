import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb } from '@app/database';
import type { Principal } from '@app/identity';
import { contactNotFound, legalHoldExists, legalHoldNotFound } from '../conversations.errors.js';
import { type LegalHold, LegalHoldRepository } from './legal-hold.repository.js';

/** Holds a practice lists at most (active ones first). */
const MAX_LISTED_HOLDS = 500;

/**
 * Legal holds (`/v1/legal-holds`): placed on the practice or on one contact by staff with
 * `practice.settings`, released the same way; while active, the retention sweep purges nothing
 * they cover. Placing and releasing are audited (`legal_hold.placed`, `legal_hold.released`).
 */
@Injectable()
export class LegalHolds {
  constructor(
    private readonly db: TenantDb,
    private readonly holds: LegalHoldRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<LegalHold[]> {
    return this.db.transaction((tx) => this.holds.list(tx, MAX_LISTED_HOLDS));
  }

  place(actor: Principal, contactId: string | null): Promise<LegalHold> {
    return this.db.transaction(async (tx) => {
      const result = await this.holds.place(tx, contactId, actor.userId, new Date());
      if ('refused' in result) {
        if (result.refused === 'unknown_contact') throw contactNotFound();
        throw legalHoldExists(result.holdId);
      }
      this.audit.record(tx, {
        action: 'legal_hold.placed',
        target: contactId ? { type: 'contact', id: contactId } : { type: 'practice', id: tx.tenantId },
        metadata: { holdId: result.placed.id, scope: contactId ? 'contact' : 'practice' },
      });
      return result.placed;
    });
  }

  release(actor: Principal, id: string): Promise<LegalHold> {
    return this.db.transaction(async (tx) => {
      const released = await this.holds.release(tx, id, actor.userId, new Date());
      if (!released) throw legalHoldNotFound();
      this.audit.record(tx, {
        action: 'legal_hold.released',
        target: released.contact_id
          ? { type: 'contact', id: released.contact_id }
          : { type: 'practice', id: tx.tenantId },
        metadata: { holdId: released.id, scope: released.contact_id ? 'contact' : 'practice' },
      });
      return released;
    });
  }
}
