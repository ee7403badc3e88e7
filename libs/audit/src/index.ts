export { AuditModule } from './audit.module.js';
export {
  AuditService,
  VERIFY_PAGE_SIZE,
  type AuditEventInput,
  type AuditEventRow,
  type AuditExportLine,
  type AuditOutcome,
  type AuditQuery,
} from './audit.service.js';
export type { ChainCheck, AuditMetadataValue } from './audit-chain.js';
export { AuditKeyRing, deriveAuditKey, auditKeyId, type AuditKey } from './audit-keys.js';
export { AUDIT_DATA_SOURCE, AUDIT_SEALER_DB, openAuditDataSource } from './audit-database.js';
export {
  checkCheckpoint,
  signCheckpoint,
  writeCheckpointFile,
  type AuditCheckpoint,
  type ChainHead,
} from './audit-checkpoint.js';
export { AuditCheckpointSchedule } from './audit-checkpoint.schedule.js';
export { verifyExport, type ExportCheck } from './audit-export.js';
export { AuditSealJob } from './audit-seal.job.js';
export { AUDIT_ENTITIES } from './audit.entities.js';
// Row types of the tables this lib owns (types only: writes go through the owner).
export type { AuditEventEntity } from './audit-event.entity.js';
