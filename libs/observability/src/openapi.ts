import { ApiExtension, ApiResponse } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { PUBLIC_EXTENSION } from './public.decorator.js';

/**
 * OpenAPI documentation written from the same zod schemas the code validates with. The document
 * is OpenAPI 3.1 (its schemas are JSON Schema 2020-12, what `z.toJSONSchema` writes), and every
 * operation names each status it can answer with a schema, errors included:
 * `{"error": {code, message, details?}}` with the codes of that status as an enum.
 */
export const OPENAPI_VERSION = '3.1.0';

/** Extension keys carrying an `ApiErrors` declaration until `completeOpenApiDocument` merges them. */
const ERRORS_EXTENSION = 'x-inbox-errors-';
let declarations = 0;

type JsonSchema = Record<string, unknown>;

/** A zod schema as the JSON Schema of a request (`input`) or of a response (`output`). */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return json;
}

/** The error body of one status: `{"error": {code, message, details?}}`, `code` one of `codes`. */
export function errorBodySchema(codes: readonly string[]): JsonSchema {
  return {
    type: 'object',
    required: ['error'],
    additionalProperties: false,
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        additionalProperties: false,
        properties: {
          code: { type: 'string', enum: [...new Set(codes)].toSorted() },
          message: { type: 'string' },
          details: { description: 'What was refused (field paths and rules, never submitted values)' },
        },
      },
    },
  };
}

/**
 * The error codes a route (or every route of a controller) can answer, by status:
 * `@ApiErrors({ 404: ['not_found'], 409: ['email_taken'] })`. Declarations add up: a guard's
 * decorator, the controller's and the method's are merged per status, so none hides another.
 */
export function ApiErrors(
  errors: Readonly<Record<number, readonly string[]>>,
): ClassDecorator & MethodDecorator {
  return ApiExtension(`${ERRORS_EXTENSION}${++declarations}`, errors) as ClassDecorator & MethodDecorator;
}

interface ResponseOptions {
  description: string;
  /** An example body (shown by documentation tools; validated against the schema by a test). */
  example?: unknown;
}

/** A JSON response validated by the response-conformance tests against this zod schema. */
export function ApiZodResponse(status: number, schema: z.ZodType, options: ResponseOptions): MethodDecorator {
  const content = { schema: jsonSchemaOf(schema, 'output'), ...exampleOf(options) };
  return ApiResponse({ status, description: options.description, content: { 'application/json': content } });
}

/** A response that is not JSON (an HTML page, TwiML, CSV, an event stream, a script) or has no body. */
export function ApiContentResponse(
  status: number,
  options: ResponseOptions & { mediaType?: string; schema?: JsonSchema },
): MethodDecorator {
  const { mediaType, schema, description } = options;
  if (!mediaType) return ApiResponse({ status, description });
  const content = { schema: schema ?? { type: 'string' }, ...exampleOf(options) };
  return ApiResponse({ status, description, content: { [mediaType]: content } });
}

function exampleOf(options: ResponseOptions): { example?: unknown } {
  return options.example === undefined ? {} : { example: options.example };
}

/** Answers every route with a request body can give before its handler runs (the HTTP pipeline's). */
const BODY_ERRORS: Readonly<Record<number, readonly string[]>> = {
  400: ['bad_request', 'validation_failed'],
  413: ['payload_too_large'],
  415: ['unsupported_media_type'],
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

interface Operation {
  requestBody?: unknown;
  security?: unknown[];
  responses?: Record<
    string,
    { description?: string; headers?: unknown; content?: Record<string, { schema?: JsonSchema }> }
  >;
  [extension: string]: unknown;
}

/**
 * Finishes the document Nest's explorer built: declares OpenAPI 3.1, turns each operation's
 * `ApiErrors` declarations (and the body errors of routes that take one) into error responses,
 * and marks the public routes as taking no staff credential.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  document.openapi = OPENAPI_VERSION;
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (operation) completeOperation(operation);
    }
  }
  return document;
}

function completeOperation(operation: Operation): void {
  const codes = new Map<number, Set<string>>();
  const add = (errors: Readonly<Record<number, readonly string[]>>) => {
    for (const [status, list] of Object.entries(errors)) {
      const set = codes.get(Number(status)) ?? new Set<string>();
      for (const code of list) set.add(code);
      codes.set(Number(status), set);
    }
  };
  for (const key of Object.keys(operation)) {
    if (!key.startsWith(ERRORS_EXTENSION)) continue;
    add(operation[key] as Record<number, readonly string[]>);
    delete operation[key];
  }
  // The pipeline's body errors, unless the route documents its own JSON answer for that status
  // (OAuth's token endpoint answers a malformed request in OAuth's words).
  if (operation.requestBody)
    add(
      Object.fromEntries(
        Object.entries(BODY_ERRORS).filter(
          ([status]) => !operation.responses?.[status]?.content?.['application/json'],
        ),
      ),
    );
  // A public route states that it takes no staff credential, unless it documents its own
  // (a webhook's signature, a chat session's token).
  if (operation[PUBLIC_EXTENSION]) operation.security ??= [];
  delete operation[PUBLIC_EXTENSION];
  const responses = (operation.responses ??= {});
  for (const [status, set] of [...codes].toSorted(([a], [b]) => a - b)) {
    const documented = responses[status];
    const list = [...set];
    responses[status] = {
      ...documented, // a declared header (Retry-After) stays
      description: documented?.description ?? list.join(', '),
      // Beside a page's own answer (text/html), the JSON error the pipeline gives the same status.
      content: { ...documented?.content, 'application/json': { schema: errorBodySchema(list) } },
    };
  }
}
