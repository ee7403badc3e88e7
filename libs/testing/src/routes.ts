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

/** Every route the HTTP server (Express) will answer, whoever registered it. */
export function expressRoutes(app: INestApplication): Array<{ method: string; path: string }> {
  // Express 5: the app's router is `app.router`.
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
  };
  const stack = express.router.stack;
  return stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods).map((m) => ({ method: m.toUpperCase(), path: layer.route!.path }))
      : [],
  );
}
