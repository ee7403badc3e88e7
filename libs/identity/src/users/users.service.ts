import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { normalizeEmail } from '@app/crypto';
import { TenantDb, type TenantTx } from '@app/database';
import { type Role, roleHas } from '../access/permissions.js';
import type { Principal } from '../access/principal.js';
import { emailTaken, IdentityError, IdentityErrorCode as E } from '../identity.errors.js';
import { AUTH_CLOCK, type Clock } from '../identity.constants.js';
import { MfaService } from '../auth/mfa.service.js';
import { PasswordHasher } from '../passwords/password-hasher.js';
import { assertPasswordFitsAccount } from '../passwords/password-policy.js';
import { SessionService } from '../sessions/session.service.js';
import { type Session, SessionRepository } from '../sessions/session.repository.js';
import { type IssuedInvite, InviteService } from './invites.js';
import { LoginDirectory } from './login-directory.repository.js';
import { type User, UserRepository } from './user.repository.js';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  password?: string;
}

export interface UserPatch {
  role?: Role;
  active?: boolean;
}

const userNotFound = () => new IdentityError(E.UserNotFound, 'User not found');
const inviteNotNeeded = () => new IdentityError(E.InviteNotNeeded, 'This user has already set a password');
const userInactive = () =>
  new IdentityError(E.UserInactive, 'Reactivate the user before inviting them again');
const ownerProtected = () =>
  new IdentityError(E.OwnerProtected, 'Only an owner can change an owner or grant the owner role');

/**
 * Staff administration within the caller's practice. Ids of other practices are invisible
 * (row-level security) and answer 404, never 403.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly db: TenantDb,
    private readonly users: UserRepository,
    private readonly sessionRows: SessionRepository,
    private readonly sessions: SessionService,
    private readonly directory: LoginDirectory,
    private readonly invites: InviteService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    @Inject(AUTH_CLOCK) private readonly clock: Clock,
    private readonly mfa: MfaService,
  ) {}

  list(): Promise<User[]> {
    return this.db.transaction((tx) => this.users.list(tx));
  }

  get(id: string): Promise<User> {
    return this.db.transaction((tx) => this.mustGet(tx, id));
  }

  /** With a password set by the admin, or else an invitation token (returned once). */
  async create(actor: Principal, input: CreateUserInput): Promise<{ user: User; invite?: IssuedInvite }> {
    if (input.role === 'owner' && actor.role !== 'owner') throw ownerProtected();
    const email = normalizeEmail(input.email);
    if (!email) throw IdentityError.validation('email', 'must be an email address');
    if (input.password) assertPasswordFitsAccount(input.password, email);
    const passwordHash = input.password ? await this.hasher.hash(input.password) : null;
    return this.db.transaction(async (tx) => {
      const user = await this.users.insert(tx, {
        id: randomUUID(),
        email: input.email.trim(),
        emailNormalized: email,
        name: input.name.trim(),
        role: input.role,
        passwordHash,
      });
      if (!user) throw emailTaken();
      const now = new Date(this.clock.now());
      if (passwordHash && !(await this.directory.claim(tx, email, user.id, now, null))) throw emailTaken();
      // Without a password, the invitation claims the email for as long as it lives.
      const invite = passwordHash ? undefined : await this.invites.issue(tx, user, actor.userId);
      this.audit.record(tx, {
        action: 'user.created',
        target: { type: 'user', id: user.id },
        metadata: {
          role: user.role,
          via: invite ? 'invite' : 'password',
          ...(invite ? { emailed: invite.emailed } : {}),
        },
      });
      return invite ? { user, invite } : { user };
    });
  }

  /** Role and active changes take effect on the target's very next request. */
  async update(actor: Principal, id: string, patch: UserPatch): Promise<User> {
    return this.db.transaction(async (tx) => {
      const user = await this.mustGet(tx, id, true);
      if (user.id === actor.userId) {
        if (patch.active === false)
          throw new IdentityError(E.CannotDeactivateSelf, 'You cannot deactivate your own account');
        if (patch.role !== undefined && patch.role !== user.role)
          throw new IdentityError(E.CannotChangeOwnRole, 'Another owner or admin must change your role');
      }
      if ((user.role === 'owner' || patch.role === 'owner') && actor.role !== 'owner') throw ownerProtected();
      const now = new Date(this.clock.now());
      const target = { type: 'user', id: user.id };
      if (patch.role !== undefined && patch.role !== user.role) {
        await this.users.setRole(tx, user.id, patch.role, now);
        this.audit.record(tx, {
          action: 'user.role_changed',
          target,
          metadata: { from: user.role, to: patch.role },
        });
        // A token issued for the old role must not open the account in its new one.
        await this.invites.revokeForUser(tx, user.id, 'role_changed');
        if (roleHas(user.role, 'users.manage') && !roleHas(patch.role, 'users.manage'))
          await this.invites.revokeIssuedBy(tx, user.id, 'inviter_role_changed');
      }
      if (patch.active !== undefined && patch.active !== user.active) {
        await this.users.setActive(tx, user.id, patch.active, now);
        if (!patch.active) {
          // Reactivation revives none of these: a new invitation is an admin's deliberate act.
          await this.invites.revokeForUser(tx, user.id, 'user_deactivated');
          await this.invites.revokeIssuedBy(tx, user.id, 'inviter_deactivated');
          const ended = await this.sessions.revokeAllOfUser(tx, user.id, 'user_deactivated');
          this.audit.record(tx, {
            action: 'user.deactivated',
            target,
            metadata: { sessionsEnded: ended.length },
          });
        } else {
          this.audit.record(tx, { action: 'user.reactivated', target });
        }
      }
      this.sessions.userChanged(tx, user.id);
      return this.mustGet(tx, user.id);
    });
  }

  /**
   * A new invitation for a user who has not set a password yet, replacing any earlier one; the
   * token goes to the caller. Inviting an owner is the owners' to do.
   */
  async reissueInvite(actor: Principal, id: string): Promise<IssuedInvite> {
    return this.db.transaction(async (tx) => {
      const user = await this.users.credentials(tx, id, true);
      if (!user) throw userNotFound();
      if (user.role === 'owner' && actor.role !== 'owner') throw ownerProtected();
      if (user.passwordHash) throw inviteNotNeeded();
      if (!user.active) throw userInactive();
      const invite = await this.invites.issue(tx, user, actor.userId);
      this.audit.record(tx, {
        action: 'user.invite_issued',
        target: { type: 'user', id: user.id },
        metadata: { role: user.role, emailed: invite.emailed },
      });
      return invite;
    });
  }

  /**
   * An owner or admin resets another user's MFA (a lost phone and lost recovery codes): the
   * secret and recovery codes are gone, every session of the user ends, and the user must enrol
   * again at their next sign-in whatever their role. Only an owner resets an owner's; nobody
   * resets their own (a session alone must not remove its account's second factor).
   */
  async resetMfa(actor: Principal, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const user = await this.mustGet(tx, id, true);
      if (user.id === actor.userId)
        throw new IdentityError(
          E.CannotResetOwnMfa,
          'Another owner or admin must reset your MFA; signed in, regenerate your recovery codes instead',
        );
      if (user.role === 'owner' && actor.role !== 'owner') throw ownerProtected();
      if (!user.mfaEnabled) throw new IdentityError(E.MfaNotEnabled, 'This user has no MFA to reset');
      await this.mfa.reset(tx, user.id);
      const ended = await this.sessions.revokeAllOfUser(tx, user.id, 'mfa_reset');
      this.audit.record(tx, {
        action: 'user.mfa_reset',
        target: { type: 'user', id: user.id },
        metadata: { role: user.role, sessionsEnded: ended.length },
      });
    });
  }

  /** Live sessions of a user (`userId` of the caller for `/v1/me/sessions`). */
  listSessions(userId: string): Promise<Session[]> {
    return this.db.transaction(async (tx) => {
      await this.mustGet(tx, userId);
      return this.sessionRows.listLive(tx, userId, new Date(this.clock.now()));
    });
  }

  /** Ends one session of a user, or all of them (`sessionId` undefined). */
  async revokeSessions(actor: Principal, userId: string, sessionId?: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const user = await this.mustGet(tx, userId);
      if (user.id !== actor.userId && user.role === 'owner' && actor.role !== 'owner') throw ownerProtected();
      let ids: string[];
      if (sessionId) {
        const session = await this.sessionRows.get(tx, sessionId);
        if (!session || session.userId !== user.id || session.revokedAt)
          throw new IdentityError(E.SessionNotFound, 'Session not found');
        ids = [session.id];
      } else {
        ids = (await this.sessionRows.listLive(tx, user.id, new Date(this.clock.now()))).map((s) => s.id);
      }
      const reason = user.id === actor.userId ? 'revoked_by_user' : 'revoked_by_admin';
      const revoked = await this.sessions.revoke(tx, ids, reason);
      for (const id of revoked)
        this.audit.record(tx, {
          action: 'auth.session_revoked',
          target: { type: 'session', id },
          metadata: { userId: user.id, reason },
        });
      return revoked.length;
    });
  }

  /**
   * The caller's own availability: away users get no conversations from a team's round-robin
   * (an explicit assignment still reaches them). Audited when it changes.
   */
  setAvailability(actor: Principal, away: boolean): Promise<User> {
    return this.db.transaction(async (tx) => {
      await this.mustGet(tx, actor.userId);
      if (await this.users.setAway(tx, actor.userId, away, new Date(this.clock.now())))
        this.audit.record(tx, {
          action: 'user.availability_changed',
          target: { type: 'user', id: actor.userId },
          metadata: { away },
        });
      return this.mustGet(tx, actor.userId);
    });
  }

  private async mustGet(tx: TenantTx, id: string, lock = false): Promise<User> {
    const user = lock ? await this.users.credentials(tx, id, true) : await this.users.get(tx, id);
    if (!user) throw userNotFound();
    return user;
  }
}
