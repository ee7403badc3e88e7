import SwaggerParser from '@apidevtools/swagger-parser';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { INestApplication } from '@nestjs/common';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import openapiTS, { astToString } from 'openapi-typescript';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '@app/testing';

/**
 * The OpenAPI document as the api serves it at /docs-json: valid OpenAPI 3.1, clean under
 * Redocly's recommended rules, complete (every status of every operation has a schema), and
 * published unchanged in docs/openapi.json with the typed client generated from it.
 * After changing a route: `npm run openapi` rewrites both files (vitest's file snapshots, `-u`).
 */
describe('the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenApi;
  beforeAll(async () => {
    app = await startApi();
    document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body as OpenApi;
  });
  afterAll(() => app?.close());

  it('is valid OpenAPI 3.1 (swagger-parser)', async () => {
    expect(document.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(document) as never);
  });

  it('has no errors under Redocly lint, recommended rules', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: 'openapi.json',
      config,
    });
    const report = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.severity} ${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer}`);
    expect(report).toEqual([]);
  });

  it('documents every status of every operation with a description, and a schema for each body', () => {
    const gaps: string[] = [];
    for (const [path, operation, method] of operations(document)) {
      if (!operation.summary) gaps.push(`${method} ${path}: no summary`);
      const responses = Object.entries(operation.responses ?? {});
      if (responses.length === 0) gaps.push(`${method} ${path}: no responses`);
      for (const [status, response] of responses) {
        if (!response.description) gaps.push(`${method} ${path} ${status}: no description`);
        for (const [mediaType, content] of Object.entries(response.content ?? {}))
          if (!content.schema) gaps.push(`${method} ${path} ${status} ${mediaType}: no schema`);
        // FHIR routes answer errors as an OperationOutcome (application/fhir+json), as FHIR says.
        if (
          /^[45]/.test(status) &&
          !response.content?.['application/json'] &&
          !response.content?.['text/html'] &&
          !response.content?.['application/fhir+json']
        )
          gaps.push(`${method} ${path} ${status}: an error answer without its error body`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('gives examples that are valid by their own schemas (a response example and any in a schema)', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const wrong: string[] = [];
    const check = (where: string, schema: unknown, example: unknown) => {
      if (!ajv.validate(schema as object, example)) wrong.push(`${where}: ${ajv.errorsText(ajv.errors)}`);
    };
    for (const [path, operation, method] of operations(document)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const json = response.content?.['application/json'];
        if (!json?.schema) continue;
        if (json.example !== undefined) check(`${method} ${path} ${status}`, json.schema, json.example);
        for (const [pointer, schema, example] of schemaExamples(json.schema))
          check(`${method} ${path} ${status} ${pointer}`, schema, example);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is published as docs/openapi.json, and the typed client is generated from it', async () => {
    await expect(`${JSON.stringify(document, null, 2)}\n`).toMatchFileSnapshot('../docs/openapi.json');
    const types = astToString(await openapiTS(structuredClone(document) as never));
    await expect(`${GENERATED_HEADER}${types}`).toMatchFileSnapshot('../libs/api-client/src/openapi.ts');
  });
});

const GENERATED_HEADER =
  '// Generated from docs/openapi.json by `npm run openapi` (openapi-typescript). Do not edit.\n\n';

interface Content {
  schema?: unknown;
  example?: unknown;
}
interface Operation {
  summary?: string;
  responses?: Record<string, { description?: string; content?: Record<string, Content> }>;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

/** Every `example`/`examples` written inside a schema (zod's `.meta({ example })`), with its subschema. */
function* schemaExamples(schema: unknown, pointer = '#'): Generator<[string, object, unknown]> {
  if (schema === null || typeof schema !== 'object') return;
  const node = schema as Record<string, unknown>;
  if (node.example !== undefined) yield [pointer, node, node.example];
  if (Array.isArray(node.examples)) for (const example of node.examples) yield [pointer, node, example];
  for (const [key, child] of Object.entries(node)) {
    if (key === 'example' || key === 'examples') continue;
    const items: Array<[unknown, string]> = Array.isArray(child)
      ? child.map((item, n): [unknown, string] => [item, `${pointer}/${key}/${n}`])
      : [[child, `${pointer}/${key}`]];
    for (const [item, at] of items) yield* schemaExamples(item, at);
  }
}

function* operations(document: OpenApi): Generator<[string, Operation, string]> {
  for (const [path, item] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(item))
      if (['get', 'post', 'put', 'patch', 'delete', 'options', 'head'].includes(method))
        yield [path, operation, method.toUpperCase()];
}
