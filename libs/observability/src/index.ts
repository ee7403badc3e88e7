export { AppError } from './app-error.js';
export {
  DomainError,
  type FieldProblem,
  httpErrorMap,
  type HttpAnswer,
  type HttpErrorMap,
  INVALID_REQUEST_MESSAGE,
} from './domain-error.js';
export { ErrorFilter } from './error.filter.js';
export { loggerParams, loggedUrl, safeUrl, REDACT_PATHS } from './logging.js';
export {
  fastifyServerOptions,
  closeConnectionsWhenClosing,
  installHttpPipeline,
  type HttpPipelineOptions,
  type HttpServerOptions,
} from './http-pipeline.js';
export { hasMediaType } from './media-type.js';
export { HealthModule } from './health.js';
export { Public, IS_PUBLIC } from './public.decorator.js';
export { ZodValidationPipe, ValidBody, ValidQuery, ApiZodBody, ApiZodQuery } from './zod-validation.js';
export { clientAddressResolver, rateLimitAddress, trustedProxyRule } from './client-address.js';
export { requestContext, type RequestContext, type Actor } from './request-context.js';
export {
  ApiContentResponse,
  ApiErrors,
  ApiZodResponse,
  completeOpenApiDocument,
  errorBodySchema,
  jsonSchemaOf,
  OPENAPI_VERSION,
} from './openapi.js';
export { Metrics, MetricsController, MetricsModule } from './metrics.js';
export { installHttpMetrics, UNMATCHED_ROUTE } from './http-metrics.js';
export { readMultipart } from './multipart.js';
