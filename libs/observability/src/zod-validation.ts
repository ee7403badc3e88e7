import { type ArgumentMetadata, Body, type PipeTransform, Query, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { AppError } from './app-error.js';
import { ApiErrors, jsonSchemaOf } from './openapi.js';

/**
 * Control characters (Unicode Cc: C0, DEL, C1) but tab, line feed and carriage return. NUL above
 * all: Postgres text cannot hold it (a 500 where it reached a query), and an address or name
 * carrying one is not what anybody typed. The others are terminal escapes and invisible marks.
 */
const CONTROL_CHARACTER = /[^\P{Cc}\t\n\r]/u;

/** Most offending fields named in one answer. */
const MAX_REPORTED = 20;

/** A place in the input: its key and its parent, so a path is built only when reported. */
interface Place {
  key: string;
  parent: Place | null;
}

function pathOf(place: Place | null): string {
  const keys: string[] = [];
  for (let p = place; p; p = p.parent) keys.push(p.key);
  return keys.toReversed().join('.') || '(body)';
}

/**
 * Where a parsed JSON body or query holds a control character, in a string value or in a field
 * name (reported at the object that has it). Iterative and linear in the size of the input: a
 * deeply nested body can neither overflow the stack nor cost more than its length.
 */
export function controlCharacterIssues(value: unknown): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const pending: Array<{ value: unknown; place: Place | null }> = [{ value, place: null }];
  while (pending.length > 0 && issues.length < MAX_REPORTED) {
    const { value: current, place } = pending.pop()!;
    if (typeof current === 'string') {
      if (CONTROL_CHARACTER.test(current))
        issues.push({ path: pathOf(place), message: 'must not contain control characters' });
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push({ value: item, place: { key: String(i), parent: place } }));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        if (CONTROL_CHARACTER.test(key)) {
          issues.push({ path: pathOf(place), message: 'field names must not contain control characters' });
          continue;
        }
        pending.push({ value: item, place: { key, parent: place } });
      }
    }
  }
  return issues.toSorted((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Validates (and coerces) a body or query with a zod schema; failures become 400 validation_failed.
 * Every string of the input is first held to one rule (no control characters), whatever the
 * schema says, so no route can take a NUL into Postgres or a stored value.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, _meta: ArgumentMetadata): z.infer<S> {
    const unprintable = controlCharacterIssues(value);
    if (unprintable.length > 0) throw AppError.validation(unprintable);
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    // Messages describe the rule, never the submitted value (it may be PHI).
    throw AppError.validation(
      result.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(body)',
        message: issue.message,
      })),
    );
  }
}

/** `@ValidBody(schema) body: z.infer<typeof schema>`: validated body, documented in OpenAPI. */
export function ValidBody<S extends z.ZodType>(schema: S): ParameterDecorator {
  return Body(new ZodValidationPipe(schema));
}

/** `@ValidQuery(schema) query: z.infer<typeof schema>`: validated query string. */
export function ValidQuery<S extends z.ZodType>(schema: S): ParameterDecorator {
  return Query(new ZodValidationPipe(schema));
}

/** Documents a zod request body on a route (pair with @ValidBody). */
export function ApiZodBody(schema: z.ZodType): MethodDecorator {
  return applyDecorators(ApiBody({ schema: jsonSchemaOf(schema, 'input') as never }));
}

/** Documents each property of a zod object schema as a query parameter (pair with @ValidQuery). */
export function ApiZodQuery(schema: z.ZodObject): MethodDecorator {
  const json = jsonSchemaOf(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return applyDecorators(
    ApiErrors({ 400: ['validation_failed'] }),
    ...Object.entries(json.properties ?? {}).map(([name, prop]) =>
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: prop as never }),
    ),
  );
}
