export { JobsModule } from './jobs.module.js';
export { JobQueue } from './job-queue.service.js';
export { JobWorkerHost, indexHandlers } from './job-worker.service.js';
export { type JobHandler, JOB_HANDLERS } from './job-handler.js';
export { JOBS, QUEUE_NAMES, type JobName, type JobData, parseJobData } from './job-types.js';
export { mountQueueDashboard, QUEUE_DASHBOARD_PATH } from './queue-dashboard.js';
export { PeriodicPass } from './periodic-pass.js';
