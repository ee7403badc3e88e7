export { AutomationModule } from './automation.module.js';
export { AutomationError, AutomationErrorCode } from './automation.errors.js';
export { automationHttpErrors } from './http/automation-http-errors.js';
export { AUTOMATION_ENTITIES } from './automation.entities.js';
export {
  type BusinessHours,
  type OpeningRange,
  type Closure,
  type Weekday,
  WEEKDAYS,
  isOpenAt,
  nextOpening,
  openMillisBetween,
  openIntervalsBetween,
  hasOpenings,
  wallClock,
} from './business-hours/schedule.js';
export { businessHoursSchema, isTimeZone } from './business-hours/business-hours.schema.js';
