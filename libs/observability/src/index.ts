export { AppError } from './app-error.js';
export { DomainError, httpErrorMap, type HttpAnswer, type HttpErrorMap } from './domain-error.js';
export { ErrorFilter } from './error.filter.js';
export { loggerParams, loggedUrl, safeUrl, REDACT_PATHS } from './logging.js';
export { requestContextMiddleware } from './request-context.middleware.js';
export { HealthModule } from './health.js';
export { Public, IS_PUBLIC } from './public.decorator.js';
export { ZodValidationPipe, ValidBody, ValidQuery, ApiZodBody, ApiZodQuery } from './zod-validation.js';
export {
  DIRECT_ROUTES,
  type DirectRequest,
  type DirectResponse,
  type DirectRoute,
  headersSetBy,
  mountDirectRoutes,
} from './direct-routes.js';
export { clientAddressResolver, rateLimitAddress } from './client-address.js';
