import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The tenant the current request or job acts for: what `TenantDb.transaction` reads. It is one
 * field of the async scope a request or job runs in; the libs above keep their facts in the same
 * scope (`requestContext` of `@app/observability`: actor, client address, request id), so a scope
 * opened here (`TenantDb.forTenant`) carries them along. This lib reads only the tenant.
 */
export interface TenantScope {
  tenantId?: string;
}

const storage = new AsyncLocalStorage<TenantScope>();

export const tenantScope = {
  /** Runs `fn` with `patch` merged over the current scope (a new scope; the outer one is untouched). */
  run<T>(patch: TenantScope, fn: () => T): T {
    return storage.run({ ...storage.getStore(), ...patch }, fn);
  },
  /** Sets fields on the current scope (e.g. once a request is authenticated). */
  assign(patch: TenantScope): void {
    const store = storage.getStore();
    if (!store) throw new Error('tenantScope.assign called outside a request or job scope');
    Object.assign(store, patch);
  },
  /** The current scope, `{}` outside any. */
  current(): Readonly<TenantScope> {
    return storage.getStore() ?? {};
  },
};
