import type { DeliveryChannel } from '@app/consent';
import type { TenantTx } from '@app/database';
import type { Actor } from '@app/observability';

/**
 * Sends the consent request a ticked form box leads to (consent's QuickSend requests, which go
 * out through delivery: delivery's FormConsentModule provides this with its sender registered,
 * so an app serving forms without delivery fails to boot). The box is the visitor's intent;
 * only the answer from the address grants (double opt-in, invariant 11).
 */
export interface FormConsentRequester {
  requestForForm(
    tx: TenantTx,
    contactId: string,
    channel: DeliveryChannel,
    formSubmissionId: string,
    actor: Actor,
  ): Promise<{ requestId: string } | { refused: string }>;
}

/** Injection token of the FormConsentRequester (provided by the delivery library's FormConsentModule). */
export const FORM_CONSENT_REQUESTS = Symbol('FORM_CONSENT_REQUESTS');
