import { DomainError, type FieldProblem, INVALID_REQUEST_MESSAGE } from '@app/observability';

/** Every failure automation's use cases name. The HTTP answers are in `http/automation-http-errors.ts`. */
export enum AutomationErrorCode {
  ValidationFailed = 'validation_failed',
  TeamNotFound = 'team_not_found',
  RoutingRuleNotFound = 'routing_rule_not_found',
  /** Another team of the practice has this name (any case). */
  TeamNameTaken = 'team_name_taken',
  /** A routing rule assigns to the team: change or delete the rule first. */
  TeamInUse = 'team_in_use',
  /** A member id is not a user of the practice. */
  InvalidTeamMember = 'invalid_team_member',
  /** A rule's assignUserId is not an active user of the practice. */
  InvalidAssignee = 'invalid_assignee',
  /** A rule's assignTeamId is not a team of the practice. */
  InvalidTeam = 'invalid_team',
  /** A rule's channelId is not a channel of the practice. */
  InvalidChannel = 'invalid_channel',
}

export class AutomationError extends DomainError<AutomationErrorCode> {
  /** A rule only the practice's own facts can check (e.g. a template's `{link}` with no link): 400 naming the field. */
  static validation(details: FieldProblem[]): AutomationError {
    return new AutomationError(AutomationErrorCode.ValidationFailed, INVALID_REQUEST_MESSAGE, details);
  }
}
