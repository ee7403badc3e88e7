import type { ProviderMessageRef } from '@app/conversations';
import type { TenantTx } from '@app/database';

/**
 * What becomes of an email SendGrid's Enforced TLS refused (its recipient's server cannot take
 * TLS). Delivery knows (it converts a plain PHI email into a secure message and sends the
 * notice) but sits above this library, so it provides this token (`EMAIL_TLS_REFUSALS`); an app
 * taking SendGrid events without delivery fails to boot rather than drop the refusals.
 */
export interface EmailTlsRefusals {
  /**
   * In the event batch's transaction, the message locked. True when the refusal was handled (the
   * message was plain PHI email and is now on its way as a secure message); false when it
   * changes nothing here (a notice, or a message already converted): the event is then applied
   * as any bounce.
   */
  refused(tx: TenantTx, message: ProviderMessageRef): Promise<boolean>;
}

export const EMAIL_TLS_REFUSALS = Symbol('EMAIL_TLS_REFUSALS');
