import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { ConversationsModule } from '@app/conversations';
import { ChannelCache } from './channel-cache.js';
import { ChannelRouter } from './channel-router.js';
import { ChannelRepository } from './channel.repository.js';
import { ChannelsController } from './channels.controller.js';
import { ChannelsService } from './channels.service.js';
import { EMAIL_CHANNEL_CONTROLLERS, EMAIL_CHANNEL_PROVIDERS } from './email/email-channel.providers.js';
import { EmailThreads } from './email/email-threads.js';
import { INBOUND_SMS_HOOKS, type InboundSmsHook, InboundSmsHooks } from './sms/inbound-sms-hooks.js';
import { SmsChannels } from './sms/sms-channels.js';
import { TwilioInboundService } from './sms/twilio-inbound.service.js';
import { TwilioMediaFetcher } from './sms/twilio-media-fetcher.js';
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
    const hooks = options.inboundSmsHooks ?? [];
    return {
      module: ChannelsModule,
      imports: [ConversationsModule, PublicIntakeModule, ...(options.imports ?? [])],
      controllers: [ChannelsController, TwilioWebhooksController, ...EMAIL_CHANNEL_CONTROLLERS],
      providers: [
        ChannelCache,
        ChannelRepository,
        ChannelRouter,
        ChannelsService,
        SmsChannels,
        TwilioWebhookAuth,
        TwilioInboundService,
        TwilioStatusService,
        TwilioMediaFetcher,
        ...EMAIL_CHANNEL_PROVIDERS,
        InboundSmsHooks,
        ...hooks,
        {
          provide: INBOUND_SMS_HOOKS,
          inject: hooks,
          useFactory: (...instances: InboundSmsHook[]) => instances,
        },
      ],
      exports: [ChannelsService, ChannelRouter, SmsChannels, EmailThreads],
    };
  }
}
