import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditTrail,
  ownerPool,
  StaffClient,
  type StaffMember,
  startApi,
  strongPassword,
  uniqueEmail,
} from '@app/testing';

const sessionIdOf = (m: StaffMember) => m.refreshToken.split('.')[1]!;

// Staff administration (issue 3): roles and permissions, invitations, deactivation and role
// changes that bite on the next request, sessions, and tenant isolation answering 404.
describe('staff administration', () => {
  let app: INestApplication;
  let c: StaffClient;
  let owner: StaffMember;
  let db: pg.Pool;

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    c = new StaffClient(app);
    owner = await c.signupPractice();
    db = ownerPool();
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
  });

  describe('creating users', () => {
    it('an admin adds a user with a password; the user signs in with it', async () => {
      const admin = await c.addStaff(owner, 'admin');
      const email = uniqueEmail('provider');
      const password = strongPassword();
      const res = await c
        .post('/v1/users', { email, name: 'Pat Provider', role: 'provider', password }, admin.accessToken)
        .expect(201);
      expect(res.body).toMatchObject({ email, role: 'provider', active: true, invitePending: false });
      expect(res.body.invite).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain(password);
      await c.passwordLogin(email, password);
      const list = await c.get('/v1/users', admin.accessToken).expect(200);
      expect(list.body.data.map((u: { email: string }) => u.email)).toContain(email);
    });

    it('without a password, returns a one-time invitation that sets it', async () => {
      const email = uniqueEmail('billing');
      const res = await c
        .post('/v1/users', { email, name: 'Bea Billing', role: 'billing' }, owner.accessToken)
        .expect(201);
      expect(res.body).toMatchObject({
        invitePending: true,
        invite: { token: expect.stringMatching(/^inv_/) },
      });
      const token: string = res.body.invite.token;
      await c.post('/v1/auth/login', { email, password: 'anything-at-all-1' }).expect(401);

      const weak = await c.post('/v1/auth/invites/accept', { token, password: 'password1234' }).expect(400);
      expect(weak.body.error.code).toBe('validation_failed');
      const password = strongPassword();
      await c.post('/v1/auth/invites/accept', { token, password }).expect(200, { userId: res.body.id });
      await c.passwordLogin(email, password);
      const reused = await c
        .post('/v1/auth/invites/accept', { token, password: strongPassword() })
        .expect(400);
      expect(reused.body.error.code).toBe('invalid_invite');
      const { rows } = await db.query(`SELECT token_hash FROM user_invites WHERE user_id = $1`, [
        res.body.id,
      ]);
      expect((rows[0].token_hash as Buffer).toString('latin1')).not.toContain(token.split('.')[2]);
    });

    it('refuses a duplicate email (any case, any practice) and bad input with clear 4xx', async () => {
      const dup = await c
        .post(
          '/v1/users',
          { email: owner.email.toUpperCase(), name: 'X', role: 'billing' },
          owner.accessToken,
        )
        .expect(409);
      expect(dup.body.error.code).toBe('email_taken');
      const bad = await c
        .post('/v1/users', { email: 'nope', name: '', role: 'janitor' }, owner.accessToken)
        .expect(400);
      expect(bad.body.error.details.map((d: { path: string }) => d.path).toSorted()).toEqual([
        'email',
        'name',
        'role',
      ]);
    });

    it('only an owner may create or change an owner', async () => {
      const admin = await c.addStaff(owner, 'admin');
      const create = await c
        .post('/v1/users', { email: uniqueEmail(), name: 'New Owner', role: 'owner' }, admin.accessToken)
        .expect(403);
      expect(create.body.error.code).toBe('owner_protected');
      const demote = await c
        .patch(`/v1/users/${owner.userId}`, { role: 'admin' }, admin.accessToken)
        .expect(403);
      expect(demote.body.error.code).toBe('owner_protected');
      await c.patch(`/v1/users/${owner.userId}`, { active: false }, admin.accessToken).expect(403);
      await c.delete(`/v1/users/${owner.userId}/sessions`, admin.accessToken).expect(403);
      await c.get('/v1/me', owner.accessToken).expect(200);
    });

    it('nobody can deactivate themselves or change their own role', async () => {
      const self = await c
        .patch(`/v1/users/${owner.userId}`, { active: false }, owner.accessToken)
        .expect(409);
      expect(self.body.error.code).toBe('cannot_deactivate_self');
      const role = await c
        .patch(`/v1/users/${owner.userId}`, { role: 'billing' }, owner.accessToken)
        .expect(409);
      expect(role.body.error.code).toBe('cannot_change_own_role');
    });
  });

  describe('permissions', () => {
    it('front desk gets 403 on admin routes (audited), and reaches what its role allows', async () => {
      const frontDesk = await c.addStaff(owner, 'front_desk');
      const token = frontDesk.accessToken;
      const denied = [
        c.post(
          '/v1/users',
          { email: uniqueEmail(), name: 'X', role: 'billing', password: strongPassword() },
          token,
        ),
        c.patch(`/v1/users/${owner.userId}`, { active: false }, token),
        c.get(`/v1/users/${owner.userId}/sessions`, token),
        c.delete(`/v1/users/${owner.userId}/sessions`, token),
        c.get('/v1/practice/settings', token),
        c.patch('/v1/practice/settings', { idleTimeoutMinutes: 600 }, token),
      ];
      for (const res of await Promise.all(denied)) {
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      await c.get('/v1/users', token).expect(200);
      await c.get(`/v1/users/${owner.userId}`, token).expect(200);
      await c.get('/v1/me', token).expect(200);
      const perms = await c.get('/v1/me/permissions', token).expect(200);
      expect(perms.body.permissions).not.toContain('users.manage');
      expect(perms.body.permissions).toContain('contacts.read');

      // Nothing changed, and each refusal is in the audit trail.
      expect((await c.get('/v1/practice/settings', owner.accessToken)).body.idleTimeoutMinutes).not.toBe(600);
      const trail = await auditTrail(app, owner.practiceId);
      const refusals = trail.filter(
        (e) => e.action === 'auth.permission_denied' && e.actor.id === frontDesk.userId,
      );
      expect(refusals.length).toBeGreaterThanOrEqual(6);
      expect(refusals[0]).toMatchObject({
        outcome: 'denied',
        metadata: expect.objectContaining({ role: 'front_desk' }),
      });
    });

    it('answers concurrent requests of different users each with their own identity', async () => {
      const members = [owner, await c.addStaff(owner, 'provider'), await c.addStaff(owner, 'billing')];
      const calls = Array.from({ length: 30 }, (_, i) => members[i % members.length]!);
      const answers = await Promise.all(calls.map((m) => c.get('/v1/me', m.accessToken)));
      answers.forEach((res, i) => expect(res.body.id).toBe(calls[i]!.userId));
    });

    it('a role change takes effect on the very next request', async () => {
      const admin = await c.addStaff(owner, 'admin');
      await c.get('/v1/practice/settings', admin.accessToken).expect(200);
      await c.patch(`/v1/users/${admin.userId}`, { role: 'front_desk' }, owner.accessToken).expect(200);
      const after = await c.get('/v1/practice/settings', admin.accessToken).expect(403);
      expect(after.body.error.code).toBe('forbidden');
      expect((await c.get('/v1/me', admin.accessToken)).body.role).toBe('front_desk');

      // Promoted to admin without MFA: the admin rules (enrol first) apply at once, too.
      const frontDesk = await c.addStaff(owner, 'front_desk');
      await c.patch(`/v1/users/${frontDesk.userId}`, { role: 'admin' }, owner.accessToken).expect(200);
      const promoted = await c.get('/v1/practice/settings', frontDesk.accessToken).expect(403);
      expect(promoted.body.error.code).toBe('mfa_enrollment_required');

      const trail = await auditTrail(app, owner.practiceId);
      expect(trail).toContainEqual(
        expect.objectContaining({
          action: 'user.role_changed',
          target: { type: 'user', id: admin.userId },
          metadata: { from: 'admin', to: 'front_desk' },
        }),
      );
    });
  });

  describe('deactivation', () => {
    it("refuses the deactivated user's existing access token on the next request, and every way back in", async () => {
      const provider = await c.addStaff(owner, 'provider');
      const secondDevice = await c.passwordLogin(provider.email, provider.password);
      await c.get('/v1/me', provider.accessToken).expect(200);

      await c.patch(`/v1/users/${provider.userId}`, { active: false }, owner.accessToken).expect(200);

      for (const token of [provider.accessToken, secondDevice.accessToken]) {
        const res = await c.get('/v1/me', token).expect(401);
        expect(res.body.error.code).toBe('session_revoked');
      }
      await c.post('/v1/auth/refresh', { refreshToken: provider.refreshToken }).expect(401);
      const login = await c.post('/v1/auth/login', { email: provider.email, password: provider.password });
      expect(login.status).toBe(401);
      expect(login.body.error.code).toBe('invalid_credentials');

      // Reactivated: a fresh login works; the old tokens stay dead.
      await c.patch(`/v1/users/${provider.userId}`, { active: true }, owner.accessToken).expect(200);
      await c.get('/v1/me', provider.accessToken).expect(401);
      const back = await c.passwordLogin(provider.email, provider.password);
      await c.get('/v1/me', back.accessToken).expect(200);

      const trail = await auditTrail(app, owner.practiceId);
      expect(trail).toContainEqual(
        expect.objectContaining({ action: 'user.deactivated', metadata: { sessionsEnded: 2 } }),
      );
      expect(trail).toContainEqual(
        expect.objectContaining({
          action: 'auth.login',
          metadata: { reason: 'inactive' },
          outcome: 'failure',
        }),
      );
    });
  });

  describe('across api instances', () => {
    let second: INestApplication;
    beforeAll(async () => {
      second = await startApi({ ALLOW_SIGNUP: 'true' });
    });
    afterAll(() => second?.close());

    it('a change made through one instance is enforced by another on the next request', async () => {
      const other = new StaffClient(second);
      const provider = await c.addStaff(owner, 'provider');
      const admin = await c.addStaff(owner, 'admin');
      // Both sessions are in use on the second instance (its cache is warm).
      await other.get('/v1/me', provider.accessToken).expect(200);
      await other.get('/v1/practice/settings', admin.accessToken).expect(200);

      await c.patch(`/v1/users/${provider.userId}`, { active: false }, owner.accessToken).expect(200);
      await c.patch(`/v1/users/${admin.userId}`, { role: 'billing' }, owner.accessToken).expect(200);

      expect((await other.get('/v1/me', provider.accessToken).expect(401)).body.error.code).toBe(
        'session_revoked',
      );
      expect((await other.get('/v1/practice/settings', admin.accessToken).expect(403)).body.error.code).toBe(
        'forbidden',
      );
    });
  });

  describe('sessions', () => {
    it('a user lists and ends their own sessions', async () => {
      const provider = await c.addStaff(owner, 'provider');
      const laptop = await c.passwordLogin(provider.email, provider.password);
      const list = await c.get('/v1/me/sessions', provider.accessToken).expect(200);
      expect(list.body.data).toHaveLength(2);
      const current = list.body.data.find((s: { current: boolean }) => s.current);
      expect(current.id).toBe(sessionIdOf(provider));
      expect(current.ip).toBe(c.ip);

      await c
        .delete(`/v1/me/sessions/${sessionIdOf({ ...provider, ...laptop })}`, provider.accessToken)
        .expect(204);
      await c.get('/v1/me', laptop.accessToken).expect(401);
      await c.get('/v1/me', provider.accessToken).expect(200);
      // Gone from the list; ending it twice is a 404.
      expect((await c.get('/v1/me/sessions', provider.accessToken)).body.data).toHaveLength(1);
      await c
        .delete(`/v1/me/sessions/${sessionIdOf({ ...provider, ...laptop })}`, provider.accessToken)
        .expect(404);
    });

    it("an admin lists and ends another user's sessions", async () => {
      const frontDesk = await c.addStaff(owner, 'front_desk');
      const list = await c.get(`/v1/users/${frontDesk.userId}/sessions`, owner.accessToken).expect(200);
      expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([sessionIdOf(frontDesk)]);
      await c
        .delete(`/v1/users/${frontDesk.userId}/sessions/${sessionIdOf(frontDesk)}`, owner.accessToken)
        .expect(204);
      expect((await c.get('/v1/me', frontDesk.accessToken).expect(401)).body.error.code).toBe(
        'session_revoked',
      );

      const again = await c.passwordLogin(frontDesk.email, frontDesk.password);
      await c.delete(`/v1/users/${frontDesk.userId}/sessions`, owner.accessToken).expect(204);
      await c.get('/v1/me', again.accessToken).expect(401);
      const trail = await auditTrail(app, owner.practiceId);
      expect(
        trail.filter((e) => e.action === 'auth.session_revoked' && e.metadata.userId === frontDesk.userId),
      ).toHaveLength(2);
    });
  });

  describe('tenant isolation', () => {
    it('a user of practice A gets 404 (never 403) for every id of practice B, and B is untouched', async () => {
      const b = new StaffClient(app);
      const ownerB = await b.signupPractice({ practiceName: 'Other Practice' });
      const staffB = await b.addStaff(ownerB, 'front_desk');
      const userIds = [ownerB.userId, staffB.userId];
      const sessionIds = [sessionIdOf(ownerB), sessionIdOf(staffB)];
      const a = owner.accessToken;

      const attempts: ReadonlyArray<
        readonly [string, PromiseLike<{ status: number; body: { error?: { code: string } } }>]
      > = [
        ...userIds.flatMap((id) => [
          [`GET /v1/users/${id}`, c.get(`/v1/users/${id}`, a)] as const,
          [`PATCH active ${id}`, c.patch(`/v1/users/${id}`, { active: false }, a)] as const,
          [`PATCH role ${id}`, c.patch(`/v1/users/${id}`, { role: 'billing' }, a)] as const,
          [`GET sessions of ${id}`, c.get(`/v1/users/${id}/sessions`, a)] as const,
          [`DELETE sessions of ${id}`, c.delete(`/v1/users/${id}/sessions`, a)] as const,
          ...sessionIds.map(
            (sid) =>
              [`DELETE session ${sid} of ${id}`, c.delete(`/v1/users/${id}/sessions/${sid}`, a)] as const,
          ),
        ]),
        ...sessionIds.map(
          (sid) => [`DELETE /v1/me/sessions/${sid}`, c.delete(`/v1/me/sessions/${sid}`, a)] as const,
        ),
        // Malformed ids are unknown ids too.
        ['GET /v1/users/not-a-uuid', c.get('/v1/users/not-a-uuid', a)],
        ['DELETE /v1/me/sessions/1', c.delete('/v1/me/sessions/1', a)],
      ];
      for (const [label, attempt] of attempts) {
        const res = await attempt;
        expect(res.status, label).toBe(404);
        expect(res.body.error?.code, label).toBe('not_found');
      }
      const listA = await c.get('/v1/users', a).expect(200);
      expect(listA.body.data.map((u: { id: string }) => u.id)).not.toContain(ownerB.userId);

      // B's users and sessions are exactly as they were.
      await b.get('/v1/users', ownerB.accessToken).expect(200);
      await b.get('/v1/me', staffB.accessToken).expect(200);
      expect((await b.get(`/v1/users/${staffB.userId}`, ownerB.accessToken)).body).toMatchObject({
        active: true,
        role: 'front_desk',
      });
    });

    it('documents every id in a path as a uuid, and its 404 not_found', async () => {
      const { paths } = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body as {
        paths: Record<
          string,
          Record<
            string,
            {
              parameters: Array<{ name: string; in: string; schema: object }>;
              responses: Record<string, unknown>;
            }
          >
        >;
      };
      const routes = [
        ['/v1/users/{id}', 'get', ['id']],
        ['/v1/users/{id}', 'patch', ['id']],
        ['/v1/users/{id}/invite', 'post', ['id']],
        ['/v1/users/{id}/sessions', 'get', ['id']],
        ['/v1/users/{id}/sessions', 'delete', ['id']],
        ['/v1/users/{id}/sessions/{sessionId}', 'delete', ['id', 'sessionId']],
        ['/v1/me/sessions/{id}', 'delete', ['id']],
      ] as const;
      for (const [path, method, names] of routes) {
        const operation = paths[path]![method]!;
        const inPath = operation.parameters.filter((p) => p.in === 'path');
        expect(
          inPath.map((p) => p.name),
          path,
        ).toEqual(names);
        for (const p of inPath)
          expect(p.schema, `${method} ${path} ${p.name}`).toEqual({ type: 'string', format: 'uuid' });
        expect(operation.responses, `${method} ${path}`).toHaveProperty('404');
      }
    });

    it('a validly signed token naming practice B with a session of practice A is refused', async () => {
      const b = new StaffClient(app);
      const ownerB = await b.signupPractice({ practiceName: 'Third Practice' });
      const signer = new JwtService({ secret: process.env.JWT_SECRET! });
      const forged = signer.sign(
        { sub: owner.userId, tid: ownerB.practiceId, sid: sessionIdOf(owner), ver: 1 },
        { audience: 'inbox-api', issuer: 'consent-inbox', expiresIn: 60 },
      );
      // The session is looked up under practice B's row-level security: it does not exist there.
      expect((await c.get('/v1/me', forged).expect(401)).body.error.code).toBe('session_revoked');
      await c.get('/v1/users', forged).expect(401);
      await c.get('/v1/me', owner.accessToken).expect(200);
    });
  });
});
