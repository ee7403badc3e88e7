import { Module } from '@nestjs/common';
import { ConversationsModule } from '@app/conversations';
import { InboxSweep } from './sweep/inbox-sweep.js';

/** The worker's side of reports: the SLA and auto-close sweep (its job handler needs `InboxSweep`). */
@Module({
  imports: [ConversationsModule],
  providers: [InboxSweep],
  exports: [InboxSweep],
})
export class ReportsWorkerModule {}
