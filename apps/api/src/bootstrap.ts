import type { INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import cookie from '@fastify/cookie';
import { Logger } from 'nestjs-pino';
import type { ApiConfig } from '@app/config';
import {
  completeOpenApiDocument,
  ErrorFilter,
  fastifyServerOptions,
  installHttpMetrics,
  installHttpPipeline,
  Metrics,
  OPENAPI_VERSION,
} from '@app/observability';
import { ApiModule } from './app.module.js';
import { HTTP_ERROR_MAPS } from './http-errors.js';

/** How the api's Nest application is created (a test's TestingModule creates it the same way). */
export const API_APP_OPTIONS = {
  bufferLogs: true,
  bodyParser: true,
  rawBody: true, // webhook signatures are computed over the exact bytes
} satisfies NestApplicationOptions;

/** Largest JSON or form body the api reads (413 beyond). */
export const API_BODY_LIMIT = 256 * 1024;

/** The Fastify server under the api: trusted proxies, body limit, request ids, case-sensitive routes. */
export function createApiAdapter(config: ApiConfig): FastifyAdapter {
  return new FastifyAdapter(
    fastifyServerOptions({ bodyLimit: API_BODY_LIMIT, trustedProxies: config.TRUSTED_PROXIES }),
  );
}

/** Builds the api (not listening), configured exactly as in production; tests use it too. */
export async function createApiApp(config: ApiConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiModule.forRoot(config),
    createApiAdapter(config),
    API_APP_OPTIONS,
  );
  return configureApiApp(app, config);
}

/** Logging, body parsing, security headers, the request pipeline, HTTP metrics, error rendering and /docs. */
export async function configureApiApp(
  app: NestFastifyApplication,
  config: ApiConfig,
): Promise<NestFastifyApplication> {
  app.useLogger(app.get(Logger));
  // helmet's headers on every answer (errors, 404s and streams included), set on the Node
  // response. Built once: @fastify/helmet builds the middleware again for every request
  // (6.8 µs against 0.5 µs here), a cost the webhooks pay thousands of times a second.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], objectSrc: ["'none'"] },
    },
    strictTransportSecurity: config.PUBLIC_BASE_URL.startsWith('https://'),
  });
  installHttpPipeline(app, { bodyLimit: API_BODY_LIMIT, securityHeaders });
  installHttpMetrics(app.getHttpAdapter().getInstance(), app.get(Metrics));
  // reply.setCookie for the patient pages' session and CSRF cookies; they read the header
  // themselves, so no request pays for parsing cookies (`hook: false`).
  await app.register(cookie, { hook: false });
  app.useGlobalFilters(new ErrorFilter(HTTP_ERROR_MAPS));
  app.enableShutdownHooks();

  const document = completeOpenApiDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Consent-gated unified inbox API')
        .setDescription(
          'Staff inbox, provider webhooks, public intake and patient pages. Errors: {"error": {code, message, details?}}, ' +
            'the codes of each status listed with it. Every string of a JSON or form body and of a query, field names ' +
            'included, is refused (400 validation_failed) when it holds a control character other than tab, LF or CR.',
        )
        .setVersion('1')
        .addServer('/', 'The api this document is served by')
        .setOpenAPIVersion(OPENAPI_VERSION)
        .addBearerAuth({
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A staff access token',
        })
        .addBearerAuth(
          {
            type: 'http',
            scheme: 'bearer',
            description:
              'Website chat visitor: the sessionToken answered by POST /v1/public/chat/{widgetKey}/sessions (not a staff token)',
          },
          'chatSession',
        )
        .addBearerAuth(
          { type: 'http', scheme: 'bearer', description: "The operators' METRICS_TOKEN (not a staff token)" },
          'metricsToken',
        )
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', raw: ['json'] });
  return app;
}
