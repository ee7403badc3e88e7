import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { APP_CONFIG } from '@app/config';
import { ConsentLedger } from '@app/consent';
import { ContactRepository } from '@app/contacts';
import { AttachmentRepository, MessageRepository } from '@app/conversations';
import type { TenantTx } from '@app/database';
import type { Resource } from '@medplum/fhirtypes';
import type { FhirResourceType } from '../clients/scopes.js';
import type { FhirConfig } from '../fhir-config.js';
import { auditEventOf } from '../resources/audit-event.js';
import { communicationOf } from '../resources/communication.js';
import { consentOf } from '../resources/consent.js';
import { patientOf } from '../resources/patient.js';
import type { TimeRange } from './search-params.js';

/** Which resources of one type a page reads (keyset `after`, see ContactRepository.changedPage). */
export interface ResourceQuery {
  ids?: readonly string[];
  /** Only this patient's (not for Patient itself). */
  patient?: string;
  range: TimeRange;
  after?: { micros: string; id: string };
  limit: number;
}

/**
 * A page of resources, the keyset position of its last row (the next page starts after it) and
 * whether another page follows (one row more than the page is read to know).
 */
export interface ResourcePage {
  resources: Resource[];
  last: { micros: string; id: string } | null;
  more: boolean;
}

/**
 * Reads FHIR resources of a practice through each table's owner (contacts, conversations'
 * messages and attachments, the consent ledger, the audit chain) inside the caller's tenant
 * transaction, mapped to R4. Used by the searches and reads and by the bulk export; auditing is
 * the caller's (one event per request or export).
 */
@Injectable()
export class FhirResources {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly messages: MessageRepository,
    private readonly attachments: AttachmentRepository,
    private readonly consent: ConsentLedger,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: Pick<FhirConfig, 'PUBLIC_BASE_URL'>,
  ) {}

  /** The server's base (`<PUBLIC_BASE_URL>/fhir/R4`). */
  get baseUrl(): string {
    return `${this.config.PUBLIC_BASE_URL}/fhir/R4`;
  }

  async page(tx: TenantTx, type: FhirResourceType, query: ResourceQuery): Promise<ResourcePage> {
    const feed = {
      ids: query.ids,
      from: query.range.from,
      to: query.range.to,
      after: query.after,
      limit: query.limit + 1,
    };
    // The row past the page only says whether there is a next one.
    const upTo = <T>(rows: T[]) => ({ rows: rows.slice(0, query.limit), more: rows.length > query.limit });
    switch (type) {
      case 'Patient': {
        const { rows, more } = upTo(await this.contacts.changedPage(tx, feed));
        return { resources: rows.map(patientOf), last: lastOf(rows), more };
      }
      case 'Communication': {
        const { rows, more } = upTo(
          await this.messages.changedPage(tx, { ...feed, contactId: query.patient }),
        );
        const files = await this.attachments.listForMessages(
          tx,
          rows.map((m) => m.id),
        );
        const stored = files.filter((f) => f.status === 'stored');
        const binaryUrl = (id: string) => `${this.baseUrl}/Binary/${id}`;
        return {
          resources: rows.map((m) =>
            communicationOf(
              m,
              stored.filter((f) => f.messageId === m.id),
              binaryUrl,
            ),
          ),
          last: lastOf(rows),
          more,
        };
      }
      case 'Consent': {
        const { rows, more } = upTo(
          await this.consent.changedPage(tx, { ...feed, contactId: query.patient }),
        );
        return { resources: rows.map(consentOf), last: lastOf(rows), more };
      }
      case 'AuditEvent': {
        // The chain's order is seq: the keyset position carries it where the others carry a time.
        const { rows, more } = upTo(
          await this.audit.list(tx, {
            ids: query.ids,
            targetId: query.patient,
            from: query.range.from,
            to: query.range.to,
            afterSeq: query.after ? Number(query.after.micros) : undefined,
            order: 'asc',
            limit: feed.limit,
          }),
        );
        const last = rows.at(-1);
        return {
          resources: rows.map(auditEventOf),
          last: last ? { micros: String(last.seq), id: last.id } : null,
          more,
        };
      }
    }
  }

  /**
   * How many resources the query matches from its first page on (its keyset position is left
   * out, so every page of a search counts the same set), counted up to `atMost`.
   */
  async count(
    tx: TenantTx,
    type: FhirResourceType,
    query: Omit<ResourceQuery, 'after' | 'limit'>,
    atMost: number,
  ): Promise<number> {
    const feed = { ids: query.ids, from: query.range.from, to: query.range.to };
    switch (type) {
      case 'Patient':
        return this.contacts.countChanged(tx, feed, atMost);
      case 'Communication':
        return this.messages.countChanged(tx, { ...feed, contactId: query.patient }, atMost);
      case 'Consent':
        return this.consent.countChanged(tx, { ...feed, contactId: query.patient }, atMost);
      case 'AuditEvent':
        return this.audit.count(tx, { ...feed, targetId: query.patient }, atMost);
    }
  }

  /** A stored attachment of a patient message, for `Binary/<id>`. */
  binary(tx: TenantTx, id: string) {
    return this.attachments.storedOfMessage(tx, id);
  }
}

function lastOf(rows: ReadonlyArray<{ micros: string; id: string }>): { micros: string; id: string } | null {
  const last = rows.at(-1);
  return last ? { micros: last.micros, id: last.id } : null;
}
