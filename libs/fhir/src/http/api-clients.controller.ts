import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { CurrentUser, type Principal, RequirePermission } from '@app/identity';
import { ApiContentResponse, ApiErrors, ApiZodBody, ApiZodResponse, ValidBody } from '@app/observability';
import { ApiClients, type ApiClientView } from '../clients/api-clients.service.js';
import {
  apiClientExample,
  apiClientListSchema,
  createApiClientBody,
  createdApiClientExample,
  createdApiClientSchema,
} from './api-client-schemas.js';

/**
 * A practice's API clients for the FHIR API (client credentials). Only the practice's owner
 * manages them (403 forbidden for anyone else, admins included): a client reads the practice's
 * PHI as a whole.
 */
@ApiTags('interoperability')
@Controller('v1/api-clients')
export class ApiClientsController {
  constructor(private readonly clients: ApiClients) {}

  @Post()
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary: 'Create an API client (owner only); its secret is shown this once',
    description:
      'The client gets a token at POST /oauth/token (grant_type=client_credentials) and reads /fhir/R4 within its ' +
      'scope. Only a SHA-256 of the secret is stored. Audited `api_client.created`.',
  })
  @ApiZodBody(createApiClientBody)
  @ApiZodResponse(201, createdApiClientSchema, { description: 'Created', example: createdApiClientExample })
  create(
    @CurrentUser() user: Principal,
    @ValidBody(createApiClientBody) body: z.output<typeof createApiClientBody>,
  ): Promise<ApiClientView & { clientSecret: string }> {
    return this.clients.create(user, body);
  }

  @Get()
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: 'The practice’s API clients, newest first (owner only; never their secrets)' })
  @ApiZodResponse(200, apiClientListSchema, {
    description: 'The clients',
    example: { data: [apiClientExample] },
  })
  async list(@CurrentUser() user: Principal): Promise<{ data: ApiClientView[] }> {
    return { data: await this.clients.list(user) };
  }

  @Delete(':id')
  @RequirePermission('practice.settings')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API client (owner only)',
    description: 'Its tokens stop working at once and it gets no new ones. Audited `api_client.revoked`.',
  })
  @ApiParam({
    name: 'id',
    description: 'The client’s id, or its OAuth client_id (anything else answers 404 not_found)',
    schema: { type: 'string' },
  })
  @ApiContentResponse(204, { description: 'Revoked (or already revoked)' })
  @ApiErrors({ 404: ['not_found'] })
  async revoke(@CurrentUser() user: Principal, @Param('id') id: string): Promise<void> {
    await this.clients.revoke(user, id);
  }
}
