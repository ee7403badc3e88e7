import { Global, Module } from '@nestjs/common';
import { FORM_CONSENT_REQUESTS } from '@app/channels';
import { DeliveryCoreModule } from '../delivery-core.module.js';
import { ConsentRequests } from './consent-requests.js';

/**
 * Gives the web form intake (libs/channels, which this library depends on, so it cannot import
 * us) the consent requests its ticked boxes lead to. Global because the intake module is imported
 * statically by more than one module; an app serving forms without it fails to boot.
 */
@Global()
@Module({
  imports: [DeliveryCoreModule],
  providers: [{ provide: FORM_CONSENT_REQUESTS, useExisting: ConsentRequests }],
  exports: [FORM_CONSENT_REQUESTS],
})
export class FormConsentModule {}
