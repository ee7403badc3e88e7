import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '@app/audit';
import { AppError, IS_PUBLIC } from '@app/observability';
import { ALLOWED_BEFORE_MFA_ENROLLMENT, ANY_AUTHENTICATED, REQUIRED_PERMISSIONS } from './decorators.js';
import { type Permission, roleHas } from './permissions.js';
import type { Principal } from './principal.js';
import { RouteMetadata } from './route-metadata.js';

/**
 * Global guard 2 of 2: the route's declared permissions against the caller's role (ROLE_PERMISSIONS),
 * and the MFA-enrolment gate. A route that declares nothing is refused: access is never implicit.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger('Access');
  private readonly metadata: RouteMetadata;

  constructor(
    reflector: Reflector,
    private readonly audit: AuditService,
  ) {
    this.metadata = new RouteMetadata(reflector);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.metadata.get<boolean>(IS_PUBLIC, context)) return true;
    const req = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>();
    const principal = req.user;
    if (!principal) throw new AppError(401, 'unauthorized', 'A valid bearer access token is required');
    const route = `${req.method} ${req.routeOptions.url ?? '?'}`;

    const required = this.metadata.get<Permission[]>(REQUIRED_PERMISSIONS, context);
    const anyUser = this.metadata.get<boolean>(ANY_AUTHENTICATED, context);
    if (!required && !anyUser) {
      this.logger.error({ route }, 'Route declares neither @Public, @Authenticated nor @RequirePermission');
      await this.deny(principal, route, 'undeclared');
      throw new AppError(403, 'forbidden', 'You do not have permission to do this');
    }
    if (
      principal.mfaEnrollmentRequired &&
      !this.metadata.get<boolean>(ALLOWED_BEFORE_MFA_ENROLLMENT, context)
    ) {
      await this.deny(principal, route, 'mfa_enrollment_required');
      throw new AppError(
        403,
        'mfa_enrollment_required',
        'Set up multi-factor authentication first (POST /v1/auth/mfa/setup, then /v1/auth/mfa/enable)',
      );
    }
    const missing = (required ?? []).filter((p) => !roleHas(principal.role, p));
    if (missing.length) {
      await this.deny(principal, route, 'missing_permission', missing.join(','));
      throw new AppError(403, 'forbidden', 'You do not have permission to do this', { missing });
    }
    return true;
  }

  private deny(principal: Principal, route: string, reason: string, permission?: string): Promise<void> {
    return this.audit.recordNow(principal.tenantId, {
      action: 'auth.permission_denied',
      outcome: 'denied',
      metadata: { route, reason, role: principal.role, ...(permission ? { permission } : {}) },
    });
  }
}
