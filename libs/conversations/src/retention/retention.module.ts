import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations.module.js';
import { LegalHoldRepository } from './legal-hold.repository.js';
import { MessagePurgeRepository } from './message-purge.repository.js';
import { RetentionSweep, RetentionSweepJob } from './retention-sweep.js';

/**
 * The retention sweep (the worker runs it; the purge hooks of channels and delivery register
 * with conversations' `MessagePurgeHooks` from their own modules).
 */
@Module({
  imports: [ConversationsModule],
  providers: [LegalHoldRepository, MessagePurgeRepository, RetentionSweep, RetentionSweepJob],
  exports: [LegalHoldRepository, MessagePurgeRepository, RetentionSweep, RetentionSweepJob],
})
export class RetentionModule {}
