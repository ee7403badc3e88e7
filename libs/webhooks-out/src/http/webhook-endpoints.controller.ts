import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { IdParam, RequirePermission } from '@app/identity';
import {
  ApiContentResponse,
  ApiErrors,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
  ValidBody,
  ValidQuery,
} from '@app/observability';
import type { DeliveryLogEntry } from '../webhook-delivery.repository.js';
import type { WebhookEndpoint } from '../webhook-endpoint.repository.js';
import { WebhookEndpoints } from '../webhook-endpoints.service.js';
import {
  createdEndpointExample,
  createdEndpointSchema,
  createEndpointBody,
  deliveriesQuery,
  deliveryPageExample,
  deliveryPageSchema,
  encodeDeliveryCursor,
  endpointExample,
  endpointListSchema,
  endpointSchema,
  secretExample,
  secretSchema,
  updateEndpointBody,
} from './webhook-schemas.js';

type EndpointView = z.output<typeof endpointSchema>;
type DeliveryView = z.output<typeof deliveryPageSchema>['data'][number];

const endpointView = (e: WebhookEndpoint): EndpointView => ({
  id: e.id,
  url: e.url,
  eventTypes: e.eventTypes as EndpointView['eventTypes'],
  enabled: e.enabled,
  disabledReason: e.disabledReason,
  disabledAt: e.disabledAt?.toISOString() ?? null,
  consecutiveFailures: e.consecutiveFailures,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

const deliveryView = (d: DeliveryLogEntry): DeliveryView => ({
  id: d.id,
  type: d.type as DeliveryView['type'],
  occurredAt: d.occurredAt.toISOString(),
  state: d.state,
  attempts: d.attempts,
  finishedAt: d.finishedAt?.toISOString() ?? null,
});

const URL_ERRORS = { 422: ['webhook_url_invalid', 'webhook_url_refused', 'webhook_url_unresolvable'] };

/**
 * Outbound webhooks (owner and admin): endpoints that receive signed, PHI-free events
 * (Standard Webhooks), their delivery log and replay.
 */
@ApiTags('webhooks')
@Controller('v1/webhook-endpoints')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpoints) {}

  @Get()
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: 'The practice’s webhook endpoints, oldest first (never their secrets)' })
  @ApiZodResponse(200, endpointListSchema, {
    description: 'The endpoints',
    example: { data: [endpointExample] },
  })
  async list(): Promise<z.output<typeof endpointListSchema>> {
    return { data: (await this.endpoints.list()).map(endpointView) };
  }

  @Post()
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary: 'Register a webhook endpoint',
    description:
      'Each event is POSTed as JSON `{type, timestamp, data}` (ids and status names only, never PHI), signed per ' +
      'Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature v1). A URL that is not https, carries ' +
      'credentials, does not resolve, or resolves to a private, loopback, link-local or metadata address is ' +
      'refused (422). The secret is in this answer only.',
  })
  @ApiZodBody(createEndpointBody)
  @ApiZodResponse(201, createdEndpointSchema, { description: 'Registered', example: createdEndpointExample })
  @ApiErrors(URL_ERRORS)
  async create(
    @ValidBody(createEndpointBody) body: z.infer<typeof createEndpointBody>,
  ): Promise<z.output<typeof createdEndpointSchema>> {
    const { endpoint, secret } = await this.endpoints.create(body);
    return { ...endpointView(endpoint), secret };
  }

  @Patch(':id')
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary: 'Change an endpoint’s URL or events, disable it, or re-enable it',
    description:
      'Re-enabling clears the failure streak. Deliveries failed while it was disabled can be replayed.',
  })
  @ApiZodBody(updateEndpointBody)
  @ApiZodResponse(200, endpointSchema, { description: 'Changed', example: endpointExample })
  @ApiErrors(URL_ERRORS)
  async update(
    @IdParam('id', 'Webhook endpoint') id: string,
    @ValidBody(updateEndpointBody) body: z.infer<typeof updateEndpointBody>,
  ): Promise<EndpointView> {
    return endpointView(await this.endpoints.update(id, body));
  }

  @Delete(':id')
  @RequirePermission('practice.settings')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint with its delivery log' })
  @ApiContentResponse(204, { description: 'Deleted' })
  async remove(@IdParam('id', 'Webhook endpoint') id: string): Promise<void> {
    await this.endpoints.delete(id);
  }

  @Post(':id/secret')
  @RequirePermission('practice.settings')
  @ApiOperation({ summary: 'Rotate the signing secret (the new one is in this answer only)' })
  @ApiZodResponse(201, secretSchema, { description: 'The new secret', example: secretExample })
  rotateSecret(@IdParam('id', 'Webhook endpoint') id: string): Promise<z.output<typeof secretSchema>> {
    return this.endpoints.rotateSecret(id);
  }

  @Get(':id/deliveries')
  @RequirePermission('practice.settings')
  @ApiOperation({
    summary: 'The endpoint’s delivery log, newest first (keyset cursor)',
    description:
      'Each delivery with its attempts: status code, duration and error class, never a response body.',
  })
  @ApiZodQuery(deliveriesQuery)
  @ApiZodResponse(200, deliveryPageSchema, {
    description: 'A page of deliveries',
    example: deliveryPageExample,
  })
  async deliveries(
    @IdParam('id', 'Webhook endpoint') id: string,
    @ValidQuery(deliveriesQuery) q: z.infer<typeof deliveriesQuery>,
  ): Promise<z.output<typeof deliveryPageSchema>> {
    const page = await this.endpoints.deliveryLog(id, { beforeSeq: q.cursor, limit: q.limit });
    const last = page.at(-1);
    return {
      data: page.map(deliveryView),
      nextCursor: page.length === q.limit && last ? encodeDeliveryCursor(last.seq) : null,
    };
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @RequirePermission('practice.settings')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a delivered or failed delivery again',
    description:
      'The same webhook-id (receivers deduplicate on it), a new timestamp and signature, a new retry window. ' +
      '409 webhook_delivery_pending while it is still being retried.',
  })
  @ApiContentResponse(202, { description: 'Queued' })
  @ApiErrors({ 409: ['webhook_delivery_pending'] })
  async replay(
    @IdParam('id', 'Webhook endpoint') id: string,
    @IdParam('deliveryId', 'Webhook delivery') deliveryId: string,
  ): Promise<void> {
    await this.endpoints.replay(id, deliveryId);
  }
}
