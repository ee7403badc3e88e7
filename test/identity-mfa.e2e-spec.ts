import type { INestApplication } from '@nestjs/common';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditTrail,
  controlAuthClock,
  ownerPool,
  StaffClient,
  type StaffMember,
  startApi,
  type TestClock,
  totpAt,
} from '@app/testing';

/** Password step of an enrolled member; returns the mfaToken. */
async function passwordStep(c: StaffClient, member: StaffMember): Promise<string> {
  const res = await c.post('/v1/auth/login', { email: member.email, password: member.password }).expect(200);
  expect(res.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
  return res.body.mfaToken;
}

// TOTP multi-factor (issue 3): mandatory enrolment for owner/admin, the MFA step, single-use
// codes (TOTP replay, recovery codes), lockout through the second factor, practice policy.
describe('multi-factor authentication', () => {
  let app: INestApplication;
  let clock: TestClock;
  let owner: pg.Pool;

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    clock = controlAuthClock(app);
    owner = ownerPool();
  });
  afterAll(async () => {
    await owner?.end();
    await app?.close();
  });

  it('requires an owner to enrol: until then only /v1/me and /v1/auth/* answer', async () => {
    const c = new StaffClient(app);
    const member = await c.signupPractice({ enrolMfa: false });
    const token = member.accessToken;

    await c.get('/v1/me', token).expect(200);
    await c.get('/v1/me/sessions', token).expect(200);
    for (const [method, path] of [
      ['get', '/v1/users'],
      ['get', '/v1/practice/settings'],
      ['get', `/v1/users/${member.userId}`],
    ] as const) {
      const res = await c[method](path, token).expect(403);
      expect(res.body.error.code).toBe('mfa_enrollment_required');
    }

    const setup = await c.post('/v1/auth/mfa/setup', {}, token).expect(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.body.otpauthUrl).toContain(`secret=${setup.body.secret}`);

    const wrong = await c.post('/v1/auth/mfa/enable', { code: '000000' }, token).expect(422);
    expect(wrong.body.error.code).toBe('invalid_mfa_code');

    const enabled = await c
      .post('/v1/auth/mfa/enable', { code: await c.freshTotp(setup.body.secret) }, token)
      .expect(200);
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    expect(new Set(enabled.body.recoveryCodes).size).toBe(10);
    expect(enabled.body.mfaEnrollmentRequired).toBeUndefined();

    // The enrolment session is replaced by one that passed MFA.
    expect((await c.get('/v1/me', token).expect(401)).body.error.code).toBe('session_revoked');
    await c.get('/v1/users', enabled.body.accessToken).expect(200);
    const me = await c.get('/v1/me', enabled.body.accessToken).expect(200);
    expect(me.body).toMatchObject({ mfaEnabled: true, mfaEnrollmentRequired: false });

    // Enrolling twice is refused.
    await c.post('/v1/auth/mfa/setup', {}, enabled.body.accessToken).expect(409);
  });

  it('stores the TOTP secret encrypted and the recovery codes hashed', async () => {
    const c = new StaffClient(app);
    const member = await c.signupPractice();
    const { rows } = await owner.query(
      `SELECT totp_secret_enc, totp_pending_secret_enc FROM users WHERE id = $1`,
      [member.userId],
    );
    expect(rows[0].totp_pending_secret_enc).toBeNull();
    const stored: Buffer = rows[0].totp_secret_enc;
    expect(stored.includes(Buffer.from(member.totpSecret!))).toBe(false);
    const codes = await owner.query(`SELECT code_hash FROM user_recovery_codes WHERE user_id = $1`, [
      member.userId,
    ]);
    expect(codes.rows).toHaveLength(10);
    const raw = codes.rows.map((r) => (r.code_hash as Buffer).toString('latin1')).join('|');
    for (const code of member.recoveryCodes!) expect(raw).not.toContain(code.replace(/-/g, ''));
  });

  it('after enrolment, login asks for the second factor; a wrong code is refused, a right one signs in', async () => {
    const c = new StaffClient(app);
    const member = await c.signupPractice();
    const mfaToken = await passwordStep(c, member);

    const wrong = await c.post('/v1/auth/mfa', { mfaToken, code: '123456' }).expect(401);
    expect(wrong.body.error.code).toBe('invalid_mfa_code');
    const notACode = await c.post('/v1/auth/mfa', { mfaToken, code: 'abcdef' }).expect(401);
    expect(notACode.body.error.code).toBe('invalid_mfa_code');

    const ok = await c
      .post('/v1/auth/mfa', { mfaToken, code: await c.freshTotp(member.totpSecret!) })
      .expect(200);
    expect(ok.body).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    await c.get('/v1/users', ok.body.accessToken).expect(200);

    // The MFA-step token is not an access token, and an access token is not an MFA-step token.
    await c.get('/v1/me', mfaToken).expect(401);
    const swapped = await c
      .post('/v1/auth/mfa', { mfaToken: ok.body.accessToken, code: '123456' })
      .expect(401);
    expect(swapped.body.error.code).toBe('invalid_mfa_token');

    const trail = await auditTrail(app, member.practiceId);
    expect(trail).toContainEqual(
      expect.objectContaining({
        action: 'auth.mfa',
        outcome: 'failure',
        metadata: expect.objectContaining({ reason: 'invalid_code' }),
      }),
    );
    expect(trail).toContainEqual(
      expect.objectContaining({ action: 'auth.mfa', outcome: 'success', metadata: { method: 'totp' } }),
    );
  });

  it('refuses a TOTP code that was already used (replay within its window)', async () => {
    const c = new StaffClient(app);
    const member = await c.signupPractice();
    const code = await c.freshTotp(member.totpSecret!);
    await c.post('/v1/auth/mfa', { mfaToken: await passwordStep(c, member), code }).expect(200);

    // Same code, same 30-second window, fresh password step: refused.
    const replay = await c
      .post('/v1/auth/mfa', { mfaToken: await passwordStep(c, member), code })
      .expect(401);
    expect(replay.body.error.code).toBe('invalid_mfa_code');
    // So is the code of the step before it (older than the one used).
    const older = await totpAt(member.totpSecret!, clock.now() - 30_000);
    await c.post('/v1/auth/mfa', { mfaToken: await passwordStep(c, member), code: older }).expect(401);

    const trail = await auditTrail(app, member.practiceId);
    expect(trail).toContainEqual(
      expect.objectContaining({
        action: 'auth.mfa',
        metadata: expect.objectContaining({ reason: 'replayed_code' }),
      }),
    );
    // The next step's code still works.
    await c
      .post('/v1/auth/mfa', {
        mfaToken: await passwordStep(c, member),
        code: await c.freshTotp(member.totpSecret!),
      })
      .expect(200);
  });

  it('accepts each recovery code exactly once (any case, with or without dashes)', async () => {
    const c = new StaffClient(app);
    const member = await c.signupPractice();
    const [first, second] = member.recoveryCodes!;

    const used = await c
      .post('/v1/auth/mfa', { mfaToken: await passwordStep(c, member), code: first })
      .expect(200);
    await c.get('/v1/me', used.body.accessToken).expect(200);
    const again = await c
      .post('/v1/auth/mfa', { mfaToken: await passwordStep(c, member), code: first })
      .expect(401);
    expect(again.body.error.code).toBe('invalid_mfa_code');

    const loose = second!.toUpperCase().replace(/-/g, ' ');
    await c.post('/v1/auth/mfa', { mfaToken: await passwordStep(c, member), code: loose }).expect(200);

    const trail = await auditTrail(app, member.practiceId);
    expect(trail.filter((e) => e.action === 'auth.recovery_code_used')).toHaveLength(2);
    expect(trail).toContainEqual(
      expect.objectContaining({
        action: 'auth.mfa',
        metadata: expect.objectContaining({ reason: 'invalid_recovery_code' }),
      }),
    );
  });

  it('counts wrong second factors toward the lockout', async () => {
    const c = new StaffClient(app);
    const member = await c.signupPractice();
    const mfaToken = await passwordStep(c, member);
    for (let i = 0; i < 4; i++) await c.post('/v1/auth/mfa', { mfaToken, code: '000000' }).expect(401);
    const locked = await c.post('/v1/auth/mfa', { mfaToken, code: '000000' }).expect(423);
    expect(locked.body.error.code).toBe('account_locked');
    // Even the right code is refused while locked, and so is the password step.
    await c.post('/v1/auth/mfa', { mfaToken, code: await c.freshTotp(member.totpSecret!) }).expect(423);
    await c.post('/v1/auth/login', { email: member.email, password: member.password }).expect(423);
    clock.advance(15 * 60_000 + 1000);
    await c.loginWithMfa(member);
  });

  it('makes MFA mandatory for admins too, and for every role once the practice says so', async () => {
    const c = new StaffClient(app);
    const ownerMember = await c.signupPractice();
    const admin = await c.addStaff(ownerMember, 'admin', { enrolMfa: false });
    const adminLogin = await c
      .post('/v1/auth/login', { email: admin.email, password: admin.password })
      .expect(200);
    expect(adminLogin.body.mfaEnrollmentRequired).toBe(true);

    const frontDesk = await c.addStaff(ownerMember, 'front_desk');
    const before = await c.post('/v1/auth/login', { email: frontDesk.email, password: frontDesk.password });
    expect(before.body.mfaEnrollmentRequired).toBeUndefined();
    await c.get('/v1/users', before.body.accessToken).expect(200);

    await c
      .patch('/v1/practice/settings', { mfaRequiredForAllRoles: true }, ownerMember.accessToken)
      .expect(200);
    const after = await c.post('/v1/auth/login', { email: frontDesk.email, password: frontDesk.password });
    expect(after.body.mfaEnrollmentRequired).toBe(true);
    expect((await c.get('/v1/users', after.body.accessToken).expect(403)).body.error.code).toBe(
      'mfa_enrollment_required',
    );
    // Enrolling lifts the restriction for that user.
    const enrolled = await c.enrolMfa({ ...frontDesk, ...after.body });
    await c.get('/v1/users', enrolled.accessToken).expect(200);
  });
});
