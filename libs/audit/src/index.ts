export { AuditModule } from './audit.module.js';
export {
  AuditService,
  type AuditEventInput,
  type AuditEventRow,
  type AuditOutcome,
} from './audit.service.js';
export type { ChainCheck, AuditMetadataValue } from './audit-chain.js';
export { AuditSealJob } from './audit-seal.job.js';
