export { AutomationModule } from './automation.module.js';
export { AutoRepliesCoreModule } from './auto-replies/auto-replies-core.module.js';
export { AUTOMATION_CLOCK, type AutomationClock } from './automation-clock.js';
export { AutomationError, AutomationErrorCode } from './automation.errors.js';
export { automationHttpErrors } from './http/automation-http-errors.js';
export { AUTOMATION_ENTITIES } from './automation.entities.js';
export { RoutingModule } from './routing/routing.module.js';
export { TeamRepository } from './teams/team.repository.js';
export { RoutingHook, ROUTING_ACTOR } from './routing/routing.hook.js';
export { keywordMatches, ruleMatches } from './routing/routing-rule.js';
export {
  isOpenAt,
  nextOpening,
  openMillisBetween,
  openIntervalsBetween,
  hasOpenings,
  businessHoursOf,
  wallClock,
} from './business-hours/schedule.js';
export { describeNextOpening } from './auto-replies/auto-reply-templates.js';
