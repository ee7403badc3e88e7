import type { IncomingMessage, ServerResponse } from 'node:http';
import type { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { ApiConfig } from '@app/config';
import {
  DIRECT_ROUTES,
  type DirectRoute,
  ErrorFilter,
  headersSetBy,
  mountDirectRoutes,
} from '@app/observability';
import { ApiModule } from './app.module.js';
import { HTTP_ERROR_MAPS } from './http-errors.js';

/** How the api's Nest application is created (a test's TestingModule creates it the same way). */
export const API_APP_OPTIONS = {
  bufferLogs: true,
  bodyParser: true,
  rawBody: true, // webhook signatures are computed over the exact bytes
} satisfies NestApplicationOptions;

/** Builds the api (not listening), configured exactly as in production; tests use it too. */
export async function createApiApp(config: ApiConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), API_APP_OPTIONS);
  return configureApiApp(app, config);
}

/** Logging, body limits, security headers, direct routes, error rendering and /docs. */
export function configureApiApp(app: NestExpressApplication, config: ApiConfig): NestExpressApplication {
  routeCaseSensitively(app);
  app.useLogger(app.get(Logger));
  // Who may name the client in X-Forwarded-For (TRUSTED_PROXIES): rate limits and audit rest on it.
  app.set('trust proxy', config.TRUSTED_PROXIES);
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: '256kb' });
  app.useBodyParser('urlencoded', { limit: '256kb', extended: false });
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], objectSrc: ["'none'"] },
    },
    strictTransportSecurity: config.PUBLIC_BASE_URL.startsWith('https://'),
  });
  app.use(securityHeaders);
  app.use(noStoreByDefault);
  const directRoutes = app.get<DirectRoute[]>(DIRECT_ROUTES);
  mountDirectRoutes(app.getHttpServer(), directRoutes, {
    bodyLimit: 256 * 1024,
    fixedHeaders: { ...headersSetBy(securityHeaders), ...headersSetBy(noStoreByDefault) },
    trustedProxies: config.TRUSTED_PROXIES,
  });
  app.useGlobalFilters(new ErrorFilter(HTTP_ERROR_MAPS));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Consent-gated unified inbox API')
      .setDescription(
        'Staff inbox, provider webhooks, public intake and patient pages. Errors: {"error": {code, message, details?}}.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  documentDirectRoutes(document, directRoutes);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', raw: ['json'] });
  return app;
}

/**
 * One spelling per route: Express matches paths case-insensitively by default, so `/S/<token>`
 * reached the patient page while everything keyed on the path (log masking, direct routes,
 * docs) knows `/s/`. Nest's adapter creates the router as it is constructed (one path-less hook),
 * and the routes are added at init, after this: each takes the router's setting as it is added.
 */
function routeCaseSensitively(app: NestExpressApplication): void {
  app.set('case sensitive routing', true);
  const router = (app.getHttpAdapter().getInstance() as { router: ExpressRouter }).router;
  if (router.stack.some((layer) => layer.route))
    throw new Error('configureApiApp must run before routes are registered (app.init)');
  router.caseSensitive = true;
}

interface ExpressRouter {
  caseSensitive?: boolean;
  stack: Array<{ route?: unknown }>;
}

/**
 * Answers carry PHI (staff JSON) or session state: no browser or proxy keeps a copy. A route that
 * may be cached says so itself (the chat widget's script), which replaces this default.
 */
function noStoreByDefault(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}

/** Direct routes have no controller for Swagger to read: each describes itself. */
function documentDirectRoutes(document: OpenAPIObject, routes: DirectRoute[]): void {
  for (const route of routes) {
    const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    document.paths[route.path.replace(/:(\w+)/g, '{$1}')] = {
      [route.method.toLowerCase()]: {
        tags: route.openApi.tags,
        summary: route.openApi.summary,
        parameters: params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
        requestBody: {
          required: true,
          content: { [route.openApi.requestContentType]: { schema: { type: 'object' } } },
        },
        responses: Object.fromEntries(
          Object.entries(route.openApi.responses).map(([status, description]) => [status, { description }]),
        ),
      },
    };
  }
}
