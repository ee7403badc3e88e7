import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb, type TenantTx } from '@app/database';
import { emailTaken, IdentityError, IdentityErrorCode as E } from '../identity.errors.js';
import { newOpaqueToken, parseOpaqueToken, sameHash, sha256 } from '../auth/tokens.js';
import { AUTH_CLOCK, type Clock, IDENTITY_POLICY } from '../identity.constants.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { PracticeRepository } from '../practice/practice.repository.js';
import { AccountEmails, invitationEmail } from '../recovery/account-emails.js';
import { assertPasswordFitsAccount } from '../passwords/password-policy.js';
import { LoginDirectory } from './login-directory.repository.js';
import { type User, UserRepository } from './user.repository.js';
import { InviteRepository } from './invite.repository.js';
import type { UserInviteEntity } from './user-invite.entity.js';

export interface IssuedInvite {
  /** Shown once, to the admin who invited; only its hash is stored. */
  token: string;
  expiresAt: string;
  /** The invitation email to the user was queued (false: account emails are not configured). */
  emailed: boolean;
}

/** Why an invitation stopped being usable before it was accepted or expired. */
export type InviteRevokeReason =
  'role_changed' | 'user_deactivated' | 'inviter_role_changed' | 'inviter_deactivated' | 'replaced';

type ParsedInvite = NonNullable<ReturnType<typeof parseOpaqueToken>>;

const invalidInvite = () =>
  new IdentityError(E.InvalidInvite, 'The invitation is not valid, was already used or has expired');
const inviteRevoked = () =>
  new IdentityError(
    E.InviteRevoked,
    'This invitation was withdrawn (the account changed since it was sent); ask an admin for a new one',
  );

/**
 * Invitations: a user created without a password sets one with a single-use token. A token is
 * good for exactly the account as it was when issued: a change of the user's role or active
 * state, the inviter losing the power to invite, or a newer invitation revokes it. While an
 * invitation is live the user holds their email (LoginDirectory); once none is, the email is free.
 */
@Injectable()
export class InviteService {
  constructor(
    private readonly db: TenantDb,
    private readonly users: UserRepository,
    private readonly invites: InviteRepository,
    private readonly directory: LoginDirectory,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    private readonly practices: PracticeRepository,
    private readonly emails: AccountEmails,
  ) {}

  /**
   * A new invitation for `user` (replacing any live one), claiming the email until it expires,
   * and emailed to the user once the transaction commits (PHI-free: the practice's name and a
   * link). 409 email_taken when another account holds the email.
   */
  async issue(tx: TenantTx, user: User, createdBy: string): Promise<IssuedInvite> {
    const now = new Date(this.clock.now());
    await this.revokePending(tx, 'user_id', user.id, 'replaced');
    const id = randomUUID();
    const { token, hash } = newOpaqueToken('inv', tx.tenantId, id);
    const expiresAt = new Date(now.getTime() + IDENTITY_POLICY.inviteMs);
    if (!(await this.directory.claim(tx, user.emailNormalized, user.id, now, expiresAt))) throw emailTaken();
    await this.invites.insert(tx, {
      id,
      user_id: user.id,
      token_hash: hash,
      created_by: createdBy,
      expires_at: expiresAt,
      created_at: now,
    });
    const emailed = this.emails.enabled;
    if (emailed) {
      const content = invitationEmail(
        this.emails.link('/accept-invite', token),
        await this.practices.name(tx),
        expiresAt,
      );
      tx.afterCommit(() => {
        this.emails.send({ kind: 'invitation', to: user.email, id, tenantId: tx.tenantId, ...content });
      });
    }
    return { token, expiresAt: expiresAt.toISOString(), emailed };
  }

  /** Revokes the live invitations of a user (their role or active state changed). */
  revokeForUser(tx: TenantTx, userId: string, reason: InviteRevokeReason): Promise<void> {
    return this.revokePending(tx, 'user_id', userId, reason);
  }

  /** Revokes the live invitations a user issued (they can no longer invite anyone). */
  revokeIssuedBy(tx: TenantTx, inviterId: string, reason: InviteRevokeReason): Promise<void> {
    return this.revokePending(tx, 'created_by', inviterId, reason);
  }

  async accept(token: string, password: string): Promise<{ userId: string }> {
    const parsed = parseOpaqueToken('inv', token);
    if (!parsed) throw invalidInvite();
    // The password rules that need the account, and the slow hash, before any lock is taken.
    const invitee = await this.db.forTenant(parsed.tenantId, async (tx) => {
      const invite = await this.usableInvite(tx, parsed, false);
      return this.users.get(tx, invite.user_id);
    });
    if (!invitee) throw invalidInvite();
    assertPasswordFitsAccount(password, invitee.email);
    const passwordHash = await this.hasher.hash(password);
    await this.db.forTenant(parsed.tenantId, async (tx) => {
      // User row first, then the invitation: the order UsersService.update locks them in, so a
      // role change either revokes this invitation first or waits until it is accepted.
      const user = await this.users.credentials(tx, invitee.id, true);
      const invite = await this.usableInvite(tx, parsed, true);
      if (!user?.active || user.passwordHash || invite.user_id !== user.id) throw invalidInvite();
      if (!(await this.directory.confirm(tx, user.id))) throw invalidInvite();
      const now = new Date(this.clock.now());
      await this.users.setPassword(tx, user.id, passwordHash, now);
      await this.invites.markAccepted(tx, invite.id, now);
      this.audit.record(tx, {
        action: 'user.invite_accepted',
        actor: { type: 'user', id: user.id },
        target: { type: 'user', id: user.id },
      });
    });
    return { userId: invitee.id };
  }

  /** The invitation the token names, if it can still be accepted; else the reason as an error. */
  private async usableInvite(tx: TenantTx, parsed: ParsedInvite, lock: boolean): Promise<UserInviteEntity> {
    const invite = await this.invites.find(tx, parsed.id, lock);
    if (!invite || !sameHash(invite.token_hash, sha256(parsed.secret)) || invite.accepted_at)
      throw invalidInvite();
    if (invite.revoked_at) throw inviteRevoked();
    if (invite.expires_at.getTime() <= this.clock.now()) throw invalidInvite();
    return invite;
  }

  private async revokePending(
    tx: TenantTx,
    by: 'user_id' | 'created_by',
    id: string,
    reason: InviteRevokeReason,
  ): Promise<void> {
    const now = new Date(this.clock.now());
    const revokedUserIds = await this.invites.revokeLive(tx, by, id, now, reason);
    for (const userId of new Set(revokedUserIds)) {
      await this.directory.release(tx, userId, now);
      this.audit.record(tx, {
        action: 'user.invite_revoked',
        target: { type: 'user', id: userId },
        metadata: { reason },
      });
    }
  }
}
