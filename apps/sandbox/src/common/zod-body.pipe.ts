import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/** Validates a sandbox control body; a 400 `validation_failed` lists each bad field. */
export class ZodBody<Schema extends z.ZodType> implements PipeTransform<unknown, z.infer<Schema>> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.infer<Schema> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw new BadRequestException({
      error: {
        code: 'validation_failed',
        message: 'The request body is invalid.',
        details: result.error.issues.map((issue) => ({
          field: issue.path.map(String).join('.') || '(body)',
          message: issue.message,
        })),
      },
    });
  }
}
