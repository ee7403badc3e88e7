import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  auditTrail,
  appPool,
  controlAuthClock,
  ownerPool,
  StaffClient,
  type StaffMember,
  startApi,
  strongPassword,
  type TestClock,
  uniqueEmail,
} from '@app/testing';
import { MatchedLatency } from '../libs/identity/src/auth/matched-latency.js';
import { PasswordHasher } from '../libs/identity/src/passwords/password-hasher.js';

const DAY = 24 * 60 * 60_000;
const INVITE_DAYS = 7;
const INVALID_CREDENTIALS = {
  error: { code: 'invalid_credentials', message: 'The email or password is not correct' },
};

/** Adds a user without a password: the invitation token goes to `admin`. */
async function invite(c: StaffClient, admin: StaffMember, role: string, email = uniqueEmail(role)) {
  const res = await c.post('/v1/users', { email, name: `Invited ${role}`, role }, admin.accessToken);
  expect(res.status).toBe(201);
  return { userId: res.body.id as string, email, token: res.body.invite.token as string };
}

/** The algorithm and cost part of an encoded argon2 hash (`argon2id$v=19$m=...,p=...,t=...`). */
const argon2Params = (hash: string) => hash.split('$').slice(1, 4).join('$');

// Issue 19, staff identity: account enumeration, MFA policy on live sessions, invites that
// outlive the role they were issued for, the password policy, and invites squatting emails.
describe('staff identity hardening', () => {
  let app: INestApplication;
  let clock: TestClock;
  let db: pg.Pool;

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    clock = controlAuthClock(app);
    db = ownerPool();
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  describe('account enumeration', () => {
    it('a locked account answers like a wrong password unless the password is right', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });
      const attempt = (email: string, password: string) => c.post('/v1/auth/login', { email, password });

      // The failure that locks answers like any other: only the password's owner learns of the lock.
      for (let i = 1; i <= 6; i++) {
        const res = await attempt(owner.email, `wrong-password-${i}`);
        expect(res.status).toBe(401);
        expect(res.body).toEqual(INVALID_CREDENTIALS);
        expect(res.headers['retry-after']).toBeUndefined();
      }
      const unknown = await attempt(uniqueEmail(), 'wrong-password-x');
      expect([unknown.status, unknown.body]).toEqual([401, INVALID_CREDENTIALS]);

      const right = await attempt(owner.email, owner.password);
      expect(right.status).toBe(423);
      expect(right.body.error.code).toBe('account_locked');
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);

      // Wrong passwords while locked neither extend the lock nor count (the lock still ends on time).
      clock.advance(15 * 60_000 + 1000);
      await c.passwordLogin(owner.email, owner.password);
      const trail = await auditTrail(app, owner.practiceId);
      expect(trail.filter((e) => e.action === 'auth.lockout')).toHaveLength(1);
      expect(trail.filter((e) => e.action === 'auth.login' && e.metadata?.reason === 'locked')).toHaveLength(
        2,
      );
    });

    it('signup does not tell whether an email has an account: same answer, nothing created', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });
      const fresh = await c
        .post('/v1/auth/signup', {
          practiceName: 'Fresh Clinic',
          name: 'New Person',
          email: uniqueEmail('new'),
          password: strongPassword(),
        })
        .expect(201);
      const copycatPassword = strongPassword();
      const taken = await c.post('/v1/auth/signup', {
        practiceName: 'Copycat Clinic',
        name: 'Someone',
        email: owner.email.toUpperCase(),
        password: copycatPassword,
      });
      expect(taken.status).toBe(201);
      expect(Object.keys(taken.body).toSorted()).toEqual(Object.keys(fresh.body).toSorted());
      expect(taken.body.practiceId).not.toBe(owner.practiceId);

      const { rows } = await db.query(`SELECT id FROM practices WHERE id = $1 OR name = 'Copycat Clinic'`, [
        taken.body.practiceId,
      ]);
      expect(rows).toEqual([]);
      // The existing account is untouched and the new password opens nothing.
      await c.post('/v1/auth/login', { email: owner.email, password: copycatPassword }).expect(401);
      await c.passwordLogin(owner.email, owner.password);
    });

    it('an unknown email runs a real argon2 verify (same parameters) and waits like a known one', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });
      const hasher = app.get(PasswordHasher, { strict: false });
      const latency = app.get(MatchedLatency, { strict: false });
      const verify = vi.spyOn(hasher, 'verify');
      const record = vi.spyOn(latency, 'record');
      const matchTo = vi.spyOn(latency, 'matchTo');

      await c.post('/v1/auth/login', { email: owner.email, password: 'wrong-password-1' }).expect(401);
      expect(record).toHaveBeenCalledWith('login_refusal', expect.any(Number));
      expect(matchTo).not.toHaveBeenCalled();
      const [storedHash] = verify.mock.calls[0]!;

      verify.mockClear();
      await c.post('/v1/auth/login', { email: uniqueEmail(), password: 'wrong-password-1' }).expect(401);
      expect(verify).toHaveBeenCalledTimes(1);
      const [dummyHash, password] = verify.mock.calls[0]!;
      expect(password).toBe('wrong-password-1');
      // Same algorithm and cost as a real stored hash: only salt and digest differ.
      expect(argon2Params(dummyHash)).toBe(argon2Params(storedHash));
      expect(argon2Params(dummyHash)).toBe('argon2id$v=19$m=19456,p=1,t=2');
      expect(matchTo).toHaveBeenCalledWith('login_refusal', expect.any(Number));
    });
  });

  describe('MFA for every role', () => {
    it('limits the live sessions of users without MFA on their next request, and lifts it when turned off', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice();
      const frontDesk = await c.addStaff(owner, 'front_desk');
      await c.get('/v1/users', frontDesk.accessToken).expect(200);

      await c.patch('/v1/practice/settings', { mfaRequiredForAllRoles: true }, owner.accessToken).expect(200);
      const denied = await c.get('/v1/users', frontDesk.accessToken).expect(403);
      expect(denied.body.error.code).toBe('mfa_enrollment_required');
      const me = await c.get('/v1/me', frontDesk.accessToken).expect(200);
      expect(me.body.mfaEnrollmentRequired).toBe(true);
      // A refreshed pair says so too, and is just as limited.
      const refreshed = await c
        .post('/v1/auth/refresh', { refreshToken: frontDesk.refreshToken })
        .expect(200);
      expect(refreshed.body.mfaEnrollmentRequired).toBe(true);
      await c.get('/v1/users', refreshed.body.accessToken).expect(403);
      // Owners with MFA are not affected.
      await c.get('/v1/users', owner.accessToken).expect(200);

      await c
        .patch('/v1/practice/settings', { mfaRequiredForAllRoles: false }, owner.accessToken)
        .expect(200);
      await c.get('/v1/users', refreshed.body.accessToken).expect(200);
    });
  });

  describe('invitations', () => {
    it('an admin cannot take over an owner with the invite of a user later promoted', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice();
      const admin = await c.addStaff(owner, 'admin');
      const provider = await invite(c, admin, 'provider');

      await c.patch(`/v1/users/${provider.userId}`, { role: 'owner' }, owner.accessToken).expect(200);
      const stolen = strongPassword();
      const res = await c.post('/v1/auth/invites/accept', { token: provider.token, password: stolen });
      expect(res.status).toBe(410);
      expect(res.body.error.code).toBe('invite_revoked');
      await c.post('/v1/auth/login', { email: provider.email, password: stolen }).expect(401);

      // A new invitation for an owner is the owners' to give, and goes to the one who asks.
      const byAdmin = await c.post(`/v1/users/${provider.userId}/invite`, {}, admin.accessToken).expect(403);
      expect(byAdmin.body.error.code).toBe('owner_protected');
      const fresh = await c.post(`/v1/users/${provider.userId}/invite`, {}, owner.accessToken).expect(202);
      expect(fresh.body.token).toMatch(/^inv_/);
      const password = strongPassword();
      await c
        .post('/v1/auth/invites/accept', { token: fresh.body.token, password })
        .expect(200, { userId: provider.userId });
      await c.passwordLogin(provider.email, password);
      const trail = await auditTrail(app, owner.practiceId);
      expect(trail).toContainEqual(
        expect.objectContaining({
          action: 'user.invite_revoked',
          target: { type: 'user', id: provider.userId },
          metadata: expect.objectContaining({ reason: 'role_changed' }),
        }),
      );
    });

    it('deactivation kills a pending invite for good: reactivating does not revive it', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice();
      const billing = await invite(c, owner, 'billing');
      await c.patch(`/v1/users/${billing.userId}`, { active: false }, owner.accessToken).expect(200);
      await c.patch(`/v1/users/${billing.userId}`, { active: true }, owner.accessToken).expect(200);
      const res = await c.post('/v1/auth/invites/accept', {
        token: billing.token,
        password: strongPassword(),
      });
      expect([res.status, res.body.error.code]).toEqual([410, 'invite_revoked']);
    });

    it("an invite dies with its inviter's power to invite, and a new invite replaces the old", async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice();
      const admin = await c.addStaff(owner, 'admin');
      const first = await invite(c, admin, 'provider');
      const second = await invite(c, admin, 'front_desk');

      // The admin is demoted: what they handed out in that role goes with it.
      await c.patch(`/v1/users/${admin.userId}`, { role: 'provider' }, owner.accessToken).expect(200);
      for (const token of [first.token, second.token]) {
        const res = await c.post('/v1/auth/invites/accept', { token, password: strongPassword() });
        expect([res.status, res.body.error.code]).toEqual([410, 'invite_revoked']);
      }

      const again = await c.post(`/v1/users/${first.userId}/invite`, {}, owner.accessToken).expect(202);
      const latest = await c.post(`/v1/users/${first.userId}/invite`, {}, owner.accessToken).expect(202);
      const replaced = await c.post('/v1/auth/invites/accept', {
        token: again.body.token,
        password: strongPassword(),
      });
      expect([replaced.status, replaced.body.error.code]).toEqual([410, 'invite_revoked']);
      await c
        .post('/v1/auth/invites/accept', { token: latest.body.token, password: strongPassword() })
        .expect(200);
      // Nothing left to invite once the user has a password.
      const done = await c.post(`/v1/users/${first.userId}/invite`, {}, owner.accessToken).expect(409);
      expect(done.body.error.code).toBe('invite_not_needed');
    });
  });

  describe('password policy', () => {
    it('refuses a password made of the email or its local part, on signup, user creation and invites', async () => {
      const c = new StaffClient(app);
      const email = uniqueEmail('dana.owner');
      const local = email.split('@')[0]!;
      const signup = await c
        .post('/v1/auth/signup', { practiceName: 'P', name: 'Dana', email, password: `${local}!2025` })
        .expect(400);
      expect(signup.body.error.details).toEqual([{ path: 'password', message: expect.any(String) }]);
      expect(JSON.stringify(signup.body)).not.toContain(local);

      const owner = await c.signupPractice();
      const staffEmail = uniqueEmail('pat');
      await c
        .post(
          '/v1/users',
          { email: staffEmail, name: 'Pat', role: 'provider', password: staffEmail.toUpperCase() },
          owner.accessToken,
        )
        .expect(400);
      const invited = await invite(c, owner, 'provider');
      const fullWidth = [...invited.email.split('@')[0]!.toUpperCase()]
        .map((ch) => (/[A-Z0-9]/.test(ch) ? String.fromCodePoint(ch.codePointAt(0)! + 0xfee0) : ch))
        .join('');
      const res = await c
        .post('/v1/auth/invites/accept', { token: invited.token, password: `${fullWidth}#x` })
        .expect(400);
      expect(res.body.error.details).toEqual([{ path: 'password', message: expect.any(String) }]);
      // The refusal did not spend the invite.
      await c
        .post('/v1/auth/invites/accept', { token: invited.token, password: strongPassword() })
        .expect(200);
    });

    it('refuses full-width spellings of a common password (NFKC)', async () => {
      const c = new StaffClient(app);
      const res = await c
        .post('/v1/auth/signup', {
          practiceName: 'P',
          name: 'N',
          email: uniqueEmail(),
          password: 'ｐａｓｓｗｏｒｄ１２３４',
        })
        .expect(400);
      expect(res.body.error.details).toEqual([
        { path: 'password', message: expect.stringMatching(/common/) },
      ]);
    });
  });

  it('the app role can move only provisional login directory entries, even naming the email', async () => {
    const c = new StaffClient(app);
    const a = await c.signupPractice();
    const pending = await invite(c, a, 'provider');
    const b = await c.signupPractice();
    const pool = appPool();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [b.practiceId]);
      const touch = async (email: string) => {
        await client.query(`SELECT set_config('app.login_email', $1, true)`, [email]);
        return client.query(`UPDATE login_directory SET created_at = now() WHERE email_normalized = $1`, [
          email,
        ]);
      };
      // An account with a password is invisible to another practice's writes.
      expect((await touch(a.email)).rowCount).toBe(0);
      // A provisional one may only be moved into the writer's own practice.
      await expect(touch(pending.email)).rejects.toThrow(/row-level security/);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      await pool.end();
    }
  });

  // Last: it moves the clock a week, which ends every session opened before.
  describe('unaccepted invites do not squat an email', () => {
    it('frees the email of an invite that expired, in every practice; the late invitee is told', async () => {
      const c = new StaffClient(app);
      const a = await c.signupPractice({ practiceName: 'Practice A' });
      const pending = await invite(c, a, 'provider');
      const b = await c.signupPractice({ practiceName: 'Practice B' });

      // While the invite is live the email is taken (B must not steal A's invitee).
      const live = await c
        .post('/v1/users', { email: pending.email, name: 'Pat', role: 'provider' }, b.accessToken)
        .expect(409);
      expect(live.body.error.code).toBe('email_taken');

      clock.advance(INVITE_DAYS * DAY + 1000);
      const [freshA, freshB] = [await c.loginWithMfa(a), await c.loginWithMfa(b)];
      const password = strongPassword();
      const created = await c
        .post(
          '/v1/users',
          { email: pending.email, name: 'Pat at B', role: 'provider', password },
          freshB.accessToken,
        )
        .expect(201);
      const signedIn = await c.passwordLogin(pending.email, password);
      const me = await c.get('/v1/me', signedIn.accessToken).expect(200);
      expect(me.body).toMatchObject({ id: created.body.id, practiceId: b.practiceId });

      const late = await c.post('/v1/auth/invites/accept', {
        token: pending.token,
        password: strongPassword(),
      });
      expect([late.status, late.body.error.code]).toEqual([400, 'invalid_invite']);
      // A cannot take the email back by re-inviting: it belongs to someone else now.
      const reinvite = await c.post(`/v1/users/${pending.userId}/invite`, {}, freshA.accessToken).expect(409);
      expect(reinvite.body.error.code).toBe('email_taken');
    });

    it('a revoked invite frees the email at once; a re-invite takes it back while still free', async () => {
      const c = new StaffClient(app);
      const a = await c.signupPractice();
      const pending = await invite(c, a, 'billing');
      await c.patch(`/v1/users/${pending.userId}`, { role: 'front_desk' }, a.accessToken).expect(200);
      const again = await c.post(`/v1/users/${pending.userId}/invite`, {}, a.accessToken).expect(202);
      const b = await c.signupPractice();
      await c
        .post('/v1/users', { email: pending.email, name: 'X', role: 'provider' }, b.accessToken)
        .expect(409);
      await c
        .post('/v1/auth/invites/accept', { token: again.body.token, password: strongPassword() })
        .expect(200);

      const other = await invite(c, a, 'provider');
      await c.patch(`/v1/users/${other.userId}`, { active: false }, a.accessToken).expect(200);
      await c
        .post('/v1/users', { email: other.email, name: 'Y', role: 'provider' }, b.accessToken)
        .expect(201);
    });
  });
});
