import { DomainError } from '@app/observability';

/**
 * Every failure the FHIR lib's use cases name. Staff routes (API clients) answer them through
 * `fhirHttpErrors`; the FHIR routes as an OperationOutcome and the token route in OAuth's words
 * (their filters, `http/`), each with the status `fhirHttpErrors` gives.
 */
export enum FhirErrorCode {
  /** Only the practice's owner manages API clients. */
  OwnerOnly = 'owner_only',
  ApiClientNotFound = 'api_client_not_found',
  /** A search or kick-off parameter the API does not take, or a value it cannot read. */
  InvalidParameter = 'invalid_parameter',
  /** No such resource for this client: another practice's, unknown, or outside its scope. */
  ResourceNotFound = 'resource_not_found',
  /** The resource type is not served (or not within the token's scope). */
  UnsupportedType = 'unsupported_type',
  /** No bearer token, an unknown, expired or revoked one. */
  InvalidToken = 'invalid_token',
  /** The token's scope does not cover the resource type. */
  InsufficientScope = 'insufficient_scope',
  /** Client credentials that do not match a live client. */
  InvalidClient = 'invalid_client',
  /** A token request OAuth refuses (grant type, malformed form). */
  InvalidRequest = 'invalid_request',
  UnsupportedGrantType = 'unsupported_grant_type',
  /** A requested scope outside the client's. */
  InvalidScope = 'invalid_scope',
  /** An export that is unknown to this client, cancelled or expired. */
  ExportNotFound = 'export_not_found',
  /** The client already has an export queued or running (Bulk Data: 429). */
  ExportInProgress = 'export_in_progress',
  /** Too many token requests for one client id (whether or not it exists); `retryAfterSeconds`. */
  TokenRateLimited = 'token_rate_limited',
}

export class FhirError extends DomainError<FhirErrorCode> {}
