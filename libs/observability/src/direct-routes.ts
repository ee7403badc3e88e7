import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import { requestContext } from '@app/database';
import { AppError } from './app-error.js';
import { clientAddressResolver } from './client-address.js';
import { ErrorFilter } from './error.filter.js';
import { safeUrl } from './logging.js';

/** Injection token: the app's DirectRoute[] (provided by the module that owns them). */
export const DIRECT_ROUTES = Symbol('DIRECT_ROUTES');

/** A request as a direct route sees it: path parameters decoded, body read in full (within the limit). */
export interface DirectRequest {
  params: Record<string, string>;
  /** Path and query exactly as received (what a provider signs). */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface DirectResponse {
  status: number;
  contentType?: string;
  body?: string;
}

/** One high-volume machine-to-machine endpoint, served from node:http ahead of Express and Nest. */
export interface DirectRoute {
  method: 'POST';
  /** Literal segments and `:name` parameters, e.g. `/webhooks/twilio/:channelId/inbound`. */
  path: string;
  handle(request: DirectRequest): Promise<DirectResponse>;
  /** The operation as /docs shows it (the route has no controller to describe it). */
  openApi: { tags: string[]; summary: string; requestContentType: string; responses: Record<number, string> };
}

export interface DirectRouteOptions {
  /** Largest body accepted, in bytes (413 beyond). */
  bodyLimit: number;
  /** Headers every api answer carries (helmet's), sent with these answers too. */
  fixedHeaders: Record<string, string>;
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES), as Express's `trust proxy` setting. */
  trustedProxies: readonly string[];
}

/**
 * Serves a few routes straight from the HTTP server's request event, before Express, Nest's
 * router, guards, body parsers and pino-http see them: for the provider webhooks that arrive by
 * the thousand per second, that pipeline costs several times the work of the route itself.
 * Everything else goes to Express untouched. The routes keep the api's contract: an
 * x-request-id, the request context (client address, user agent, id) that audit events read,
 * the same security headers, the same error body through ErrorFilter, one access-log line
 * with the secret-free URL, and a body limit.
 */
export function mountDirectRoutes(server: Server, routes: DirectRoute[], options: DirectRouteOptions): void {
  if (routes.length === 0) return;
  const matchers = routes.map((route) => ({ route, match: pathMatcher(route.path) }));
  const clientAddress = clientAddressResolver(options.trustedProxies);
  const errors = new ErrorFilter();
  const logger = new Logger('HTTP');
  const [framework, ...others] = server.listeners('request') as Array<
    (req: IncomingMessage, res: ServerResponse) => void
  >;
  if (!framework || others.length > 0)
    throw new Error('mountDirectRoutes: expected exactly one request listener');
  server.removeAllListeners('request');

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    for (const { route, match } of matchers) {
      if (req.method !== route.method) continue;
      const params = match(pathname);
      if (params) return void serve(route, params);
    }
    framework(req, res);

    async function serve(route: DirectRoute, params: Record<string, string>): Promise<void> {
      const startedAt = performance.now();
      const requestId = randomUUID();
      let answer: DirectResponse;
      try {
        const body = await readBody(req, options.bodyLimit);
        const context = {
          ip: clientAddress(req),
          userAgent: req.headers['user-agent'],
          requestId,
        };
        answer = await requestContext.run(context, () =>
          route.handle({ params, url, headers: req.headers, body }),
        );
      } catch (err) {
        const { status, body } = errors.render(err);
        answer = { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) };
      }
      send(res, answer, requestId, options.fixedHeaders);
      if (answer.status === 413) req.resume(); // the rest of an oversized body is discarded, not read
      logger[answer.status >= 500 ? 'error' : 'log'](
        {
          req: { id: requestId, method: req.method, url: safeUrl(url) },
          res: { statusCode: answer.status },
          responseTime: Math.round(performance.now() - startedAt),
        },
        answer.status >= 500 ? 'request errored' : 'request completed',
      );
    }
  });
}

function send(
  res: ServerResponse,
  answer: DirectResponse,
  requestId: string,
  fixedHeaders: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  const body = answer.status === 204 || answer.body === undefined ? '' : answer.body;
  res.writeHead(answer.status, {
    ...fixedHeaders,
    'x-request-id': requestId,
    ...(body ? { 'content-type': answer.contentType ?? 'text/plain; charset=utf-8' } : {}),
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

const tooLarge = () => new AppError(413, 'payload_too_large', 'The request body is too large');

/** The whole body, or a 413 as soon as it is known to be larger than the limit. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    // A client that hangs up mid-body gets no answer; the 400 only names the outcome in the log.
    const aborted = () => reject(new AppError(400, 'request_aborted', 'The request body was not completed'));
    req.once('error', aborted);
    req.once('close', () => !req.complete && aborted());
  });
}

/** `/a/:x/b` -> a function returning `{x}` for `/a/1/b`, or null. Parameters are one segment, URL-decoded. */
function pathMatcher(path: string): (pathname: string) => Record<string, string> | null {
  const segments = path.split('/');
  return (pathname) => {
    const parts = pathname.split('/');
    if (parts.length !== segments.length) return null;
    const params: Record<string, string> = {};
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      const part = parts[i]!;
      if (!segment.startsWith(':')) {
        if (segment !== part) return null;
        continue;
      }
      if (part === '') return null;
      try {
        params[segment.slice(1)] = decodeURIComponent(part);
      } catch {
        return null; // undecodable: Express answers it (400)
      }
    }
    return params;
  };
}

/** The headers a middleware sets on every answer, captured once by running it against a stand-in. */
export function headersSetBy(
  middleware: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void,
): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  middleware(
    { headers: {}, method: 'GET', url: '/' } as IncomingMessage,
    res as unknown as ServerResponse,
    () => {},
  );
  return headers;
}
