import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';

/** A searchset page: `self` and, when more rows follow, `next` (a keyset cursor, not an offset). */
export function searchsetOf(
  resources: readonly Resource[],
  links: { self: string; next: string | null },
  fullUrl: (resource: Resource) => string,
): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    link: [
      { relation: 'self', url: links.self },
      ...(links.next ? [{ relation: 'next', url: links.next }] : []),
    ],
    entry: resources.map((resource) => ({ fullUrl: fullUrl(resource), resource, search: { mode: 'match' } })),
  };
}

/** An OperationOutcome of one error issue: what FHIR routes answer for every refusal. */
export function operationOutcomeOf(
  code:
    | 'invalid'
    | 'not-found'
    | 'security'
    | 'login'
    | 'forbidden'
    | 'throttled'
    | 'exception'
    | 'not-supported'
    | 'processing',
  diagnostics: string,
  expression?: readonly string[],
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code,
        diagnostics,
        ...(expression?.length ? { expression: [...expression] } : {}),
      },
    ],
  };
}
