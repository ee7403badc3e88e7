import { TypeOrmModule } from '@nestjs/typeorm';
import { Module } from '@nestjs/common';
import { ContactsModule } from '@app/contacts';
import { ChannelCache } from './channel-cache.js';
import { ChannelRepository } from './channel.repository.js';
import { ChatSessionProof } from './chat/chat-session-proof.repository.js';
import { ChatSessionsContactHook } from './chat/chat-sessions-contact-hook.js';
import { EmailChannels } from './email/email-channel.repository.js';
import { EmailThreadRepository } from './email/email-thread.repository.js';
import { EmailThreads } from './email/email-threads.js';
import { SmsChannels } from './sms/sms-channels.js';
import { CHANNELS_ENTITIES } from './channels.entities.js';

/** The channel registry without any HTTP surface: what the delivery worker needs to send. */
@Module({
  imports: [TypeOrmModule.forFeature(CHANNELS_ENTITIES), ContactsModule],
  providers: [
    ChatSessionsContactHook,
    ChatSessionProof,
    ChannelCache,
    ChannelRepository,
    SmsChannels,
    EmailChannels,
    EmailThreads,
    EmailThreadRepository,
  ],
  exports: [ChatSessionProof, ChannelCache, ChannelRepository, SmsChannels, EmailChannels, EmailThreads],
})
export class ChannelStoreModule {}
