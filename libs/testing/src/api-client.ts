import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { type ApiClient, createApiClient } from '@app/api-client';

/**
 * The typed API client (generated from docs/openapi.json) answered by an app in memory through
 * Fastify's inject: no port, the same pipeline as a real request, and the OpenAPI conformance
 * hook sees every answer. `headers` go on every request (a test client's own address).
 */
export function inMemoryApiClient(app: INestApplication, headers: Record<string, string> = {}): ApiClient {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  return createApiClient({
    baseUrl: 'http://api.test',
    fetch: async (request: Request) => {
      const url = new URL(request.url);
      const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
      const res = await fastify.inject({
        method: request.method as 'GET',
        url: `${url.pathname}${url.search}`,
        headers: { ...Object.fromEntries(request.headers), ...headers },
        ...(body ? { payload: body } : {}),
      });
      const answerHeaders = new Headers();
      for (const [name, value] of Object.entries(res.headers))
        for (const item of Array.isArray(value) ? value : [value])
          if (item !== undefined) answerHeaders.append(name, String(item));
      const empty = res.statusCode === 204 || res.statusCode === 304 || res.rawPayload.length === 0;
      return new Response(empty ? null : new Uint8Array(res.rawPayload), {
        status: res.statusCode,
        headers: answerHeaders,
      });
    },
  });
}
