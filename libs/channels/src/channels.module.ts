import { ConsentModule } from '@app/consent';
import { ContactsModule } from '@app/contacts';
import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { ConversationsModule } from '@app/conversations';
import { ChannelRouter } from './channel-router.js';
import { ChannelStoreModule } from './channel-store.module.js';
import { ChannelsController } from './channels.controller.js';
import { ChannelsService } from './channels.service.js';
import { EMAIL_CHANNEL_CONTROLLERS, EMAIL_CHANNEL_PROVIDERS } from './email/email-channel.providers.js';
import type { InboundSmsHook } from './sms/inbound-sms-hooks.js';
import { SmsIngestModule } from './sms/sms-ingest.module.js';
import { TwilioInboundService } from './sms/twilio-inbound.service.js';
import { TwilioStatusService } from './sms/twilio-status.service.js';
import { TwilioWebhookAuth } from './sms/twilio-webhook-auth.js';
import { TwilioWebhooksController } from './sms/twilio-webhooks.controller.js';
import { PublicIntakeModule } from './webform/public-intake.module.js';

export interface ChannelsModuleOptions {
  /** Run after every stored inbound SMS, in order (the consent issue adds its keyword hook here). */
  inboundSmsHooks?: Array<Type<InboundSmsHook>>;
  /** Modules the hooks need. */
  imports?: ModuleMetadata['imports'];
}

/** Channel registry and the provider webhooks; needs the platform (database, crypto, audit, redis). */
@Module({})
export class ChannelsModule {
  static forRoot(options: ChannelsModuleOptions = {}): DynamicModule {
    return {
      module: ChannelsModule,
      imports: [
        ChannelStoreModule,
        ConversationsModule,
        ContactsModule,
        ConsentModule,
        PublicIntakeModule,
        SmsIngestModule.forRoot(options),
      ],
      controllers: [ChannelsController, TwilioWebhooksController, ...EMAIL_CHANNEL_CONTROLLERS],
      providers: [
        ChannelRouter,
        ChannelsService,
        TwilioWebhookAuth,
        TwilioInboundService,
        TwilioStatusService,
        ...EMAIL_CHANNEL_PROVIDERS,
      ],
      exports: [ChannelsService, ChannelRouter, ChannelStoreModule],
    };
  }
}
