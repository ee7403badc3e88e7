import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { AppError } from './app-error.js';
import { trustedProxyRule } from './client-address.js';
import { ErrorFilter } from './error.filter.js';
import { loggedUrl } from './logging.js';
import { requestContext } from './request-context.js';
import { hasMediaType } from './media-type.js';

/** Fields a form body may have (body-parser's default); Twilio sends a few dozen. */
const MAX_FORM_FIELDS = 1000;

const frameworkErrorFilter = new ErrorFilter();

export interface HttpPipelineOptions {
  /** Largest JSON or form body read, in bytes (413 beyond). */
  bodyLimit: number;
  /** Sets the security headers of every answer (helmet's middleware), before anything else runs. */
  securityHeaders?: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
}

export interface HttpServerOptions {
  /** Largest JSON or form body read, in bytes (413 beyond). */
  bodyLimit: number;
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES): rate limits and audit rest on it. */
  trustedProxies: readonly string[];
}

/**
 * The Fastify server an api is built on. Every request gets a fresh id (a client's x-request-id
 * is not taken over: it would name other requests in our logs); routes match case-sensitively,
 * so `/S/<token>` is not the patient page; Fastify's own request logging is off (the access log
 * below is the one line per request).
 */
export function fastifyServerOptions(options: HttpServerOptions): FastifyServerOptions {
  return {
    bodyLimit: options.bodyLimit,
    trustProxy: trustedProxyRule(options.trustedProxies),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    routerOptions: { caseSensitive: true },
    frameworkErrors: answerRouterError,
  };
}

/** What the router refuses before any hook runs (a malformed URL): the same error body. */
function answerRouterError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = frameworkErrorFilter.render(error);
  void reply
    .status(status)
    .headers({ 'x-request-id': request.id, 'cache-control': 'no-store' })
    .type('application/json; charset=utf-8')
    .send(body);
}

/**
 * What every request passes through before and after its controller, as Fastify hooks and body
 * parsers: the x-request-id header, `Cache-Control: no-store` unless the route sets its own, the
 * security headers,
 * request context (client address, user agent, id) that audit and RLS read, JSON and form
 * bodies within the limit, and one access-log line with the secret-free URL. Guards,
 * interceptors, pipes and filters are Nest's, the same for every route.
 */
export function installHttpPipeline(app: NestFastifyApplication, options: HttpPipelineOptions): void {
  const server = app.getHttpAdapter().getInstance();
  const routePaths: string[] = [];
  server.addHook('onRoute', (route) => void routePaths.push(route.url));

  const { securityHeaders } = options;
  server.addHook('onRequest', (request, reply, done) => {
    // On the Node response, so a streamed answer (SSE, exports) carries them too; a route's own
    // Cache-Control (reply.header, @Header) replaces the default when the head is written.
    reply.raw.setHeader('x-request-id', request.id);
    reply.raw.setHeader('cache-control', 'no-store');
    if (securityHeaders) securityHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined));
    else done();
  });
  // After the body is read, so the scope is the one guards, interceptors and handlers run in.
  server.addHook('preHandler', (request, _reply, done) => {
    // Fastify runs no parser for an empty body; an empty JSON or form body reads as `{}`.
    if (request.body === undefined && request.headers['content-length'] === '0' && hasParsedType(request))
      request.body = {};
    requestContext.run(
      { ip: request.ip, userAgent: request.headers['user-agent'], requestId: request.id },
      done,
    );
  });
  server.addHook('onResponse', (request, reply, done) => {
    logAccess(request, reply, routePaths);
    done();
  });
  closeConnectionsWhenClosing(server);

  // Bodies Express's body-parser did not read (text, octet streams, unknown types) stay unread:
  // the route decides (most answer 415), as before, instead of Fastify refusing them first.
  server.removeContentTypeParser('text/plain');
  server.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  const limits = { bodyLimit: options.bodyLimit };
  // Async: Nest takes the value a parser without a `done` parameter resolves with as the body.
  app.useBodyParser('application/json', limits, async (request: FastifyRequest, body: Buffer) =>
    parseJson(request, body),
  );
  app.useBodyParser(
    'application/x-www-form-urlencoded',
    limits,
    async (request: FastifyRequest, body: Buffer) => parseForm(request, body),
  );
}

/**
 * Once the server is closing (SIGTERM, app.close()), connections are closed as soon as they are
 * idle. Node closes only those idle when `close()` begins; one whose answer was still on its way
 * goes back to keep-alive and would hold the close (and the process) for the whole keep-alive
 * timeout, 72 s by Fastify's default. Swept while closing rather than a per-request hook, which
 * measurably slowed the webhooks.
 */
export function closeConnectionsWhenClosing(server: FastifyInstance, everyMs = 100): void {
  let sweep: NodeJS.Timeout | undefined;
  server.addHook('preClose', (done) => {
    sweep = setInterval(() => server.server.closeIdleConnections(), everyMs).unref();
    done();
  });
  server.addHook('onClose', (_instance, done) => {
    clearInterval(sweep);
    done();
  });
}

/** One line per answered request, at info (error for 5xx); health probes are not logged. */
function logAccess(request: FastifyRequest, reply: FastifyReply, routePaths: readonly string[]): void {
  const status = reply.statusCode;
  const level = status >= 500 ? 'error' : 'info';
  const root = PinoLogger.root;
  if (!root?.isLevelEnabled(level) || request.url.startsWith('/health')) return;
  root[level](
    {
      req: { id: request.id, method: request.method, url: loggedUrl(request.url, routePaths) },
      res: { statusCode: status },
      responseTime: Math.round(reply.elapsedTime),
    },
    status >= 500 ? 'request errored' : 'request completed',
  );
}

const hasParsedType = (request: FastifyRequest) =>
  hasMediaType(request, 'application/json') || hasMediaType(request, 'application/x-www-form-urlencoded');

const unsupported = (message: string) => new AppError(415, 'unsupported_media_type', message);

/** UTF-8 only, and not compressed (what the body parsers accept). */
function checkEncoding(request: FastifyRequest): void {
  const encoding = request.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity')
    throw unsupported('The request body has an unsupported content encoding');
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers['content-type'] ?? '')?.[1];
  if (charset && charset.toLowerCase() !== 'utf-8') throw unsupported('The request body must be UTF-8');
}

/** JSON; an empty body is `{}` (as body-parser read it), a `__proto__` key is refused. */
function parseJson(request: FastifyRequest, body: Buffer): unknown {
  checkEncoding(request);
  if (body.length === 0) return {};
  const text = body.toString('utf8');
  try {
    // The reviver (slow) only when the text could hold the key: an own `__proto__` property
    // becomes the prototype of any object it is later assigned onto.
    return text.includes('__proto__')
      ? JSON.parse(text, (key, value: unknown) => {
          if (key === '__proto__') throw new SyntaxError('forbidden key');
          return value;
        })
      : JSON.parse(text);
  } catch {
    throw new AppError(400, 'bad_request', 'The request body is not valid JSON');
  }
}

/**
 * A form: each field once as a string, a repeated field as the list of its values (a route that
 * takes flat fields refuses those), on an object without a prototype. More than
 * MAX_FORM_FIELDS fields is a 413.
 */
function parseForm(request: FastifyRequest, body: Buffer): Record<string, string | string[]> {
  checkEncoding(request);
  const fields = Object.create(null) as Record<string, string | string[]>;
  let count = 0;
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) {
    if (++count > MAX_FORM_FIELDS)
      throw new AppError(413, 'payload_too_large', 'The form has too many fields');
    const known = fields[key];
    if (known === undefined) fields[key] = value;
    else if (Array.isArray(known)) known.push(value);
    else fields[key] = [known, value];
  }
  return fields;
}
