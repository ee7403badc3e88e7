/** The resource types this API serves (Binary is read through Communication's attachments). */
export const FHIR_RESOURCE_TYPES = ['Patient', 'Communication', 'Consent', 'AuditEvent'] as const;
export type FhirResourceType = (typeof FHIR_RESOURCE_TYPES)[number];

export function isFhirResourceType(value: string): value is FhirResourceType {
  return (FHIR_RESOURCE_TYPES as readonly string[]).includes(value);
}

/** Every type a client may be given: `system/*.read`. */
export const ALL_TYPES_SCOPE = 'system/*.read';

const SCOPE = /^system\/(\*|Patient|Communication|Consent|AuditEvent)\.read$/;

/**
 * SMART Backend Services scopes as the set of resource types they let a client read; null when
 * a scope is not one this API grants (only `system/<type>.read` and `system/*.read`: read-only).
 */
export function typesOfScope(scope: string): Set<FhirResourceType> | null {
  const types = new Set<FhirResourceType>();
  const parts = scope.split(' ').filter(Boolean);
  if (parts.length === 0) return null;
  for (const part of parts) {
    const match = SCOPE.exec(part);
    if (!match) return null;
    if (match[1] === '*') for (const type of FHIR_RESOURCE_TYPES) types.add(type);
    else types.add(match[1] as FhirResourceType);
  }
  return types;
}

/** The canonical scope string of a set of types: `system/*.read` when it is all of them. */
export function scopeOfTypes(types: ReadonlySet<FhirResourceType>): string {
  if (FHIR_RESOURCE_TYPES.every((t) => types.has(t))) return ALL_TYPES_SCOPE;
  return FHIR_RESOURCE_TYPES.filter((t) => types.has(t))
    .map((t) => `system/${t}.read`)
    .join(' ');
}
