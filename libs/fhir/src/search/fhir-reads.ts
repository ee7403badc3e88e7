import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { encodeCursor } from '@app/conversations';
import { TenantDb, type TenantTx } from '@app/database';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { FhirClientPrincipal } from '../clients/client-credentials.js';
import { type FhirResourceType, isFhirResourceType } from '../clients/scopes.js';
import { FhirError, FhirErrorCode as E } from '../fhir.errors.js';
import { operationOutcomeOf, searchsetOf } from '../resources/bundle.js';
import { FhirResources } from './fhir-resources.js';
import { MAX_COUNTED_TOTAL, type SearchQuery } from './search-params.js';
import type { OperationOutcome } from '@medplum/fhirtypes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The audit target type of each resource type's rows. */
const TARGET_TYPE: Record<FhirResourceType, string> = {
  Patient: 'contact',
  Communication: 'message',
  Consent: 'consent_record',
  AuditEvent: 'audit_event',
};

const notFound = (what: string) => new FhirError(E.ResourceNotFound, `${what} not found`);

/**
 * The FHIR read API's use cases: search (a searchset page) and read (one resource, or one
 * attachment's bytes as Binary) for an API client, each in one tenant transaction of the
 * client's practice with its audit event (actor: the client). A type outside the token's scope
 * is refused (403); another practice's ids are simply not found.
 */
@Injectable()
export class FhirReads {
  constructor(
    private readonly db: TenantDb,
    private readonly resources: FhirResources,
    private readonly audit: AuditService,
  ) {}

  /** The server's base (`<PUBLIC_BASE_URL>/fhir/R4`). */
  get baseUrl(): string {
    return this.resources.baseUrl;
  }

  search(client: FhirClientPrincipal, typeName: string, query: SearchQuery): Promise<Bundle> {
    const type = this.readable(client, typeName);
    if (type === 'Patient' && query.patient !== undefined)
      throw new FhirError(E.InvalidParameter, 'The request is not valid', [
        { path: 'patient', message: 'is not a search parameter of Patient (use _id)' },
      ]);
    return this.db.transaction(async (tx) => {
      // A patient or an id that cannot be ours matches nothing: an empty page, no query.
      const matchesNothing = query.patient === null || query.ids?.length === 0;
      const filter = { ids: query.ids, patient: query.patient ?? undefined, range: query.range };
      const page = matchesNothing
        ? { resources: [], last: null, more: false }
        : await this.resources.page(tx, type, { ...filter, after: query.after, limit: query.count });
      const total = query.total === 'none' ? null : await this.total(tx, type, filter, matchesNothing);
      this.audit.record(tx, {
        action: 'fhir.searched',
        ...(query.patient ? { target: { type: 'contact', id: query.patient } } : {}),
        metadata: { resourceType: type, count: page.resources.length },
      });
      // Only when another page follows: a full last page gets no link to an empty one.
      const next = page.more && page.last ? this.searchUrl(type, query, encodeCursor(page.last)) : null;
      return searchsetOf(
        page.resources,
        { self: this.searchUrl(type, query, query.after ? encodeCursor(query.after) : null), next },
        (r) => this.resourceUrl(r),
        total ?? {},
      );
    });
  }

  /**
   * `_total`: the whole search set's size (whichever page this is), counted up to
   * MAX_COUNTED_TOTAL; beyond it no total, and a warning entry that says so.
   */
  private async total(
    tx: TenantTx,
    type: FhirResourceType,
    filter: { ids?: string[]; patient?: string; range: SearchQuery['range'] },
    matchesNothing: boolean,
  ): Promise<{ total: number } | { outcome: OperationOutcome }> {
    const counted = matchesNothing ? 0 : await this.resources.count(tx, type, filter, MAX_COUNTED_TOTAL + 1);
    if (counted <= MAX_COUNTED_TOTAL) return { total: counted };
    return {
      outcome: operationOutcomeOf(
        'too-costly',
        `Bundle.total is not given: the search matches more than ${MAX_COUNTED_TOTAL} resources ` +
          '(narrow it, e.g. with _lastUpdated, to have it counted)',
        ['_total'],
        'warning',
      ),
    };
  }

  read(client: FhirClientPrincipal, typeName: string, id: string): Promise<Resource> {
    const type = this.readable(client, typeName);
    if (!UUID.test(id)) throw notFound(type);
    return this.db.transaction(async (tx) => {
      const [resource] = (await this.resources.page(tx, type, { ids: [id], range: {}, limit: 1 })).resources;
      if (!resource) throw notFound(type);
      this.audit.record(tx, {
        action: 'fhir.read',
        target: { type: TARGET_TYPE[type], id },
        metadata: { resourceType: type },
      });
      return resource;
    });
  }

  /** An attachment's bytes: readable with Communication's scope (it is part of one). */
  binary(
    client: FhirClientPrincipal,
    id: string,
  ): Promise<{ contentType: string | null; fileName: string; content: Buffer }> {
    this.readable(client, 'Communication');
    if (!UUID.test(id)) throw notFound('Binary');
    return this.db.transaction(async (tx) => {
      const file = await this.resources.binary(tx, id);
      if (!file) throw notFound('Binary');
      this.audit.record(tx, {
        action: 'fhir.read',
        target: { type: 'attachment', id },
        metadata: { resourceType: 'Binary', messageId: file.messageId },
      });
      return file;
    });
  }

  private readable(client: FhirClientPrincipal, typeName: string): FhirResourceType {
    if (!isFhirResourceType(typeName))
      throw new FhirError(E.UnsupportedType, 'This server does not serve that resource type');
    if (!client.types.has(typeName))
      throw new FhirError(E.InsufficientScope, `The token's scope does not include ${typeName}`);
    return typeName;
  }

  private resourceUrl(resource: Resource): string {
    return `${this.resources.baseUrl}/${resource.resourceType}/${resource.id}`;
  }

  /** The search's URL from its validated parameters (never the raw query string). */
  private searchUrl(type: FhirResourceType, query: SearchQuery, cursor: string | null): string {
    const params = new URLSearchParams();
    for (const value of query.lastUpdated) params.append('_lastUpdated', value);
    if (query.patient) params.set('patient', `Patient/${query.patient}`);
    if (query.ids) params.set('_id', query.ids.join(','));
    params.set('_count', String(query.count));
    if (query.total !== 'none') params.set('_total', query.total);
    if (cursor) params.set('_cursor', cursor);
    return `${this.resources.baseUrl}/${type}?${params.toString()}`;
  }
}
