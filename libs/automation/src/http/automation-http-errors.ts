import { httpErrorMap } from '@app/observability';
import { AutomationError, AutomationErrorCode as E } from '../automation.errors.js';

/** Automation's codes as the API answers them (exhaustive: a new code fails to compile until mapped). */
export const automationHttpErrors = httpErrorMap(AutomationError, {
  [E.ValidationFailed]: 400,
  [E.TeamNotFound]: { status: 404, code: 'not_found' },
  [E.RoutingRuleNotFound]: { status: 404, code: 'not_found' },
  [E.TeamNameTaken]: 409,
  [E.TeamInUse]: 409,
  [E.InvalidTeamMember]: 422,
  [E.InvalidAssignee]: 422,
  [E.InvalidTeam]: 422,
  [E.InvalidChannel]: 422,
});
