import { Controller, Get, type INestApplication, Post } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Authenticated, type Permission, PERMISSIONS, RequirePermission, roleHas } from '@app/identity';
import { Public } from '@app/observability';
import {
  declaredRoutes,
  ready,
  serverRoutes,
  StaffClient,
  startApi,
  undeclaredRoutes,
  type DeclaredRoute,
} from '@app/testing';

/** Served by @nestjs/swagger directly on Fastify (no controller): the public API description and its UI assets. */
const isApiDocs = (k: string) => k === 'GET /docs-json' || k === 'GET /docs' || k.startsWith('GET /docs/');
/**
 * Nest mounts `forRoutes('*path')` middleware (the request context) as a catch-all route on every
 * method; it only calls next() (an unknown path still ends in a 404, asserted below).
 */
const MIDDLEWARE_MOUNT = '{/*splat}';
const ANY_ID = '00000000-0000-4000-8000-000000000000';

/** Express paths (`/v1/users/:id`) of a Nest route path (`/v1/users/:id`, or `{*path}` forms). */
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

// Access is never implicit: every route of the real api declares @Public(), @Authenticated()
// or @RequirePermission(...), and the guards enforce what it declares.
describe('route permissions', () => {
  let app: INestApplication;
  let routes: DeclaredRoute[];

  beforeAll(async () => {
    app = await startApi({ ALLOW_SIGNUP: 'true' });
    routes = declaredRoutes(app);
  });
  afterAll(() => app?.close());

  it('finds the routes of every controller', () => {
    const found = new Set(routes.map(key));
    for (const expected of [
      'GET /health/live',
      'POST /v1/auth/login',
      'GET /v1/me',
      'GET /v1/users',
      'PATCH /v1/users/:id',
      'PATCH /v1/practice/settings',
    ])
      expect(found).toContain(expected);
  });

  it('every route declares @Public(), @Authenticated() or @RequirePermission(...)', () => {
    expect(undeclaredRoutes(routes).map((r) => `${key(r)} (${r.handler})`)).toEqual([]);
  });

  it('declares only permissions that exist in the permission table', () => {
    const known = new Set<string>(PERMISSIONS);
    for (const r of routes) for (const p of r.permissions) expect(known, `${key(r)} ${p}`).toContain(p);
  });

  it('every route the server answers is a declared controller route (nothing registered around the guards)', async () => {
    const declared = new Set(routes.map(key));
    const unexplained = serverRoutes(app)
      .map(key)
      .filter((k) => !declared.has(k) && !isApiDocs(k) && !k.endsWith(` ${MIDDLEWARE_MOUNT}`));
    expect(unexplained).toEqual([]);
    for (const method of ['get', 'post', 'delete'] as const)
      expect((await new StaffClient(app)[method]('/v1/not-a-route')).status).toBe(404);
  });

  it('every non-public route answers 401 without a token, and with a token of a revoked session', async () => {
    const c = new StaffClient(app);
    const owner = await c.signupPractice();
    const revoked = await c.loginWithMfa(owner);
    await c.post('/v1/auth/logout', {}, revoked.accessToken).expect(204);

    const closed = routes.filter((r) => !r.isPublic);
    expect(closed.length).toBeGreaterThan(5);
    for (const r of closed) {
      const path = r.path.replace(/:[A-Za-z]+/g, ANY_ID);
      const method = r.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
      const call = (token?: string) =>
        method === 'get' || method === 'delete' ? c[method](path, token) : c[method](path, {}, token);
      expect((await call()).status, `${key(r)} without a token`).toBe(401);
      expect((await call(revoked.accessToken)).status, `${key(r)} with a revoked session`).toBe(401);
    }
  });

  it('every permission-guarded route refuses a role that lacks one of its permissions (403), before touching data', async () => {
    const c = new StaffClient(app);
    const owner = await c.signupPractice();
    const staff = await Promise.all(
      (['provider', 'front_desk', 'billing'] as const).map(async (role) => ({
        role,
        member: await c.addStaff(owner, role),
      })),
    );
    let checked = 0;
    for (const r of routes.filter((route) => route.permissions.length > 0)) {
      // Any role that lacks one of the route's permissions; none for permissions every role has.
      const lacking = staff.find(({ role }) => r.permissions.some((p) => !roleHas(role, p as Permission)));
      if (!lacking) continue;
      const path = r.path.replace(/:[A-Za-z]+/g, ANY_ID);
      const method = r.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
      const token = lacking.member.accessToken;
      const res =
        method === 'get' || method === 'delete'
          ? await c[method](path, token)
          : await c[method](path, {}, token);
      expect(res.status, `${key(r)} as ${lacking.role}`).toBe(403);
      expect(res.body.error.code, `${key(r)} as ${lacking.role}`).toBe('forbidden');
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });
});

describe('the route checker itself', () => {
  @Controller('probe')
  class ProbeController {
    @Get('open')
    @Public()
    open() {
      return 'open';
    }

    @Get('mine')
    @Authenticated()
    mine() {
      return 'mine';
    }

    @Post('admin')
    @RequirePermission('users.manage')
    admin() {
      return 'admin';
    }

    @Get('forgotten')
    forgotten() {
      return 'nobody declared who may call this';
    }
  }

  it('reports a route that declares nothing (so the real-api test above can fail)', async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ProbeController] }).compile();
    const probe = await ready(moduleRef.createNestApplication(new FastifyAdapter()));
    try {
      const found = declaredRoutes(probe);
      expect(found.map(key).toSorted()).toEqual([
        'GET /probe/forgotten',
        'GET /probe/mine',
        'GET /probe/open',
        'POST /probe/admin',
      ]);
      expect(undeclaredRoutes(found).map(key)).toEqual(['GET /probe/forgotten']);
      expect(found.find((r) => r.path === '/probe/admin')?.permissions).toEqual(['users.manage']);
      expect(serverRoutes(probe).map(key).toSorted()).toEqual(found.map(key).toSorted());
    } finally {
      await probe.close();
    }
  });
});
