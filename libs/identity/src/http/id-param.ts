import { Param, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ApiErrors, AppError } from '@app/observability';
import { isUuid } from '@app/database';

/** A malformed id is an unknown id: 404, like an id of another practice (never a 400 or a 500). */
class UuidOr404 implements PipeTransform<unknown, string> {
  constructor(private readonly what: string) {}

  transform(value: unknown): string {
    if (!isUuid(value)) throw AppError.notFound(this.what);
    return value.toLowerCase();
  }
}

/**
 * A uuid path parameter, documented where it is declared: `format: uuid` and the 404 not_found
 * that answers an unknown or malformed id, so no route that takes one can leave either out.
 */
export const IdParam =
  (name: string, what: string): ParameterDecorator =>
  (target, key, index) => {
    Param(name, new UuidOr404(what))(target, key, index);
    const method = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (!method || key === undefined) return;
    ApiParam({
      name,
      description: `The ${what.toLowerCase()}'s id (any other value answers 404 not_found)`,
      schema: { type: 'string', format: 'uuid' },
    })(target, key, method);
    ApiErrors({ 404: ['not_found'] })(target, key, method);
  };
