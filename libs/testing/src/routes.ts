import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ANY_AUTHENTICATED, REQUIRED_PERMISSIONS } from '@app/identity';
import { IS_PUBLIC } from '@app/observability';

/** One HTTP route of a Nest controller and what it declares about access. */
export interface DeclaredRoute {
  method: string;
  path: string;
  handler: string;
  isPublic: boolean;
  authenticated: boolean;
  permissions: string[];
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every controller route of the app (from Nest's own metadata, the same the router is built from). */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller || !wrapper.instance) continue;
      const prefixes = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat() as string[];
      const proto = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name] as (...args: unknown[]) => unknown;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (paths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const targets = [handler, controller];
        const permissions = reflector.getAllAndOverride<string[] | undefined>(REQUIRED_PERMISSIONS, targets);
        for (const prefix of prefixes)
          for (const path of [paths].flat())
            routes.push({
              method,
              path: joinPath(prefix, path),
              handler: `${controller.name}.${name}`,
              isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
              authenticated: reflector.getAllAndOverride<boolean>(ANY_AUTHENTICATED, targets) === true,
              permissions: permissions ?? [],
            });
      }
    }
  }
  return routes;
}

/** Routes that say nothing about who may call them (the global guards refuse these at runtime). */
export function undeclaredRoutes(routes: DeclaredRoute[]): DeclaredRoute[] {
  return routes.filter((r) => !r.isPublic && !r.authenticated && r.permissions.length === 0);
}

/**
 * Every route the HTTP server (Fastify) will answer, whoever registered it, read from its router
 * (`printRoutes`, one line per node: tree indent, path segment, methods). The HEAD route Fastify
 * adds beside each GET is left out (it answers what the GET answers).
 */
export function serverRoutes(app: INestApplication): Array<{ method: string; path: string }> {
  const fastify = app.getHttpAdapter().getInstance() as { printRoutes(opts: object): string };
  const tree = fastify.printRoutes({ commonPrefix: false });
  const routes: Array<{ method: string; path: string }> = [];
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ]   |[├└]── )*)(.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match || !match[2]) continue;
    const depth = [...match[1]!].length / 4;
    prefixes.length = depth;
    const path = (prefixes[depth - 1] ?? '') + match[2];
    prefixes[depth] = path;
    const methods = match[3]?.split(', ') ?? [];
    for (const method of methods)
      if (method !== 'HEAD' || !methods.includes('GET')) routes.push({ method, path });
  }
  return routes;
}
