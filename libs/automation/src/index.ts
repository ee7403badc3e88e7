export { AutomationModule } from './automation.module.js';
export { AutoRepliesCoreModule } from './auto-replies/auto-replies-core.module.js';
export { AUTOMATION_CLOCK, type AutomationClock } from './automation-clock.js';
export { AutomationError, AutomationErrorCode } from './automation.errors.js';
export { automationHttpErrors } from './http/automation-http-errors.js';
export { AUTOMATION_ENTITIES } from './automation.entities.js';
export { RoutingModule } from './routing/routing.module.js';
export { TeamRepository } from './teams/team.repository.js';
export { openMillisBetween, businessHoursOf } from './business-hours/schedule.js';
