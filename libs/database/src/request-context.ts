import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting: a staff user, a patient (portal/link), a provider webhook, or the system itself. */
export type Actor =
  | { type: 'user'; id: string }
  | { type: 'patient'; id: string }
  | { type: 'provider'; id: string }
  | { type: 'system'; id: string };

/**
 * What every request or job carries: the tenant it acts for (when known), the actor and the
 * client's address, for row-level security and for the audit trail.
 */
export interface RequestContext {
  tenantId?: string;
  actor?: Actor;
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  /** Runs `fn` with `patch` merged over the current context (a new scope; the outer one is untouched). */
  run<T>(patch: RequestContext, fn: () => T): T {
    return storage.run({ ...storage.getStore(), ...patch }, fn);
  },
  /** Sets fields on the current scope (used by guards once the caller is authenticated). */
  assign(patch: RequestContext): void {
    const store = storage.getStore();
    if (!store) throw new Error('requestContext.assign called outside a request scope');
    Object.assign(store, patch);
  },
  get(): Readonly<RequestContext> {
    return storage.getStore() ?? {};
  },
};
