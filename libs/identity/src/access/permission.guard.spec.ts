import { Controller, Get, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import type { AuditEventInput, AuditService } from '@app/audit';
import { AppError, Public } from '@app/observability';
import { AllowedBeforeMfaEnrollment, Authenticated, RequirePermission } from './decorators.js';
import { PermissionGuard } from './permission.guard.js';
import type { Principal } from './principal.js';

@Controller('x')
class Routes {
  @Get('open') @Public() open() {}
  @Get('mine') @Authenticated() mine() {}
  @Get('admin') @RequirePermission('users.manage') admin() {}
  @Get('forgotten') forgotten() {}
  @Get('me') @Authenticated() @AllowedBeforeMfaEnrollment() me() {}
}

const principal = (over: Partial<Principal> = {}): Principal => ({
  userId: 'u1',
  tenantId: '00000000-0000-4000-8000-000000000001',
  sessionId: 's1',
  role: 'front_desk',
  mfaEnrollmentRequired: false,
  ...over,
});

function setup() {
  const recorded: AuditEventInput[] = [];
  const audit = {
    recordNow: async (_t: string, e: AuditEventInput) => void recorded.push(e),
  } as unknown as AuditService;
  const guard = new PermissionGuard(new Reflector(), audit);
  const run = (handler: keyof Routes, user?: Principal) => {
    const req = { method: 'GET', routeOptions: { url: `/x/${handler}` }, user };
    const ctx = {
      getHandler: () => Routes.prototype[handler],
      getClass: () => Routes,
      switchToHttp: () => ({ getRequest: () => req }),
    } as unknown as ExecutionContext;
    return guard.canActivate(ctx);
  };
  return { run, recorded };
}

async function refusal(p: Promise<boolean>): Promise<{ status: number; code: string }> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return { status: (err as AppError).getStatus(), code: (err as AppError).code };
  }
  throw new Error('expected a refusal');
}

describe('PermissionGuard', () => {
  it('lets public routes through without a user', async () => {
    expect(await setup().run('open')).toBe(true);
  });

  it('refuses (403) and audits a route that declares nothing, even for an owner', async () => {
    const { run, recorded } = setup();
    expect(await refusal(run('forgotten', principal({ role: 'owner' })))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(recorded[0]).toMatchObject({
      action: 'auth.permission_denied',
      outcome: 'denied',
      metadata: { reason: 'undeclared' },
    });
  });

  it('checks the declared permission against the role', async () => {
    const { run, recorded } = setup();
    expect(await run('admin', principal({ role: 'admin' }))).toBe(true);
    expect(await refusal(run('admin', principal({ role: 'front_desk' })))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.metadata).toMatchObject({ permission: 'users.manage', role: 'front_desk' });
  });

  it('holds a session that must enrol in MFA to the routes allowed before enrolment', async () => {
    const { run } = setup();
    const pending = principal({ role: 'owner', mfaEnrollmentRequired: true });
    expect(await run('me', pending)).toBe(true);
    expect(await refusal(run('mine', pending))).toEqual({ status: 403, code: 'mfa_enrollment_required' });
    expect(await refusal(run('admin', pending))).toEqual({ status: 403, code: 'mfa_enrollment_required' });
  });

  it('answers 401 when no authenticated user reached it', async () => {
    expect(await refusal(setup().run('mine'))).toEqual({ status: 401, code: 'unauthorized' });
  });
});
