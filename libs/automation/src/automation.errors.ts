import { DomainError, type FieldProblem, INVALID_REQUEST_MESSAGE } from '@app/observability';

/** Every failure automation's use cases name. The HTTP answers are in `http/automation-http-errors.ts`. */
export enum AutomationErrorCode {
  ValidationFailed = 'validation_failed',
  TeamNotFound = 'team_not_found',
  RoutingRuleNotFound = 'routing_rule_not_found',
}

export class AutomationError extends DomainError<AutomationErrorCode> {
  /** A rule only the practice's own facts can check (e.g. a template's `{link}` with no link): 400 naming the field. */
  static validation(details: FieldProblem[]): AutomationError {
    return new AutomationError(AutomationErrorCode.ValidationFailed, INVALID_REQUEST_MESSAGE, details);
  }
}
