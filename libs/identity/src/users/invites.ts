import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb, type TenantTx } from '@app/database';
import { AppError } from '@app/observability';
import { newOpaqueToken, parseOpaqueToken, sameHash, sha256 } from '../auth/tokens.js';
import { AUTH_CLOCK, type Clock, IDENTITY_POLICY } from '../identity.constants.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { UserRepository } from './user.repository.js';

export interface IssuedInvite {
  /** Shown once, to the admin who invited; only its hash is stored. */
  token: string;
  expiresAt: string;
}

interface InviteRow {
  id: string;
  user_id: string;
  token_hash: Buffer;
  expires_at: Date;
  accepted_at: Date | null;
}

const invalidInvite = () =>
  new AppError(400, 'invalid_invite', 'The invitation is not valid, was already used or has expired');

/** Invitations: a user created without a password sets one with a single-use token. */
@Injectable()
export class InviteService {
  constructor(
    private readonly db: TenantDb,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
  ) {}

  async issue(tx: TenantTx, userId: string, createdBy: string): Promise<IssuedInvite> {
    const id = randomUUID();
    const { token, hash } = newOpaqueToken('inv', tx.tenantId, id);
    const expiresAt = new Date(this.clock.now() + IDENTITY_POLICY.inviteMs);
    await tx.execute(
      `INSERT INTO user_invites (id, tenant_id, user_id, token_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, tx.tenantId, userId, hash, createdBy, expiresAt],
    );
    return { token, expiresAt: expiresAt.toISOString() };
  }

  async accept(token: string, password: string): Promise<{ userId: string }> {
    const parsed = parseOpaqueToken('inv', token);
    if (!parsed) throw invalidInvite();
    const passwordHash = await this.hasher.hash(password);
    const now = new Date(this.clock.now());
    const userId = await this.db.forTenant(parsed.tenantId, async (tx) => {
      const [invite] = await tx.query<InviteRow>(
        `SELECT id, user_id, token_hash, expires_at, accepted_at FROM user_invites
         WHERE id = $1 AND tenant_id = $2 FOR UPDATE`,
        [parsed.id, tx.tenantId],
      );
      if (!invite || !sameHash(invite.token_hash, sha256(parsed.secret))) return null;
      if (invite.accepted_at || invite.expires_at <= now) return null;
      const user = await this.users.get(tx, invite.user_id);
      if (!user?.active) return null;
      await this.users.setPassword(tx, user.id, passwordHash, now);
      await tx.execute(`UPDATE user_invites SET accepted_at = $2 WHERE id = $1 AND tenant_id = $3`, [
        invite.id,
        now,
        tx.tenantId,
      ]);
      this.audit.record(tx, {
        action: 'user.invite_accepted',
        actor: { type: 'user', id: user.id },
        target: { type: 'user', id: user.id },
      });
      return user.id;
    });
    if (!userId) throw invalidInvite();
    return { userId };
  }
}
