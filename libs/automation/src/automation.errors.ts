import { DomainError } from '@app/observability';

/** Every failure automation's use cases name. The HTTP answers are in `http/automation-http-errors.ts`. */
export enum AutomationErrorCode {
  TeamNotFound = 'team_not_found',
  RoutingRuleNotFound = 'routing_rule_not_found',
}

export class AutomationError extends DomainError<AutomationErrorCode> {}
