import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Metrics } from './metrics.js';

/** The `route` label of a request no route matched (any path: paths are what clients type). */
export const UNMATCHED_ROUTE = 'unmatched';

/** The route Nest mounts its catch-all middleware on (every method, every path). */
const NEST_MIDDLEWARE_MOUNT = '{/*splat}';

/** Methods kept as they are in the `method` label; anything else is `OTHER`. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Provider webhooks by route template: `/webhooks/<provider>/:channelId/<kind>[/:secret]`
 * (Twilio inbound and status callbacks, SendGrid inbound parse and event webhooks).
 */
const WEBHOOK_ROUTE = /^\/webhooks\/(twilio|sendgrid)\/:channelId\/(inbound|status|events)(?:\/:secret)?$/;

interface WebhookLabels {
  provider: string;
  kind: string;
}

/**
 * Request durations by method, route TEMPLATE (`/v1/conversations/:id`, never the path the client
 * sent) and status code, and the provider webhooks' answers by provider, kind and status, from one
 * `onResponse` hook: the webhook controllers need not know about metrics. Paths no route matched
 * share one label value, so a scanner cannot grow the label set.
 */
export function installHttpMetrics(server: FastifyInstance, metrics: Metrics): void {
  const duration = metrics.histogram({
    name: 'inbox_http_request_duration_seconds',
    help: 'HTTP requests answered, by method, route template and status code: time to the last byte.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const webhooks = metrics.counter({
    name: 'inbox_webhook_requests_total',
    help: 'Provider webhook requests answered, by provider (twilio, sendgrid), kind (inbound, status, events) and status code.',
    labelNames: ['provider', 'kind', 'status'],
  });
  // Route templates are few and fixed: classified once each, at registration.
  const webhookRoutes = new Map<string, WebhookLabels>();
  server.addHook('onRoute', (route) => {
    const match = WEBHOOK_ROUTE.exec(route.url);
    if (match) webhookRoutes.set(route.url, { provider: match[1]!, kind: match[2]! });
  });

  server.addHook('onResponse', (request, reply, done) => {
    const route = routeOf(request);
    const status = String(reply.statusCode);
    duration.observe({ method: methodOf(request), route, status }, reply.elapsedTime / 1000);
    const webhook = webhookRoutes.get(route);
    if (webhook) webhooks.inc({ provider: webhook.provider, kind: webhook.kind, status });
    done();
  });
}

function methodOf(request: FastifyRequest): string {
  return METHODS.has(request.method) ? request.method : 'OTHER';
}

/**
 * The template of the route that answered. Nest's catch-all middleware mount (`{/*splat}`)
 * matches every path; a request that only it matched found no route.
 */
function routeOf(request: FastifyRequest): string {
  const url = request.routeOptions.url;
  return url === undefined || url === NEST_MIDDLEWARE_MOUNT ? UNMATCHED_ROUTE : url;
}
