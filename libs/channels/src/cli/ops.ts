import { loadConfigOrExit } from '@app/config';
import { isUuid, ownerDataSource } from '@app/database';
import { JobQueue } from '@app/jobs';
import { listParkedTexts, releaseParkedTexts } from '../sms/sms-inbound.repository.js';

/**
 * Operator tasks on a running deployment (as the schema owner, DATABASE_MIGRATION_URL).
 * `npm run ops -- parked-texts`: practices with parked inbound texts (failed 8 processing runs).
 * `npm run ops -- requeue-texts <practiceId> | --all`: once the cause is fixed, gives those texts
 *   fresh attempts and enqueues their practice's processing. Prints ids and counts, never PHI.
 */
const USAGE = 'usage: ops parked-texts | ops requeue-texts <practiceId> | ops requeue-texts --all';

const out = (line: string) => process.stdout.write(`ops: ${line}\n`);
const fail = (line: string, code = 1): never => {
  process.stderr.write(`ops: ${line}\n`);
  process.exit(code);
};

const [command, target] = process.argv.slice(2);
if (command !== 'parked-texts' && command !== 'requeue-texts') fail(USAGE, 64);
if (command === 'requeue-texts' && target !== '--all' && !isUuid(target)) fail(USAGE, 64);

// The worker's variables hold DATABASE_URL and REDIS_URL; the owner URL is read beside them.
const config = loadConfigOrExit('worker');
const ds = ownerDataSource(process.env.DATABASE_MIGRATION_URL || config.DATABASE_URL);

async function parkedTexts(): Promise<number> {
  const parked = await listParkedTexts(ds);
  for (const p of parked) {
    out(
      `practice ${p.tenantId}: ${p.count} parked texts, oldest received ${p.oldestReceivedAt.toISOString()}`,
    );
  }
  out(`${parked.reduce((n, p) => n + p.count, 0)} parked texts in ${parked.length} practices`);
  return 0;
}

async function requeueTexts(): Promise<number> {
  const released = await releaseParkedTexts(ds, target === '--all' ? null : target!);
  const jobs = new JobQueue(config);
  let notQueued = 0;
  try {
    for (const { tenantId, count } of released) {
      try {
        // The relay's job id: a processing run already waiting is not doubled.
        await jobs.revive('sms.inbound', { tenantId }, { jobId: `relay-${tenantId}` });
        out(`practice ${tenantId}: ${count} texts requeued`);
      } catch (err) {
        notQueued++;
        out(`practice ${tenantId}: ${count} texts released; not enqueued (${(err as Error).name})`);
      }
    }
  } finally {
    await jobs.onApplicationShutdown();
  }
  if (notQueued) out(`the worker's relay enqueues the ${notQueued} practices not enqueued here`);
  out(`${released.reduce((n, r) => n + r.count, 0)} texts in ${released.length} practices released`);
  return 0;
}

let exitCode = 1;
try {
  await ds.initialize();
  exitCode = command === 'parked-texts' ? await parkedTexts() : await requeueTexts();
} catch (err) {
  // Errors here carry ids and statements, never PHI (no payload is read).
  process.stderr.write(`ops: failed: ${(err as Error).message}\n`);
} finally {
  if (ds.isInitialized) await ds.destroy();
}
process.exit(exitCode);
