export { PortalModule } from './portal.module.js';
export { PORTAL_IDLE_SECONDS } from './portal-sessions.js';
export { PORTAL_LIMITS } from './rate-limits.js';
export { PortalError, PortalErrorCode } from './portal.errors.js';
export { portalHttpErrors } from './http/portal-http-errors.js';
