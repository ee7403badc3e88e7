import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

export const FHIR_MEDIA_TYPE = 'application/fhir+json';

/** A FHIR resource of `type` (its full definition is the R4 specification's). */
export const fhirResourceSchema = (type: string | null) => ({
  type: 'object',
  required: ['resourceType'],
  properties: { resourceType: type ? { const: type } : { type: 'string' } },
});

/** A FHIR JSON answer. */
export const ApiFhirResponse = (status: number, type: string | null, description: string) =>
  ApiResponse({
    status,
    description,
    content: { [FHIR_MEDIA_TYPE]: { schema: fhirResourceSchema(type) as never } },
  });

const OUTCOMES: Record<number, string> = {
  400: 'A parameter the server does not take or a value it cannot read (issue code invalid, naming it)',
  401: 'No bearer token, or an unknown, expired or revoked one (WWW-Authenticate: Bearer)',
  403: "The token's scope does not include the resource type",
  404: 'No such resource for this client (another practice’s ids included), or a type this server does not serve',
  429: 'An export of this client is already in progress (Retry-After)',
  500: 'An unexpected failure (or a failed export)',
};

/** The OperationOutcome answers of a FHIR route, by status. */
export const ApiOperationOutcomes = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: OUTCOMES[status] ?? 'An OperationOutcome',
        content: { [FHIR_MEDIA_TYPE]: { schema: fhirResourceSchema('OperationOutcome') as never } },
      }),
    ),
  );

/** The bearer token FHIR routes take (from POST /oauth/token), not a staff session. */
export const ApiFhirBearer = () =>
  ApiHeader({
    name: 'Authorization',
    required: true,
    description: 'Bearer <access_token> from POST /oauth/token (client credentials)',
    schema: { type: 'string' },
  });
