import { httpErrorMap } from '@app/observability';
import { FhirError, FhirErrorCode as E } from '../fhir.errors.js';

/** The FHIR lib's codes as HTTP statuses (exhaustive: a new code fails to compile until mapped). */
export const fhirHttpErrors = httpErrorMap(FhirError, {
  [E.OwnerOnly]: { status: 403, code: 'forbidden' },
  [E.ApiClientNotFound]: { status: 404, code: 'not_found' },
  [E.InvalidParameter]: 400,
  [E.ResourceNotFound]: { status: 404, code: 'not_found' },
  [E.UnsupportedType]: { status: 404, code: 'not_found' },
  [E.InvalidToken]: 401,
  [E.InsufficientScope]: 403,
  [E.InvalidClient]: 401,
  [E.InvalidRequest]: 400,
  [E.UnsupportedGrantType]: 400,
  [E.InvalidScope]: 400,
  [E.ExportNotFound]: { status: 404, code: 'not_found' },
  [E.ExportInProgress]: 429,
  [E.TokenRateLimited]: { status: 429, code: 'rate_limited' },
});
