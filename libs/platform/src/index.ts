export { PlatformModule } from './platform.module.js';
export {
  BOOT_CHECK_TIMEOUT_MS,
  EX_UNAVAILABLE,
  exitUnlessDependenciesAnswer,
  unreachableDependencies,
  type Dependency,
} from './boot-check.js';
export {
  PartitionMaintenanceSchedule,
  type PartitionMaintenanceResult,
} from './partition-maintenance.schedule.js';
