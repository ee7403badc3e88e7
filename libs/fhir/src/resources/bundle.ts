import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';

/**
 * A searchset page: `self` and, when more rows follow, `next` (a keyset cursor, not an offset);
 * `total` (the whole search set's size) when it was counted, and an `outcome` entry (a warning
 * about the search, e.g. why it was not counted) before the matches.
 */
export function searchsetOf(
  resources: readonly Resource[],
  links: { self: string; next: string | null },
  fullUrl: (resource: Resource) => string,
  extra: { total?: number; outcome?: OperationOutcome } = {},
): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(extra.total === undefined ? {} : { total: extra.total }),
    link: [
      { relation: 'self', url: links.self },
      ...(links.next ? [{ relation: 'next', url: links.next }] : []),
    ],
    entry: [
      ...(extra.outcome ? [{ resource: extra.outcome, search: { mode: 'outcome' as const } }] : []),
      ...resources.map((resource) => ({
        fullUrl: fullUrl(resource),
        resource,
        search: { mode: 'match' as const },
      })),
    ],
  };
}

/** An OperationOutcome of one issue (an error unless said): what FHIR routes answer for every refusal. */
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
    | 'processing'
    | 'too-costly',
  diagnostics: string,
  expression?: readonly string[],
  severity: 'error' | 'warning' = 'error',
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity,
        code,
        diagnostics,
        ...(expression?.length ? { expression: [...expression] } : {}),
      },
    ],
  };
}
