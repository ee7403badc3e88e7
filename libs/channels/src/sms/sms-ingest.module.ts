import { type DynamicModule, Module } from '@nestjs/common';
import { ConversationsModule } from '@app/conversations';
import type { ChannelsModuleOptions } from '../channels.module.js';
import { ChannelStoreModule } from '../channel-store.module.js';
import { INBOUND_SMS_HOOKS, type InboundSmsHook, InboundSmsHooks } from './inbound-sms-hooks.js';
import { PendingSmsProcessor } from './pending-sms.processor.js';
import { PendingSmsStore } from './pending-sms.store.js';
import { SmsInboundRepository } from './sms-inbound.repository.js';
import { SmsIngest } from './sms-ingest.js';
import { TwilioMediaFetcher } from './twilio-media-fetcher.js';

/**
 * Inbound SMS into the conversation store, without HTTP: the api's webhook (keywords, and the
 * acknowledged texts it stores) and the worker's `sms.inbound` processing both use it.
 */
@Module({})
export class SmsIngestModule {
  static forRoot(options: Pick<ChannelsModuleOptions, 'inboundSmsHooks' | 'imports'> = {}): DynamicModule {
    const hooks = options.inboundSmsHooks ?? [];
    return {
      module: SmsIngestModule,
      imports: [ChannelStoreModule, ConversationsModule, ...(options.imports ?? [])],
      providers: [
        InboundSmsHooks,
        ...hooks,
        {
          provide: INBOUND_SMS_HOOKS,
          inject: hooks,
          useFactory: (...instances: InboundSmsHook[]) => instances,
        },
        TwilioMediaFetcher,
        SmsIngest,
        SmsInboundRepository,
        PendingSmsStore,
        PendingSmsProcessor,
      ],
      exports: [InboundSmsHooks, SmsIngest, PendingSmsStore, PendingSmsProcessor],
    };
  }
}
