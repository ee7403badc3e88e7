import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

/**
 * A route's decorator metadata (`SetMetadata`: @Public, @Authenticated, @RequirePermission, ...),
 * as `Reflector.getAllAndOverride` reads it (the handler's value, else its class's), remembered
 * per handler and class. The metadata is fixed once the controller classes are defined, and the
 * global guards read it on every request: a dozen reflect-metadata walks per request otherwise.
 * A handler inherited by two controller classes is remembered once for each class.
 */
export class RouteMetadata {
  private readonly known = new WeakMap<object, WeakMap<object, Map<string, unknown>>>();

  constructor(private readonly reflector: Reflector) {}

  get<T>(key: string, context: ExecutionContext): T | undefined {
    const handler = context.getHandler();
    const cls = context.getClass();
    let byClass = this.known.get(handler);
    if (!byClass) this.known.set(handler, (byClass = new WeakMap()));
    let values = byClass.get(cls);
    if (!values) byClass.set(cls, (values = new Map()));
    if (values.has(key)) return values.get(key) as T | undefined;
    const value = this.reflector.getAllAndOverride<T | undefined>(key, [handler, cls]);
    values.set(key, value);
    return value;
  }
}
