import { type ArgumentMetadata, Body, type PipeTransform, Query, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { AppError } from './app-error.js';

/** Validates (and coerces) a body or query with a zod schema; failures become 400 validation_failed. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown, _meta: ArgumentMetadata): z.infer<S> {
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

function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return json;
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
  return applyDecorators(ApiBody({ schema: openApiSchema(schema) as never }));
}

/** Documents each property of a zod object schema as a query parameter (pair with @ValidQuery). */
export function ApiZodQuery(schema: z.ZodObject): MethodDecorator {
  const json = openApiSchema(schema) as { properties?: Record<string, object>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, prop]) =>
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: prop as never }),
    ),
  );
}
