export { ReportsModule } from './reports.module.js';
export { ReportsWorkerModule } from './reports-worker.module.js';
export {
  InboxSweep,
  InboxSweepJob,
  InboxSweepSchedule,
  INBOX_SWEEP_EVERY_MS,
  INBOX_SWEEP_BATCH,
  type InboxSweepCounts,
} from './sweep/inbox-sweep.js';
export {
  responseTimesQuery,
  funnelQuery,
  secureOpenRateQuery,
  type ReportRange,
  type ResponseTimesRow,
  type FunnelRow,
  type SecureOpenRow,
} from './report-queries.js';
export { MAX_REPORT_DAYS } from './http/report-schemas.js';
