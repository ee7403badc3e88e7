import { Global, Module } from '@nestjs/common';
import { FORM_CONSENT_REQUESTS } from '@app/channels';
import { ConsentRequests } from '@app/consent';
import { DeliveryCoreModule } from '../delivery-core.module.js';

/**
 * Gives the web form intake (libs/channels) the consent requests its ticked boxes lead to:
 * consent's `ConsentRequests`, with delivery's sender registered (`DeliveryCoreModule`), so an
 * app serving forms without delivery fails to boot rather than at the first ticked box. Global
 * because the intake module is imported statically by more than one module.
 */
@Global()
@Module({
  imports: [DeliveryCoreModule],
  providers: [{ provide: FORM_CONSENT_REQUESTS, useExisting: ConsentRequests }],
  exports: [FORM_CONSENT_REQUESTS],
})
export class FormConsentModule {}
