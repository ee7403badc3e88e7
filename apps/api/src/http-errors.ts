import type { HttpErrorMap } from '@app/observability';
import { automationHttpErrors } from '@app/automation';
import { channelsHttpErrors } from '@app/channels';
import { contactsHttpErrors } from '@app/contacts';
import { conversationsHttpErrors } from '@app/conversations';
import { deliveryHttpErrors } from '@app/delivery';
import { fhirHttpErrors } from '@app/fhir';
import { identityHttpErrors } from '@app/identity';
import { portalHttpErrors } from '@app/portal';
import { webhooksOutHttpErrors } from '@app/webhooks-out';

/**
 * Every module's domain error codes as the API answers them: the one place a domain failure
 * becomes an HTTP status. A module's error class missing here answers 500 (and a test fails).
 */
export const HTTP_ERROR_MAPS: readonly HttpErrorMap[] = [
  identityHttpErrors,
  contactsHttpErrors,
  conversationsHttpErrors,
  channelsHttpErrors,
  deliveryHttpErrors,
  portalHttpErrors,
  automationHttpErrors,
  webhooksOutHttpErrors,
  fhirHttpErrors,
];
