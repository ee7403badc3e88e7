import { DomainError } from '@app/observability';

/** Every failure the outbound webhook use cases name. The HTTP answers are in `http/webhooks-out-http-errors.ts`. */
export enum WebhooksOutErrorCode {
  EndpointNotFound = 'webhook_endpoint_not_found',
  DeliveryNotFound = 'webhook_delivery_not_found',
  /** Not an absolute https URL without credentials (http only where the operator allows it). */
  UrlInvalid = 'webhook_url_invalid',
  /** The host resolves to a private, loopback, link-local, metadata or otherwise non-public address. */
  UrlRefused = 'webhook_url_refused',
  /** The host does not resolve. */
  UrlUnresolvable = 'webhook_url_unresolvable',
  /** The delivery is still being retried: replay only a delivered or failed one. */
  DeliveryPending = 'webhook_delivery_pending',
}

export class WebhooksOutError extends DomainError<WebhooksOutErrorCode> {}
