export { createTestInfra, destroyTestInfra, subPrefix, PG_ADMIN_URL, type TestInfra } from './test-infra.js';
export { ownerPool, appPool, appDataSource, newTenantId, ENTITY_SCHEMAS } from './db.js';
export { ready, startApi, startWorker } from './apps.js';
export { controlAuthClock, type TestClock } from './auth-clock.js';
export {
  StaffClient,
  type StaffMember,
  testClientIp,
  strongPassword,
  uniqueEmail,
  totpAt,
} from './staff-client.js';
export { declaredRoutes, undeclaredRoutes, serverRoutes, type DeclaredRoute } from './routes.js';
export { auditTrail } from './audit-trail.js';
export { testAuditService, testAuditKeys, auditPool, auditUrl } from './audit-sealer.js';
export { countRoundTrips } from './round-trips.js';
export {
  checkResponsesAgainstOpenApi,
  takeOpenApiViolations,
  type OpenApiViolation,
} from './openapi-conformance.js';
export { inMemoryApiClient } from './api-client.js';
export {
  describePlan,
  isSmallPartition,
  partitionsRead,
  type PlanNode,
  planAsTenant,
  sequentialScansOf,
  tableOf,
} from './explain.js';
