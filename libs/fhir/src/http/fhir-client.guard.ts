import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { requestContext } from '@app/observability';
import { ClientCredentials, type FhirClientPrincipal } from '../clients/client-credentials.js';

type FhirRequest = FastifyRequest & { fhirClient?: FhirClientPrincipal };

/**
 * The FHIR routes' authentication (they are `@Public()` to the staff guards): a bearer access
 * token of a live API client. The request then acts for the client's practice, as the client
 * (row-level security and the audit actor).
 */
@Injectable()
export class FhirClientGuard implements CanActivate {
  constructor(private readonly credentials: ClientCredentials) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FhirRequest>();
    const client = await this.credentials.verify(req.headers.authorization);
    req.fhirClient = client;
    requestContext.assign({ tenantId: client.tenantId, actor: { type: 'api_client', id: client.clientId } });
    return true;
  }
}

/** The API client the guard admitted. */
export const FhirClient = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): FhirClientPrincipal => {
    const client = ctx.switchToHttp().getRequest<FhirRequest>().fhirClient;
    // Only reachable on a FHIR route without the guard: never answer as if anonymous were a client.
    if (!client) throw new Error('FhirClient used on a route without FhirClientGuard');
    return client;
  },
);
