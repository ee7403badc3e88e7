import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb } from '@app/database';
import type { Principal } from '@app/identity';
import { FhirError, FhirErrorCode as E } from '../fhir.errors.js';
import { type ApiClient, ApiClientRepository } from './api-client.repository.js';
import { newClientSecret, parseClientId, publicClientId, sha256 } from './credentials.js';
import { ALL_TYPES_SCOPE, scopeOfTypes, typesOfScope } from './scopes.js';

/** A client as staff see it: its public client id, never its secret. */
export interface ApiClientView {
  id: string;
  clientId: string;
  name: string;
  scope: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const notFound = () => new FhirError(E.ApiClientNotFound, 'API client not found');
const ownerOnly = () => new FhirError(E.OwnerOnly, 'Only the practice owner manages API clients');

/**
 * A practice's API clients (client credentials for the FHIR API), managed by its owner only: the
 * secret is returned once at creation and only its SHA-256 is kept; revoking ends the client's
 * tokens at once. Each change is audited.
 */
@Injectable()
export class ApiClients {
  constructor(
    private readonly db: TenantDb,
    private readonly clients: ApiClientRepository,
    private readonly audit: AuditService,
  ) {}

  create(
    owner: Principal,
    input: { name: string; scope?: string },
  ): Promise<ApiClientView & { clientSecret: string }> {
    if (owner.role !== 'owner') throw ownerOnly();
    const types = typesOfScope(input.scope ?? ALL_TYPES_SCOPE);
    if (!types)
      throw new FhirError(E.InvalidParameter, 'The request is not valid', [
        {
          path: 'scope',
          message:
            'must be system/*.read or system/<Patient|Communication|Consent|AuditEvent>.read, space-separated',
        },
      ]);
    return this.db.transaction(async (tx) => {
      const secret = newClientSecret();
      const client = await this.clients.create(tx, {
        id: randomUUID(),
        name: input.name,
        secretHash: sha256(secret),
        scope: scopeOfTypes(types),
        createdBy: owner.userId,
      });
      this.audit.record(tx, {
        action: 'api_client.created',
        target: { type: 'api_client', id: client.id },
        metadata: { scope: client.scope },
      });
      return { ...view(tx.tenantId, client), clientSecret: secret };
    });
  }

  list(owner: Principal): Promise<ApiClientView[]> {
    if (owner.role !== 'owner') throw ownerOnly();
    return this.db.transaction(async (tx) => (await this.clients.list(tx)).map((c) => view(tx.tenantId, c)));
  }

  /** Revokes a client named by its id or its OAuth client_id. */
  revoke(owner: Principal, idOrClientId: string): Promise<ApiClientView> {
    if (owner.role !== 'owner') throw ownerOnly();
    const parsed = parseClientId(idOrClientId);
    const id = parsed ? (parsed.tenantId === owner.tenantId ? parsed.clientId : null) : idOrClientId;
    if (!id || !UUID.test(id)) throw notFound();
    return this.db.transaction(async (tx) => {
      const client = await this.clients.revoke(tx, id);
      if (!client) throw notFound();
      this.audit.record(tx, { action: 'api_client.revoked', target: { type: 'api_client', id } });
      return view(tx.tenantId, client);
    });
  }
}

function view(tenantId: string, client: ApiClient): ApiClientView {
  return {
    id: client.id,
    clientId: publicClientId(tenantId, client.id),
    name: client.name,
    scope: client.scope,
    createdBy: client.createdBy,
    createdAt: client.createdAt.toISOString(),
    revokedAt: client.revokedAt?.toISOString() ?? null,
  };
}
