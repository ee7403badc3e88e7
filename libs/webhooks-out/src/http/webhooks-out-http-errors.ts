import { httpErrorMap } from '@app/observability';
import { WebhooksOutError, WebhooksOutErrorCode as E } from '../webhooks-out.errors.js';

/** Outbound webhooks' codes as the API answers them (exhaustive: a new code fails to compile until mapped). */
export const webhooksOutHttpErrors = httpErrorMap(WebhooksOutError, {
  [E.EndpointNotFound]: { status: 404, code: 'not_found' },
  [E.DeliveryNotFound]: { status: 404, code: 'not_found' },
  [E.UrlInvalid]: 422,
  [E.UrlRefused]: 422,
  [E.UrlUnresolvable]: 422,
  [E.DeliveryPending]: 409,
});
