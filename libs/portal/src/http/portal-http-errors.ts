import { httpErrorMap } from '@app/observability';
import { PortalError, PortalErrorCode as E } from '../portal.errors.js';

/** Portal's codes as the API answers them (exhaustive: a new code fails to compile until mapped). */
export const portalHttpErrors = httpErrorMap(PortalError, {
  [E.SecureMessageNotFound]: { status: 404, code: 'not_found' },
  [E.AlreadyRead]: 409,
});
