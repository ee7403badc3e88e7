import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditTrail,
  controlAuthClock,
  StaffClient,
  type StaffMember,
  startApi,
  strongPassword,
  type TestClock,
  uniqueEmail,
} from '@app/testing';

const MINUTE = 60_000;

// Staff sign-in (issue 3): signup, password step, lockout, rate limit, refresh rotation, logout,
// idle logoff, and the audit trail of all of it. MFA and user administration: sibling files.
describe('staff authentication', () => {
  let app: INestApplication;
  let clock: TestClock;

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    clock = controlAuthClock(app);
  });
  afterAll(() => app?.close());

  describe('signup -> login -> /v1/me', () => {
    it('creates a practice and its owner, who signs in and reads their profile', async () => {
      const c = new StaffClient(app);
      const email = uniqueEmail('Owner');
      const password = strongPassword();
      const signup = await c
        .post('/v1/auth/signup', { practiceName: 'Lakeside Dental', name: 'Dana Owner', email, password })
        .expect(201);
      expect(signup.body).toEqual({ practiceId: expect.any(String), userId: expect.any(String) });

      // Emails are case-insensitive.
      const login = await c.post('/v1/auth/login', { email: email.toUpperCase(), password }).expect(200);
      expect(login.body).toMatchObject({
        tokenType: 'Bearer',
        accessToken: expect.any(String),
        refreshToken: expect.stringMatching(/^rt_/),
        expiresIn: 900,
        // Owners must enrol in MFA before anything but /v1/me and /v1/auth/*.
        mfaEnrollmentRequired: true,
      });
      const me = await c.get('/v1/me', login.body.accessToken).expect(200);
      expect(me.body).toEqual({
        id: signup.body.userId,
        email,
        name: 'Dana Owner',
        role: 'owner',
        practiceId: signup.body.practiceId,
        mfaEnabled: false,
        mfaEnrollmentRequired: true,
        away: false,
      });
    });

    it('answers 401 on /v1/me without a token, with a garbage token and with a token signed by someone else', async () => {
      const c = new StaffClient(app);
      const none = await c.get('/v1/me').expect(401);
      expect(none.body.error.code).toBe('unauthorized');
      await c.get('/v1/me', 'not-a-jwt').expect(401);
      const owner = await c.signupPractice({ enrolMfa: false });
      const [header, payload] = owner.accessToken.split('.');
      await c.get('/v1/me', `${header}.${payload}.${'A'.repeat(43)}`).expect(401);
    });

    it('refuses weak passwords with per-field details and never echoes them', async () => {
      const c = new StaffClient(app);
      for (const password of [
        'short1!',
        'Password1234',
        'qwertyuiop123',
        'abcabcabcabcabc',
        'P@ssw0rd2024!',
      ]) {
        const res = await c
          .post('/v1/auth/signup', { practiceName: 'P', name: 'N', email: uniqueEmail(), password })
          .expect(400);
        expect(res.body.error.code).toBe('validation_failed');
        expect(res.body.error.details).toEqual([{ path: 'password', message: expect.any(String) }]);
        expect(JSON.stringify(res.body)).not.toContain(password);
      }
    });

    it('keeps emails unique across all practices without telling signup (same 201, nothing created)', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });
      const password = strongPassword();
      await c
        .post('/v1/auth/signup', {
          practiceName: 'Copycat Clinic',
          name: 'Someone',
          email: owner.email.toUpperCase(),
          password,
        })
        .expect(201);
      // The original account is untouched; the second password opens nothing.
      await c.post('/v1/auth/login', { email: owner.email, password }).expect(401);
      await c.passwordLogin(owner.email, owner.password);
    });
  });

  describe('password step', () => {
    it('answers an unknown email exactly like a wrong password', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });
      const wrong = await c.post('/v1/auth/login', { email: owner.email, password: 'wrong-password-123' });
      const unknown = await c.post('/v1/auth/login', {
        email: uniqueEmail(),
        password: 'wrong-password-123',
      });
      const malformed = await c.post('/v1/auth/login', { email: 'not an email', password: 'x' });
      for (const res of [wrong, unknown, malformed]) {
        expect(res.status).toBe(401);
        expect(res.body).toEqual({
          error: { code: 'invalid_credentials', message: 'The email or password is not correct' },
        });
      }
    });

    it('locks the account after 5 consecutive failures (423 + Retry-After to the right password only), until the window ends', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });
      const attempt = (password: string) => c.post('/v1/auth/login', { email: owner.email, password });

      // The failure that locks answers like any wrong password (issue 19: no account enumeration).
      for (let i = 1; i <= 5; i++) expect((await attempt(`wrong-password-${i}`)).status).toBe(401);

      const rightButLocked = await attempt(owner.password);
      expect(rightButLocked.status).toBe(423);
      expect(rightButLocked.body.error.code).toBe('account_locked');
      expect(Number(rightButLocked.headers['retry-after'])).toBe(15 * 60);
      expect(rightButLocked.body.accessToken).toBeUndefined();

      clock.advance(10 * MINUTE);
      const stillLocked = await attempt(owner.password);
      expect(stillLocked.status).toBe(423);
      expect(Number(stillLocked.headers['retry-after'])).toBeLessThanOrEqual(5 * 60);

      clock.advance(5 * MINUTE + 1000);
      expect((await attempt(owner.password)).status).toBe(200);

      // A success resets the count: four more failures do not lock.
      for (let i = 1; i <= 4; i++) expect((await attempt(`wrong-again-${i}`)).status).toBe(401);
      expect((await attempt(owner.password)).status).toBe(200);

      const trail = await auditTrail(app, owner.practiceId);
      expect(trail.filter((e) => e.action === 'auth.lockout')).toHaveLength(1);
      expect(trail).toContainEqual(
        expect.objectContaining({
          action: 'auth.login',
          outcome: 'failure',
          metadata: expect.objectContaining({ reason: 'locked' }),
        }),
      );
    });

    it('counts concurrent failures exactly (no lost updates)', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice({ enrolMfa: false });
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          c.post('/v1/auth/login', { email: owner.email, password: `nope-${i}` }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
      // All five counted: the account is locked (which only the right password is told).
      expect((await c.post('/v1/auth/login', { email: owner.email, password: owner.password })).status).toBe(
        423,
      );
    });

    it('rate-limits /v1/auth/* per client address (429 rate_limited + Retry-After), not other addresses', async () => {
      const flooder = new StaffClient(app);
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++)
        statuses.push((await flooder.post('/v1/auth/login', { email: uniqueEmail(), password: 'x' })).status);
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      const limited = await flooder.post('/v1/auth/login', { email: uniqueEmail(), password: 'x' });
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

      const neighbour = new StaffClient(app);
      expect((await neighbour.post('/v1/auth/login', { email: uniqueEmail(), password: 'x' })).status).toBe(
        401,
      );
      // Routes outside /v1/auth are not limited by it.
      await flooder.get('/health/live').expect(200);
    });
  });

  describe('refresh tokens', () => {
    it('rotate on every use; reusing a spent one ends the whole session', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice();

      const first = await c.post('/v1/auth/refresh', { refreshToken: owner.refreshToken }).expect(200);
      expect(first.body.refreshToken).not.toBe(owner.refreshToken);
      expect(first.body.accessToken).not.toBe(owner.accessToken);
      await c.get('/v1/users', first.body.accessToken).expect(200);

      const second = await c.post('/v1/auth/refresh', { refreshToken: first.body.refreshToken }).expect(200);
      await c.get('/v1/me', second.body.accessToken).expect(200);

      // The first token again: a thief or a replay. The session family dies.
      const reuse = await c.post('/v1/auth/refresh', { refreshToken: owner.refreshToken }).expect(401);
      expect(reuse.body.error.code).toBe('refresh_token_reused');
      const afterwards = await c
        .post('/v1/auth/refresh', { refreshToken: second.body.refreshToken })
        .expect(401);
      expect(afterwards.body.error.code).toBe('session_revoked');
      const denied = await c.get('/v1/me', second.body.accessToken).expect(401);
      expect(denied.body.error.code).toBe('session_revoked');

      const trail = await auditTrail(app, owner.practiceId);
      expect(trail.filter((e) => e.action === 'auth.refresh' && e.outcome === 'success')).toHaveLength(2);
      expect(trail).toContainEqual(
        expect.objectContaining({
          action: 'auth.refresh_reuse',
          outcome: 'denied',
          target: expect.anything(),
        }),
      );
    });

    it('refuses malformed, forged and cross-tenant refresh tokens with 401', async () => {
      const c = new StaffClient(app);
      const a = await c.signupPractice({ enrolMfa: false });
      const b = await c.signupPractice({ enrolMfa: false });
      const [, rest] = a.refreshToken.split('_');
      const [, sessionId, secret] = rest!.split('.');
      const forged = [
        'garbage',
        `rt_${a.practiceId}.${sessionId}.${'x'.repeat(43)}`,
        // A's session and secret presented under B's tenant: RLS hides the session.
        `rt_${b.practiceId}.${sessionId}.${secret}`,
      ];
      for (const refreshToken of forged) {
        const res = await c.post('/v1/auth/refresh', { refreshToken }).expect(401);
        expect(res.body.error.code).toBe('invalid_refresh_token');
      }
      // None of those attempts harmed A's session.
      await c.post('/v1/auth/refresh', { refreshToken: a.refreshToken }).expect(200);
    });
  });

  it('logout ends the session: its access and refresh tokens stop working', async () => {
    const c = new StaffClient(app);
    const owner = await c.signupPractice();
    await c.post('/v1/auth/logout', {}, owner.accessToken).expect(204);
    expect((await c.get('/v1/me', owner.accessToken).expect(401)).body.error.code).toBe('session_revoked');
    await c.post('/v1/auth/refresh', { refreshToken: owner.refreshToken }).expect(401);
    const trail = await auditTrail(app, owner.practiceId);
    expect(trail.map((e) => e.action)).toContain('auth.logout');
  });

  describe('automatic logoff after inactivity', () => {
    it('slides with activity and ends the session after the idle timeout (default 15 min)', async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice();
      // Activity every 10 minutes keeps the session alive well past 15 minutes in total.
      for (let i = 0; i < 3; i++) {
        clock.advance(10 * MINUTE);
        await c.get('/v1/me', owner.accessToken).expect(200);
      }
      clock.advance(15 * MINUTE + 1000);
      const res = await c.get('/v1/me', owner.accessToken).expect(401);
      expect(res.body.error.code).toBe('session_expired');
      // The refresh token of an idle session is dead too.
      await c.post('/v1/auth/refresh', { refreshToken: owner.refreshToken }).expect(401);
      const trail = await auditTrail(app, owner.practiceId);
      expect(trail.map((e) => e.action)).toContain('auth.session_idle_timeout');
    });

    it("uses the practice's own idle timeout once an owner changes it", async () => {
      const c = new StaffClient(app);
      const owner = await c.signupPractice();
      const frontDesk = await c.addStaff(owner, 'front_desk');
      const settings = await c
        .patch('/v1/practice/settings', { idleTimeoutMinutes: 5 }, owner.accessToken)
        .expect(200);
      expect(settings.body).toEqual({
        idleTimeoutMinutes: 5,
        mfaRequiredForAllRoles: false,
        // The patient pages' settings (issue 6), at their defaults.
        secureLinkDays: 14,
        portalRequireDateOfBirth: false,
        portalBrandColor: null,
        portalLogoDataUri: null,
        // Messaging (issue 22), at their defaults.
        conversationReopenDays: 7,
        smsHelpReply: null,
        smsHelpContactNumber: null,
        // Reminders for unread secure messages (issue 22), at their defaults.
        timeZone: 'America/New_York',
        secureReminderDelayHours: 24,
        secureReminderMax: 2,
        reminderWindowStartHour: 8,
        reminderWindowEndHour: 21,
        // No SLA and no auto-close until a practice sets them (issue 23).
        slaMinutes: null,
        autoCloseDays: null,
        // Plain email over TLS is tried again 30 days after an address refused it (issue 25).
        noTlsRecheckDays: 30,
      });
      clock.advance(4 * MINUTE);
      await c.get('/v1/me', owner.accessToken).expect(200);
      clock.advance(5 * MINUTE + 1000);
      // The front desk session (already open) idled 9 minutes: past the new 5-minute limit.
      expect((await c.get('/v1/me', frontDesk.accessToken)).body.error?.code).toBe('session_expired');
      await c.get('/v1/me', owner.accessToken).expect(401);
    });

    it('also holds when Redis has lost the session state (the database decides)', async () => {
      const c = new StaffClient(app);
      const owner: StaffMember = await c.signupPractice();
      const { REDIS, RedisKeys } = await import('@app/redis');
      const redis = app.get(REDIS, { strict: false }) as import('@app/redis').RedisClient;
      const keys = app.get(RedisKeys, { strict: false });
      const sessionId = owner.refreshToken.split('.')[1]!;
      const sessionKey = keys.key('session', keys.tag(owner.practiceId), sessionId);
      expect(await redis.del(sessionKey, keys.key('user', keys.tag(owner.practiceId), owner.userId))).toBe(2);
      await c.get('/v1/me', owner.accessToken).expect(200); // reloaded from the database
      expect(await redis.del(sessionKey)).toBe(1);
      clock.advance(16 * MINUTE);
      expect((await c.get('/v1/me', owner.accessToken).expect(401)).body.error.code).toBe('session_expired');
    });
  });

  it('writes every auth event of a practice to its audit trail, without secrets', async () => {
    const c = new StaffClient(app);
    const owner = await c.signupPractice();
    await c.post('/v1/auth/login', { email: owner.email, password: 'wrong-password-1' }).expect(401);
    const again = await c.loginWithMfa(owner);
    await c.post('/v1/auth/refresh', { refreshToken: again.refreshToken }).expect(200);
    await c.post('/v1/auth/logout', {}, owner.accessToken).expect(204);

    const trail = await auditTrail(app, owner.practiceId);
    const actions = trail.map((e) => `${e.action}:${e.outcome}`);
    for (const expected of [
      'practice.created:success',
      'user.created:success',
      'auth.login:success',
      'auth.login:failure',
      'auth.mfa_setup:success',
      'auth.mfa_enabled:success',
      'auth.mfa:success',
      'auth.refresh:success',
      'auth.logout:success',
    ])
      expect(actions).toContain(expected);
    const failure = trail.find((e) => e.action === 'auth.login' && e.outcome === 'failure')!;
    expect(failure).toMatchObject({
      actor: { type: 'user', id: owner.userId },
      metadata: { reason: 'invalid_password', failedAttempts: 1 },
      ip: c.ip,
    });
    const serialized = JSON.stringify(trail);
    for (const secret of [owner.password, owner.email, owner.totpSecret!, again.refreshToken])
      expect(serialized).not.toContain(secret);
  });
});

describe('signup switch', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'false' });
  });
  afterAll(() => app?.close());

  it('refuses signup with 403 signup_disabled when ALLOW_SIGNUP is not true', async () => {
    const res = await new StaffClient(app)
      .post('/v1/auth/signup', {
        practiceName: 'Nope Clinic',
        name: 'N',
        email: uniqueEmail(),
        password: strongPassword(),
      })
      .expect(403);
    expect(res.body.error.code).toBe('signup_disabled');
  });
});
