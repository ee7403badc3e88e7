export { createTestInfra, destroyTestInfra, type TestInfra } from './test-infra.js';
export { ownerPool, appPool, appDataSource, newTenantId } from './db.js';
export { startApi, startWorker } from './apps.js';
