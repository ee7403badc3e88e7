import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { ApiConfig } from '@app/config';
import { ErrorFilter } from '@app/observability';
import { ApiModule } from './app.module.js';

/** Builds the api (not listening), configured exactly as in production; tests use it too. */
export async function createApiApp(config: ApiConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: true,
    rawBody: true, // webhook signatures are computed over the exact bytes
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: '256kb' });
  app.useBodyParser('urlencoded', { limit: '256kb', extended: false });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], objectSrc: ["'none'"] },
      },
      strictTransportSecurity: config.PUBLIC_BASE_URL.startsWith('https://'),
    }),
  );
  app.useGlobalFilters(new ErrorFilter());
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
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', raw: ['json'] });
  return app;
}
