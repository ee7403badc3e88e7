import { Param, type PipeTransform } from '@nestjs/common';
import { AppError } from '@app/observability';
import { isUuid } from '@app/database';

/** A malformed id is an unknown id: 404, like an id of another practice (never a 400 or a 500). */
class UuidOr404 implements PipeTransform<unknown, string> {
  constructor(private readonly what: string) {}

  transform(value: unknown): string {
    if (!isUuid(value)) throw AppError.notFound(this.what);
    return value.toLowerCase();
  }
}

export const IdParam = (name: string, what: string): ParameterDecorator => Param(name, new UuidOr404(what));
