import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  auditTrail,
  controlAuthClock,
  ownerPool,
  StaffClient,
  type StaffMember,
  startApi,
  strongPassword,
  type TestClock,
  uniqueEmail,
} from '@app/testing';
import { createSandboxApp } from '../apps/sandbox/src/sandbox-app.js';
import { MatchedLatency } from '../libs/identity/src/auth/matched-latency.js';
import { waitFor } from './ingestion-fixtures.js';

const PLATFORM_FROM = 'accounts@platform.example';
const MINUTE = 60_000;

interface SentEmail {
  id: string;
  provider: string;
  to: string;
  from?: string;
  subject?: string | null;
  text?: string | null;
  customArgs?: Record<string, string>;
}

/** Forgot-password: always 202 with no body. */
async function forgot(c: StaffClient, email: string) {
  const res = await c.post('/v1/auth/password/forgot', { email });
  expect([res.status, res.text]).toEqual([202, '']);
  return res;
}

// Issue 22, account recovery and staff lifecycle: forgot/reset password by email (through the
// SendGrid sandbox), change of password, an admin's MFA reset, emailed invitations, recovery codes.
describe('account recovery and staff lifecycle', () => {
  let sandbox: NestExpressApplication;
  let app: INestApplication;
  let clock: TestClock;
  let db: pg.Pool;

  beforeAll(async () => {
    sandbox = await createSandboxApp({ logger: false });
    await sandbox.listen(0, '127.0.0.1');
    const sandboxUrl = `http://127.0.0.1:${(sandbox.getHttpServer().address() as AddressInfo).port}`;
    app = await startApi({
      ALLOW_SIGNUP: 'true',
      SENDGRID_API_BASE_URL: sandboxUrl,
      PLATFORM_EMAIL_FROM: PLATFORM_FROM,
      SENDGRID_API_KEY: 'SG.platform-account-emails',
    });
    clock = controlAuthClock(app);
    db = ownerPool();
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await sandbox?.close();
  });

  /** Everything the sandbox's SendGrid received for `to`, newest first. */
  async function emailsTo(to: string): Promise<SentEmail[]> {
    const res = await request(sandbox.getHttpServer())
      .get('/sandbox/messages')
      .query({ provider: 'sendgrid' });
    return (res.body as SentEmail[]).filter((m) => m.to === to);
  }

  /** Waits for the `count`-th email to `to` and returns the token of its link. */
  async function tokenFromEmail(to: string, count = 1): Promise<{ token: string; email: SentEmail }> {
    const emails = await waitFor(async () => {
      const sent = await emailsTo(to);
      return sent.length >= count && sent;
    });
    const email = emails[0]!;
    const match = /#token=([^\s]+)/.exec(email.text ?? '');
    expect(match).not.toBeNull();
    return { token: decodeURIComponent(match![1]!), email };
  }

  describe('forgot password', () => {
    it('emails a single-use link; the reset ends every session and the new password signs in', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });
      const second = await c.passwordLogin(owner.email, owner.password);

      await forgot(c, owner.email.toUpperCase());
      const { token, email } = await tokenFromEmail(owner.email);
      expect(email.from).toContain(PLATFORM_FROM);
      expect(email.subject).toBe('Reset your Consent Inbox password');
      expect(email.text).toContain('30 minutes');
      expect(token).toMatch(/^pwr_/);
      // Only the hash is kept.
      const { rows } = await db.query(`SELECT token_hash FROM password_reset_tokens WHERE user_id = $1`, [
        owner.userId,
      ]);
      expect(rows).toHaveLength(1);
      expect(token).not.toContain((rows[0].token_hash as Buffer).toString('base64url'));

      const weak = await c.post('/v1/auth/password/reset', { token, password: 'password1234' }).expect(400);
      expect(weak.body.error.code).toBe('validation_failed');
      const password = strongPassword();
      await c.post('/v1/auth/password/reset', { token, password }).expect(204);

      for (const accessToken of [owner.accessToken, second.accessToken]) {
        const res = await c.get('/v1/me', accessToken).expect(401);
        expect(res.body.error.code).toBe('session_revoked');
      }
      await c.post('/v1/auth/refresh', { refreshToken: second.refreshToken }).expect(401);
      await c.post('/v1/auth/login', { email: owner.email, password: owner.password }).expect(401);
      const fresh = await c.passwordLogin(owner.email, password);
      await c.get('/v1/me', fresh.accessToken).expect(200);

      // Single use.
      const again = await c
        .post('/v1/auth/password/reset', { token, password: strongPassword() })
        .expect(400);
      expect(again.body.error.code).toBe('invalid_reset_token');

      const trail = await auditTrail(app, owner.practiceId);
      expect(trail.find((e) => e.action === 'auth.password_reset_requested')).toMatchObject({
        outcome: 'success',
        target: { type: 'user', id: owner.userId },
      });
      expect(trail.find((e) => e.action === 'auth.password_reset_completed')).toMatchObject({
        outcome: 'success',
        metadata: { sessionsEnded: 2 },
      });
    });

    it('a link expires after 30 minutes, and a newer request replaces the older link', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });

      await forgot(c, owner.email);
      const first = await tokenFromEmail(owner.email, 1);
      await forgot(c, owner.email);
      const second = await tokenFromEmail(owner.email, 2);
      expect(second.token).not.toBe(first.token);
      const replaced = await c.post('/v1/auth/password/reset', {
        token: first.token,
        password: strongPassword(),
      });
      expect([replaced.status, replaced.body.error.code]).toEqual([400, 'invalid_reset_token']);

      clock.advance(30 * MINUTE + 1000);
      const late = await c.post('/v1/auth/password/reset', {
        token: second.token,
        password: strongPassword(),
      });
      expect([late.status, late.body.error.code]).toEqual([400, 'invalid_reset_token']);
      // The old password still works: nothing changed.
      await c.passwordLogin(owner.email, owner.password);

      const forged = await c.post('/v1/auth/password/reset', {
        token: second.token.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A')),
        password: strongPassword(),
      });
      expect([forged.status, forged.body.error.code]).toEqual([400, 'invalid_reset_token']);
    });

    it('an unknown email gets the same 202 in matched time and nothing is sent', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });
      const latency = app.get(MatchedLatency, { strict: false });
      const record = vi.spyOn(latency, 'record');
      const matchTo = vi.spyOn(latency, 'matchTo');

      const known = await forgot(c, owner.email);
      expect(record).toHaveBeenCalledWith('password_forgot', expect.any(Number));
      expect(matchTo).not.toHaveBeenCalled();
      await tokenFromEmail(owner.email);

      const stranger = uniqueEmail('stranger');
      const unknown = await forgot(c, stranger);
      expect(matchTo).toHaveBeenCalledWith('password_forgot', expect.any(Number));
      expect(unknown.headers['content-length']).toBe(known.headers['content-length']);
      const malformed = await forgot(c, 'not an email');
      expect(malformed.text).toBe('');
      expect(await emailsTo(stranger)).toEqual([]);
    });

    it('sends at most 3 links per account per hour; the 4th request answers the same', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });
      for (let i = 0; i < 4; i++) await forgot(c, owner.email);
      await tokenFromEmail(owner.email, 3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await emailsTo(owner.email)).toHaveLength(3);
      const trail = await auditTrail(app, owner.practiceId);
      expect(
        trail.filter((e) => e.action === 'auth.password_reset_requested' && e.outcome === 'denied'),
      ).toEqual([expect.objectContaining({ metadata: { reason: 'too_many_requests' } })]);
    });
  });

  describe('change password', () => {
    it('needs the current password; ends my other sessions, keeps this one', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });
      const other = await c.passwordLogin(owner.email, owner.password);
      const newPassword = strongPassword();

      const wrong = await c
        .post('/v1/me/password', { currentPassword: 'not-my-password', newPassword }, owner.accessToken)
        .expect(403);
      expect(wrong.body.error.code).toBe('invalid_current_password');
      const same = await c
        .post(
          '/v1/me/password',
          { currentPassword: owner.password, newPassword: owner.password },
          owner.accessToken,
        )
        .expect(400);
      expect(same.body.error.details[0].path).toBe('newPassword');

      await c
        .post('/v1/me/password', { currentPassword: owner.password, newPassword }, owner.accessToken)
        .expect(204);
      await c.get('/v1/me', owner.accessToken).expect(200);
      expect((await c.get('/v1/me', other.accessToken).expect(401)).body.error.code).toBe('session_revoked');
      await c.post('/v1/auth/login', { email: owner.email, password: owner.password }).expect(401);
      await c.passwordLogin(owner.email, newPassword);

      const trail = await auditTrail(app, owner.practiceId);
      expect(trail.find((e) => e.action === 'auth.password_change')).toMatchObject({
        outcome: 'failure',
        metadata: { reason: 'invalid_password', failedAttempts: 1 },
      });
      expect(trail.find((e) => e.action === 'auth.password_changed')).toMatchObject({
        metadata: { sessionsEnded: 1 },
      });
    });

    it('wrong current passwords lock the account like wrong sign-ins', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });
      const attempt = (currentPassword: string) =>
        c.post('/v1/me/password', { currentPassword, newPassword: strongPassword() }, owner.accessToken);
      for (let i = 1; i <= 4; i++) expect((await attempt(`wrong-${i}`)).status).toBe(403);
      const locking = await attempt('wrong-5');
      expect([locking.status, locking.body.error.code]).toEqual([423, 'account_locked']);
      expect(Number(locking.headers['retry-after'])).toBeGreaterThan(0);
      // Locked: even the right one is refused until the lock ends.
      expect((await attempt(owner.password)).status).toBe(423);
    });
  });

  describe('MFA reset by an owner or admin', () => {
    it("forces re-enrolment at the user's next sign-in and ends their sessions", async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice();
      const admin = await c.addStaff(owner, 'admin');
      const provider = await c.addStaff(owner, 'provider', { enrolMfa: true });

      await c.post(`/v1/users/${admin.userId}/mfa/reset`, {}, owner.accessToken).expect(204);
      expect((await c.get('/v1/me', admin.accessToken).expect(401)).body.error.code).toBe('session_revoked');
      const login = await c
        .post('/v1/auth/login', { email: admin.email, password: admin.password })
        .expect(200);
      expect(login.body.mfaEnrollmentRequired).toBe(true);
      expect(login.body.mfaRequired).toBeUndefined();
      const blocked = await c.get('/v1/users', login.body.accessToken).expect(403);
      expect(blocked.body.error.code).toBe('mfa_enrollment_required');
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM user_recovery_codes WHERE user_id = $1`,
        [admin.userId],
      );
      expect(rows[0].n).toBe(0);

      // A role that needs no MFA must enrol again too, once reset; enrolling clears the demand.
      const reenrolled = await c.enrolMfa({ ...admin, ...login.body });
      await c.post(`/v1/users/${provider.userId}/mfa/reset`, {}, reenrolled.accessToken).expect(204);
      const providerLogin = await c
        .post('/v1/auth/login', { email: provider.email, password: provider.password })
        .expect(200);
      expect(providerLogin.body.mfaEnrollmentRequired).toBe(true);
      const providerEnrolled = await c.enrolMfa({ ...provider, ...providerLogin.body });
      const relogin = await c
        .post('/v1/auth/login', { email: provider.email, password: provider.password })
        .expect(200);
      expect(relogin.body.mfaRequired).toBe(true);
      expect(providerEnrolled.recoveryCodes).toHaveLength(10);

      const trail = await auditTrail(app, owner.practiceId);
      expect(trail.filter((e) => e.action === 'user.mfa_reset')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            actor: { type: 'user', id: owner.userId },
            target: { type: 'user', id: admin.userId },
            metadata: { role: 'admin', sessionsEnded: 1 },
          }),
        ]),
      );
    });

    it("an admin cannot reset an owner's MFA, nobody resets their own, and staff cannot at all", async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice();
      const admin = await c.addStaff(owner, 'admin');
      const frontDesk = await c.addStaff(owner, 'front_desk');
      const billing = await c.addStaff(owner, 'billing');

      const protectedOwner = await c.post(`/v1/users/${owner.userId}/mfa/reset`, {}, admin.accessToken);
      expect([protectedOwner.status, protectedOwner.body.error.code]).toEqual([403, 'owner_protected']);
      const own = await c.post(`/v1/users/${owner.userId}/mfa/reset`, {}, owner.accessToken);
      expect([own.status, own.body.error.code]).toEqual([409, 'cannot_reset_own_mfa']);
      const nothing = await c.post(`/v1/users/${billing.userId}/mfa/reset`, {}, owner.accessToken);
      expect([nothing.status, nothing.body.error.code]).toEqual([409, 'mfa_not_enabled']);
      const staff = await c.post(`/v1/users/${admin.userId}/mfa/reset`, {}, frontDesk.accessToken);
      expect([staff.status, staff.body.error.code]).toEqual([403, 'forbidden']);
      // The owner still signs in with their second factor.
      await c.loginWithMfa(owner);
    });
  });

  describe('invitations', () => {
    it('are emailed (PHI-free) and can be re-sent; the emailed link accepts', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ practiceName: 'Lakeside Dental' });
      const email = uniqueEmail('invitee');
      const created = await c
        .post('/v1/users', { email, name: 'Ivy Invitee', role: 'provider' }, owner.accessToken)
        .expect(201);
      expect(created.body.invite).toMatchObject({ emailed: true });
      const first = await tokenFromEmail(email);
      expect(first.token).toBe(created.body.invite.token);
      expect(first.email.subject).toBe('You are invited to Lakeside Dental on Consent Inbox');
      expect(first.email.text).toContain('/accept-invite#token=');
      expect(first.email.text).not.toContain('Ivy');

      const resent = await c.post(`/v1/users/${created.body.id}/invite`, {}, owner.accessToken).expect(202);
      expect(resent.body).toMatchObject({ emailed: true, token: expect.stringMatching(/^inv_/) });
      const second = await tokenFromEmail(email, 2);
      expect(second.token).toBe(resent.body.token);
      const stale = await c.post('/v1/auth/invites/accept', {
        token: first.token,
        password: strongPassword(),
      });
      expect([stale.status, stale.body.error.code]).toEqual([410, 'invite_revoked']);
      const password = strongPassword();
      await c.post('/v1/auth/invites/accept', { token: second.token, password }).expect(200);
      await c.passwordLogin(email, password);

      const trail = await auditTrail(app, owner.practiceId);
      expect(trail.find((e) => e.action === 'user.invite_issued')).toMatchObject({
        metadata: { role: 'provider', emailed: true },
      });
    });
  });

  describe('recovery codes', () => {
    it('regenerates with a current authenticator code; the old codes stop working', async () => {
      const c = new StaffClient(app);
      const owner: StaffMember = await c.signupPractice();
      const wrong = await c
        .post('/v1/auth/mfa/recovery-codes', { code: '000000' }, owner.accessToken)
        .expect(422);
      expect(wrong.body.error.code).toBe('invalid_mfa_code');

      const res = await c
        .post(
          '/v1/auth/mfa/recovery-codes',
          { code: await c.freshTotp(owner.totpSecret!) },
          owner.accessToken,
        )
        .expect(200);
      expect(res.body.recoveryCodes).toHaveLength(10);
      expect(res.body.recoveryCodes).not.toContain(owner.recoveryCodes![0]);

      const login = await c
        .post('/v1/auth/login', { email: owner.email, password: owner.password })
        .expect(200);
      const old = await c.post('/v1/auth/mfa', {
        mfaToken: login.body.mfaToken,
        code: owner.recoveryCodes![0],
      });
      expect([old.status, old.body.error.code]).toEqual([401, 'invalid_mfa_code']);
      await c
        .post('/v1/auth/mfa', { mfaToken: login.body.mfaToken, code: res.body.recoveryCodes[0] })
        .expect(200);
      const trail = await auditTrail(app, owner.practiceId);
      expect(trail.some((e) => e.action === 'auth.recovery_codes_regenerated')).toBe(true);
    });
  });
});
