import type { INestApplication } from '@nestjs/common';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Holds every response the api gives in a test to its OpenAPI document: the operation exists,
 * the status is documented, the media type is one the document names, and a JSON body matches
 * the documented schema. A mismatch is recorded and fails the test that received it (the
 * `afterEach` of libs/testing/src/setup.ts), so the document cannot drift from the code.
 */

export interface OpenApiViolation {
  route: string;
  status: number;
  problem: string;
}

const violations: OpenApiViolation[] = [];

/** The violations recorded since the last call (the setup file's afterEach throws on any). */
export function takeOpenApiViolations(): OpenApiViolation[] {
  return violations.splice(0);
}

/** Served by Swagger UI itself, not operations of the API. */
const UNDOCUMENTED_ROUTES = new Set(['/docs', '/docs/*', '/docs-json', '/docs/', '/docs/swagger-ui-init.js']);

type Schema = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: Record<string, unknown>;
}

/** A Fastify route template (`/v1/users/:id`) as an OpenAPI path (`/v1/users/{id}`). */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

class Conformance {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Document) {
    addFormats.default(this.ajv);
    this.ajv.addSchema({ $id: 'doc', components: document.components ?? {} });
  }

  check(method: string, url: string, status: number, contentType: string | undefined, body: unknown) {
    const route = `${method} ${url}`;
    const fail = (problem: string) => violations.push({ route, status, problem });
    const operation = this.document.paths[openApiPath(url)]?.[method.toLowerCase()];
    if (!operation) return fail('the operation is not in the OpenAPI document');
    const response = operation.responses?.[String(status)] ?? operation.responses?.default;
    if (!response) return fail(`status ${status} is not documented`);
    const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
    if (!response.content) {
      if (mediaType && body !== undefined && body !== '')
        fail(`a ${mediaType} body is sent but the document says there is none`);
      return;
    }
    if (!mediaType) return fail('no body is sent but the document describes one');
    const documented = response.content[mediaType];
    if (!documented)
      return fail(`${mediaType} is not one of the documented ${Object.keys(response.content).join(', ')}`);
    if (mediaType !== 'application/json' || typeof body !== 'string') return;
    const validate = this.validator(`${route} ${status}`, documented.schema ?? {});
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return fail('the body is not JSON');
    }
    if (!validate(parsed))
      fail(this.ajv.errorsText(validate.errors, { dataVar: 'body', separator: '; ' }).slice(0, 2000));
  }

  private validator(key: string, schema: Schema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      // Component references (`#/components/schemas/X`) resolve against the whole document.
      const rewritten = JSON.parse(
        JSON.stringify(schema).replaceAll('"$ref":"#/', '"$ref":"doc#/'),
      ) as Schema;
      validate = this.ajv.compile(rewritten);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/**
 * Installs the check on an api built but not yet ready (call before `app.init()`); it starts
 * checking once `loadDocument` has been called after `ready()`.
 */
export function checkResponsesAgainstOpenApi(app: INestApplication): { loadDocument(): Promise<void> } {
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  let conformance: Conformance | undefined;
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const url = request.routeOptions.url;
    if (!conformance || !url || UNDOCUMENTED_ROUTES.has(url) || url.startsWith('/docs/')) return payload;
    if (request.method === 'HEAD') return payload;
    const type = reply.getHeader('content-type');
    const body =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString() : undefined;
    const streamed = payload !== null && payload !== undefined && body === undefined;
    conformance.check(
      request.method,
      url,
      reply.statusCode,
      typeof type === 'string' ? type : undefined,
      streamed ? Symbol('stream') : (body ?? undefined),
    );
    return payload;
  });
  return {
    async loadDocument() {
      const res = await fastify.inject({ method: 'GET', url: '/docs-json' });
      conformance = new Conformance(res.json() as Document);
    },
  };
}
