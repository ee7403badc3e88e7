import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { FHIR_RESOURCE_TYPES } from '../clients/scopes.js';
import { DEFAULT_PAGE_SIZE, MAX_COUNTED_TOTAL, MAX_PAGE_SIZE } from '../search/search-params.js';
import { FHIR_VERSION } from './fhir-systems.js';

const LAST_UPDATED = {
  name: '_lastUpdated',
  type: 'date' as const,
  definition: 'http://hl7.org/fhir/SearchParameter/Resource-lastUpdated',
  documentation: 'gt, ge, lt, le or eq (no prefix) with a date or an instant; up to two (a range)',
};
const ID = {
  name: '_id',
  type: 'token' as const,
  definition: 'http://hl7.org/fhir/SearchParameter/Resource-id',
};
const PATIENT = {
  name: 'patient',
  type: 'reference' as const,
  documentation: 'Patient/<id> or <id>: the resources of one patient',
};

function resource(
  type: CapabilityStatementRestResource['type'],
  withPatient: boolean,
): CapabilityStatementRestResource {
  return {
    type,
    interaction: [{ code: 'read' }, { code: 'search-type' }],
    searchParam: [LAST_UPDATED, ID, ...(withPatient ? [PATIENT] : [])],
  };
}

/**
 * What this server does: read and search of Patient, Communication, Consent and AuditEvent
 * (JSON), read of Binary (a Communication's attachment), paged by `_count` with a keyset `next` link, `Bundle.total` on request (`_total`,
 * counted up to MAX_COUNTED_TOTAL); system-level Bulk Data `$export`; OAuth client credentials at
 * `/oauth/token` with SMART system scopes.
 */
export function capabilityStatementOf(baseUrl: string, date: string): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    kind: 'instance',
    implementation: { description: 'Patient inbox FHIR R4 API (read-only)', url: `${baseUrl}/fhir/R4` },
    fhirVersion: FHIR_VERSION,
    format: ['json'],
    rest: [
      {
        mode: 'server',
        documentation:
          `Searches page by _count (1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}) on a keyset cursor: follow the next link. ` +
          'Bundle.total is given only when asked: _total=accurate or _total=estimate count the whole search set ' +
          `exactly (on every page) up to ${MAX_COUNTED_TOTAL} matches; beyond that the page carries no total and ` +
          'a warning OperationOutcome entry (search.mode outcome). _total=none (the default) leaves it out. ' +
          'No _sort, _include, _summary or _elements: an unknown parameter is refused (400).',
        security: {
          service: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                  code: 'SMART-on-FHIR',
                },
              ],
            },
          ],
          description:
            'OAuth 2.0 client credentials (POST /oauth/token, client_secret_post or client_secret_basic), ' +
            'scopes system/*.read or system/<type>.read',
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: `${baseUrl}/oauth/token` }],
            },
          ],
        },
        resource: [
          ...FHIR_RESOURCE_TYPES.map((type) => resource(type, type !== 'Patient')),
          {
            type: 'Binary',
            interaction: [{ code: 'read' }],
            documentation:
              "A Communication's attachment (its contentAttachment.url), with the Communication scope: " +
              'the raw bytes, or a Binary resource when Accept asks for application/fhir+json.',
          },
        ],
        operation: [
          { name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' },
        ],
      },
    ],
  };
}
