export { AccessAlertsModule } from './access-alerts.module.js';
export { AccessAlertsRetentionModule, HOURLY_OPENS_KEPT_DAYS } from './access-alerts-purge-hook.js';
export { AccessAlertsWorkerModule } from './access-alerts-worker.module.js';
export {
  AccessAlertSweep,
  AccessAlertSweepJob,
  AccessAlertSweepSchedule,
  ACCESS_ALERT_SWEEP_EVERY_MS,
} from './access-alert-sweep.js';
export { AccessAlertEmails, accessAlertEmail, type AccessAlertEmailFacts } from './access-alert-emails.js';
export {
  AccessAlertsRepository,
  ACTIVITY_SQL,
  BASELINES_SQL,
  type NewAccessAlert,
} from './access-alerts.repository.js';
export {
  CONVERSATION_OPEN_ACTIONS,
  EXPORT_ACTIONS,
  DEFAULT_THRESHOLDS,
  ACCESS_ALERT_KINDS,
  type AccessAlertKind,
  type AccessAlertThresholds,
} from './access-alert-rules.js';
export { ACCESS_ALERTS_ENTITIES } from './access-alerts.entities.js';
