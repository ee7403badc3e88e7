import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TenantTx } from '@app/database';
import { IsNull } from 'typeorm';
import { UserRecoveryCodeSchema } from './user-recovery-code.entity.js';

/** user_recovery_codes: a user's single-use MFA recovery codes, stored as hashes only. */
@Injectable()
export class RecoveryCodeRepository {
  /** Marks the user's unused code with this hash used; false when there is none (atomic: one use wins). */
  async consume(tx: TenantTx, userId: string, codeHash: Buffer, now: Date): Promise<boolean> {
    const used = await tx
      .repository(UserRecoveryCodeSchema)
      .update({ user_id: userId, code_hash: codeHash, used_at: IsNull() }, { used_at: now });
    return used.length === 1;
  }

  /** The user has no recovery codes any more (their MFA was reset). */
  async deleteAll(tx: TenantTx, userId: string): Promise<void> {
    await tx.repository(UserRecoveryCodeSchema).delete({ user_id: userId });
  }

  /** The user's codes become exactly these (their earlier ones, used or not, are gone). */
  async replace(tx: TenantTx, userId: string, codeHashes: Buffer[]): Promise<void> {
    const stored = tx.repository(UserRecoveryCodeSchema);
    await stored.delete({ user_id: userId });
    await stored.insert(codeHashes.map((code_hash) => ({ id: randomUUID(), user_id: userId, code_hash })));
  }
}
