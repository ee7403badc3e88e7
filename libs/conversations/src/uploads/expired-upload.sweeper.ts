import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { RoutedDb, TenantDb } from '@app/database';
import { PeriodicPass } from '@app/jobs';
import { AttachmentRepository } from '../attachment.repository.js';
import { ConversationsModule } from '../conversations.module.js';
import { UPLOAD_LIFETIME_SECONDS } from './staff-upload-files.js';

const SWEEP_EVERY_MS = 10 * 60_000;
const PRACTICES_PER_PASS = 100;
const UPLOADS_PER_PRACTICE = 500;

/**
 * Staff uploads nobody sent would otherwise keep a file of PHI for ever when the practice never
 * uploads again (each upload also empties its practice's expired ones). Every ten minutes the
 * worker finds the practices holding uploads past their lifetime (ids only, through their own
 * read policy) and empties those in each practice's transaction. Several workers may sweep: an
 * emptied upload is no longer `stored`, and a locked one is skipped.
 */
@Injectable()
export class ExpiredUploadSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ExpiredUploadSweeper');
  private readonly passes = new PeriodicPass(this.logger, 'Upload sweep pass', () => this.sweepOnce());

  constructor(
    private readonly routed: RoutedDb,
    private readonly db: TenantDb,
    private readonly attachments: AttachmentRepository,
  ) {}

  onApplicationBootstrap(): void {
    this.passes.start(SWEEP_EVERY_MS);
  }

  /** One pass; returns how many uploads it emptied. */
  async sweepOnce(lifetimeSeconds = UPLOAD_LIFETIME_SECONDS): Promise<number> {
    const practices = await this.routed.sweep('uploadSweep', (tx) =>
      this.attachments.practicesWithExpiredUploads(tx, lifetimeSeconds, PRACTICES_PER_PASS),
    );
    let emptied = 0;
    for (const tenantId of practices)
      emptied += await this.db.forTenant(tenantId, (tx) =>
        this.attachments.expireUploads(tx, lifetimeSeconds, UPLOADS_PER_PRACTICE),
      );
    if (emptied) this.logger.log({ count: emptied, practices: practices.length }, 'Expired uploads emptied');
    return emptied;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.passes.stop();
  }
}

/** The worker's upload sweeper (the api does not sweep). */
@Module({
  imports: [ConversationsModule],
  providers: [ExpiredUploadSweeper],
})
export class ExpiredUploadsModule {}
