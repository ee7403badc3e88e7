import { Global, Module } from '@nestjs/common';
import { EMAIL_TLS_REFUSALS } from '@app/channels';
import { DeliveryCoreModule } from '../delivery-core.module.js';
import { TlsRefusalConversion } from './tls-refusal-conversion.js';

/**
 * Gives channels' SendGrid events (libs/channels, which this library depends on, so it cannot
 * import us) what to do with an Enforced TLS refusal. Global for the same reason as FormConsentModule.
 */
@Global()
@Module({
  imports: [DeliveryCoreModule],
  providers: [TlsRefusalConversion, { provide: EMAIL_TLS_REFUSALS, useExisting: TlsRefusalConversion }],
  exports: [EMAIL_TLS_REFUSALS],
})
export class EmailTlsModule {}
