import { type TenantScope, tenantScope } from '@app/database';

/**
 * Who is acting: a staff user, a patient (portal/link), a provider webhook, a practice's API
 * client (FHIR), or the system itself.
 */
export type Actor =
  | { type: 'user'; id: string }
  | { type: 'api_client'; id: string }
  | { type: 'patient'; id: string }
  | { type: 'provider'; id: string }
  | { type: 'system'; id: string };

/**
 * What every request or job carries: the tenant it acts for (when known), the actor and the
 * client's address, for row-level security and for the audit trail. Opened by the HTTP pipeline
 * (client address, user agent, request id) and the job host (tenant, system actor); the access
 * guard adds the tenant and the user.
 */
export interface RequestContext extends TenantScope {
  actor?: Actor;
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

/**
 * The request facts live in the database's tenant scope (one AsyncLocalStorage store), beside
 * the tenant it reads: a tenant transaction's scope carries them, and there is one store to open.
 */
export const requestContext = {
  /** Runs `fn` with `patch` merged over the current context (a new scope; the outer one is untouched). */
  run<T>(patch: RequestContext, fn: () => T): T {
    return tenantScope.run(patch, fn);
  },
  /** Sets fields on the current scope (used by guards once the caller is authenticated). */
  assign(patch: RequestContext): void {
    tenantScope.assign(patch);
  },
  get(): Readonly<RequestContext> {
    return tenantScope.current();
  },
};
