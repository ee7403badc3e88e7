// The restore drill's steps (run by scripts/restore-drill.sh, which owns the work directory and
// stops whatever cluster is left running if this process dies). See that script for what it proves.
import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { migrate } from '@app/database';
import { AppSide, type WrittenThread } from './app-side.js';
import { freePort, runAsServerUser, type ServerTools, ThrowawayCluster } from './cluster.js';
import {
  type DatabaseDigest,
  differingTables,
  digestDatabase,
  rowLevelSecurity,
  type TableRls,
  unforcedTenantTables,
} from './database-state.js';
import { DrillReport, mebibytes } from './report.js';

const DATABASE = 'inbox_drill';
const APP_ROLE = 'inbox_drill_app';
const RESTORE_POINT = 'drill-before-accident';

const workDir = process.env.RESTORE_DRILL_DIR;
const pgBin = process.env.RESTORE_DRILL_PG_BIN;
if (!workDir || !pgBin) {
  process.stderr.write('restore drill: run it with `bash scripts/restore-drill.sh`\n');
  process.exit(64);
}
const tools: ServerTools = { bin: pgBin, osUser: process.env.RESTORE_DRILL_OS_USER || null };
const archiveDir = join(workDir, 'wal-archive');
const baseDir = join(workDir, 'base-backup');
const report = new DrillReport();
const clusters: ThrowawayCluster[] = [];
const apps: AppSide[] = [];

/** What the database held at the recovery target, and where that target is. */
interface AtTarget {
  digest: DatabaseDigest;
  rls: Record<string, TableRls>;
  restorePointLsn: string;
  time: string;
  /** Audit events and messages per practice at the target. */
  auditEvents: Record<string, number>;
  messages: Record<string, number>;
}

/** What the drill wrote, by phase. */
interface Written {
  practiceA: string;
  practiceB: string;
  /** Before the base backup (its messages are deleted "by accident" after the target). */
  a1: WrittenThread;
  /** After the backup, before the target: only the WAL archive has them. */
  afterBackup: WrittenThread[];
  /** After the target: must be absent from the restore. */
  afterTarget: WrittenThread;
}

async function directoryBytes(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

async function newCluster(name: string): Promise<ThrowawayCluster> {
  const cluster = new ThrowawayCluster(name, join(workDir!, name), await freePort(), tools, workDir!);
  clusters.push(cluster);
  return cluster;
}

async function openApp(cluster: ThrowawayCluster, appPassword: string, masterKey: string): Promise<AppSide> {
  const app = await AppSide.open(cluster.urlAs(DATABASE, APP_ROLE, appPassword), masterKey);
  apps.push(app);
  return app;
}

async function closeApp(app: AppSide): Promise<void> {
  apps.splice(apps.indexOf(app), 1);
  await app.close();
}

async function rowsPerPractice(cluster: ThrowawayCluster, table: string): Promise<Record<string, number>> {
  const rows = await cluster.query<{ tenant_id: string; n: number }>(
    `SELECT tenant_id, count(*)::int AS n FROM ${table} GROUP BY tenant_id`,
    [],
    DATABASE,
  );
  return Object.fromEntries(rows.map((r) => [r.tenant_id, r.n]));
}

async function messagesPresent(cluster: ThrowawayCluster, ids: string[]): Promise<number> {
  const [row] = await cluster.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM messages WHERE id = ANY($1::uuid[])`,
    [ids],
    DATABASE,
  );
  return row!.n;
}

async function run(): Promise<void> {
  process.stdout.write('Restore drill: point-in-time recovery from a base backup and the WAL archive\n');
  const version = (await runAsServerUser(tools, join(pgBin!, 'postgres'), ['--version'], workDir!)).trim();
  report.note(`${version}; binaries ${pgBin}; work directory ${workDir}`);
  const masterKey = randomBytes(32).toString('base64');
  const appPassword = randomBytes(12).toString('hex');
  const source = await newCluster('source');

  await report.step(
    'Source cluster: initdb (data checksums), WAL archiving on, start',
    async () => {
      await runAsServerUser(tools, 'mkdir', ['-m', '0700', archiveDir], workDir!);
      await source.initdb();
      await source.configureLocal();
      await source.configure('restore drill: continuous archiving (what production runs)', {
        wal_level: 'replica',
        archive_mode: 'on',
        archive_command: `test ! -f "${archiveDir}/%f" && cp "%p" "${archiveDir}/%f"`,
        max_wal_senders: 4,
      });
      await source.start();
    },
    () => `port ${source.port}, data ${source.dataDir}, archive ${archiveDir}`,
  );

  await report.step(
    'Schema: the app migrations, app and audit roles',
    async () => {
      await source.query(`CREATE DATABASE ${DATABASE}`);
      return migrate({
        ownerUrl: source.ownerUrl(DATABASE),
        appUrl: source.urlAs(DATABASE, APP_ROLE, appPassword),
      });
    },
    (r) => `${r.applied.length} migrations applied; roles ${r.appRole} (app), ${r.auditRole} (audit sealer)`,
  );

  const app = await openApp(source, appPassword, masterKey);
  const written = await report.step(
    'Before the base backup: practice A, one thread of 40 messages (as the app role)',
    async () => {
      const practiceA = await app.createPractice('Drill Practice A');
      const a1 = await app.writeThread(practiceA, 'A1', 40);
      await app.settleAudit([practiceA]);
      return { practiceA, a1 };
    },
    (w) => `practice A ${w.practiceA}`,
  );

  const backup = await report.step(
    'Base backup: pg_basebackup (plain, WAL streamed, SHA-256 manifest), pg_verifybackup',
    async () => {
      await source.pgTool('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(source.port),
        '-U',
        'postgres',
        '-D',
        baseDir,
        '-Fp',
        '-Xstream',
        '--checkpoint=fast',
        '--manifest-checksums=SHA256',
        '--label=restore-drill',
        // A throwaway copy; a production backup keeps the default (flushed before it reports success).
        '--no-sync',
      ]);
      const verified = (await source.pgTool('pg_verifybackup', [baseDir])).trim();
      return { verified, size: await directoryBytes(baseDir) };
    },
    (b) => `${mebibytes(b.size.bytes)} in ${b.size.files} files; pg_verifybackup: ${b.verified}`,
  );
  report.check(
    'base backup verified',
    /successfully verified/.test(backup.verified),
    'every file matches its manifest checksum; pg_basebackup checked every page checksum as it copied',
  );

  const afterBackup = await report.step(
    'After the backup: practice B, more threads (in the WAL archive only)',
    async () => {
      const practiceB = await app.createPractice('Drill Practice B');
      const threads = [
        await app.writeThread(practiceB, 'B1', 30),
        await app.writeThread(written.practiceA, 'A2', 30),
      ];
      await app.settleAudit([written.practiceA, practiceB]);
      return { practiceB, threads };
    },
    (w) =>
      `practice B ${w.practiceB}; ${w.threads.length} threads, ${w.threads.reduce((n, t) => n + t.messageIds.length, 0)} messages`,
  );

  const target = await report.step<AtTarget>(
    `Recovery target: digest every table, then restore point "${RESTORE_POINT}" and the time`,
    async () => {
      const digest = await digestDatabase(source, DATABASE);
      const rls = await rowLevelSecurity(source, DATABASE);
      const [point] = await source.query<{ lsn: string }>(`SELECT pg_create_restore_point($1)::text AS lsn`, [
        RESTORE_POINT,
      ]);
      const [clock] = await source.query<{ at: string }>(`SELECT clock_timestamp()::text AS at`);
      return {
        digest,
        rls,
        restorePointLsn: point!.lsn,
        time: clock!.at,
        auditEvents: await rowsPerPractice(source, 'audit_events'),
        messages: await rowsPerPractice(source, 'messages'),
      };
    },
    (t) =>
      `${Object.keys(t.digest).length} tables, ${Object.values(t.digest).reduce((n, d) => n + d.rows, 0)} rows; ` +
      `messages ${t.digest.messages?.rows}, audit events ${t.digest.audit_events?.rows}\n` +
      `restore point at LSN ${t.restorePointLsn}; time ${t.time}`,
  );

  const afterTarget = await report.step(
    'The accident (after the target): an operator deletes thread A1, marks every contact lost; new rows keep coming',
    async () => {
      const [deleted] = await source.query<{ n: number }>(
        `WITH d AS (DELETE FROM messages WHERE conversation_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
        [written.a1.conversationId],
        DATABASE,
      );
      await source.query(`UPDATE contacts SET lead_stage = 'lost'`, [], DATABASE);
      const b2 = await app.writeThread(afterBackup.practiceB, 'B2', 25);
      await app.settleAudit([written.practiceA, afterBackup.practiceB]);
      const changed = differingTables(target.digest, await digestDatabase(source, DATABASE));
      return { deleted: deleted!.n, b2, changed };
    },
    (a) =>
      `${a.deleted} messages deleted; ${a.b2.messageIds.length} messages written after it; tables changed: ${a.changed.join(', ')}`,
  );
  report.check(
    'the accident changed the database',
    ['messages', 'contacts', 'audit_events'].every((t) => afterTarget.changed.includes(t)),
    'messages, contacts and audit_events differ from the target digest (so an equal digest after the restore means something)',
  );
  await closeApp(app);

  const all: Written = {
    practiceA: written.practiceA,
    practiceB: afterBackup.practiceB,
    a1: written.a1,
    afterBackup: afterBackup.threads,
    afterTarget: afterTarget.b2,
  };

  await report.step(
    'WAL switch, wait for the archiver, stop the source (the primary is gone)',
    async () => {
      const [sw] = await source.query<{ segment: string }>(
        `SELECT pg_walfile_name(pg_switch_wal()) AS segment`,
      );
      // The archiver reports a segment only once archive_command succeeded (a file can exist half-copied).
      const deadline = Date.now() + 60_000;
      for (;;) {
        const [archiver] = await source.query<{ last: string | null }>(
          `SELECT last_archived_wal AS last FROM pg_stat_archiver`,
        );
        if (archiver!.last !== null && archiver!.last >= sw!.segment) break;
        if (Date.now() > deadline) throw new Error(`segment ${sw!.segment} was not archived within 60 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const [db] = await source.query<{ bytes: string }>(`SELECT pg_database_size($1)::text AS bytes`, [
        DATABASE,
      ]);
      await source.stop('fast');
      return {
        segment: sw!.segment,
        archive: await directoryBytes(archiveDir),
        databaseBytes: Number(db!.bytes),
      };
    },
    (a) =>
      `last segment ${a.segment} archived; archive ${mebibytes(a.archive.bytes)} in ${a.archive.files} files; ` +
      `database ${mebibytes(a.databaseBytes)}`,
  );

  const targets = [
    {
      kind: 'name',
      settings: { recovery_target_name: RESTORE_POINT },
      stopsAt: /recovery stopping at restore point/,
    },
    {
      kind: 'time',
      settings: { recovery_target_time: target.time },
      stopsAt: /recovery stopping before commit/,
    },
  ] as const;
  for (const t of targets) {
    const restored = await newCluster(`restore-by-${t.kind}`);
    const recovery = await report.step(
      `Restore by ${t.kind}: copy the base backup, restore_command + recovery.signal, start, promote`,
      async () => {
        await runAsServerUser(tools, 'cp', ['-a', baseDir, restored.dataDir], workDir!);
        await restored.configureLocal();
        await restored.configure('restore drill: point-in-time recovery from the WAL archive', {
          archive_mode: 'off',
          restore_command: `cp "${archiveDir}/%f" "%p"`,
          ...t.settings,
          recovery_target_action: 'promote',
        });
        await runAsServerUser(tools, 'touch', [join(restored.dataDir, 'recovery.signal')], workDir!);
        await restored.start();
        const deadline = Date.now() + 120_000;
        for (;;) {
          const [r] = await restored.query<{ in_recovery: boolean }>(
            `SELECT pg_is_in_recovery() AS in_recovery`,
          );
          if (!r!.in_recovery) break;
          if (Date.now() > deadline) throw new Error('still in recovery after 120 s');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const restoredSegments = (await restored.logLines(/restored log file/)).length;
        const said = await restored.logLines(
          /recovery stopping|selected new timeline|archive recovery complete/,
        );
        return { restoredSegments, said };
      },
      (r) =>
        [
          `port ${restored.port}; ${r.restoredSegments} WAL files restored from the archive`,
          ...r.said.map((l) => `log: ${l.replace(/^\S+ \S+ \S+ \[\d+\] /, '')}`),
        ].join('\n'),
    );
    const label = `[by ${t.kind}]`;
    report.check(
      `${label} recovery stopped at the target`,
      recovery.said.some((l) => t.stopsAt.test(l)),
      recovery.said.find((l) => t.stopsAt.test(l))?.replace(/^.*?LOG:\s+/, '') ??
        'no such line in the server log',
    );

    const restoredApp = await openApp(restored, appPassword, masterKey);
    await report.step(`Checks on the restore by ${t.kind}`, async () => {
      const digest = await digestDatabase(restored, DATABASE);
      const differing = differingTables(target.digest, digest);
      report.check(
        `${label} every table equals the target`,
        differing.length === 0,
        differing.length === 0
          ? `${Object.keys(digest).length} tables: row counts and content MD5 identical (messages ${digest.messages?.rows}, audit_events ${digest.audit_events?.rows}, contacts ${digest.contacts?.rows})`
          : `differ: ${differing.map((n) => `${n} (${target.digest[n]?.rows} -> ${digest[n]?.rows} rows)`).join(', ')}`,
      );
      const lateRows = await messagesPresent(restored, all.afterTarget.messageIds);
      report.check(
        `${label} rows written after the target are absent`,
        lateRows === 0,
        `${lateRows} of ${all.afterTarget.messageIds.length} B2 messages present`,
      );
      const undeleted = await messagesPresent(restored, all.a1.messageIds);
      const [lost] = await restored.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM contacts WHERE lead_stage = 'lost'`,
        [],
        DATABASE,
      );
      report.check(
        `${label} the accident is undone`,
        undeleted === all.a1.messageIds.length && lost!.n === 0,
        `${undeleted} of ${all.a1.messageIds.length} deleted A1 messages back; ${lost!.n} contacts marked lost`,
      );
      const latePresent = await messagesPresent(
        restored,
        all.afterBackup.flatMap((th) => th.messageIds),
      );
      report.check(
        `${label} rows written after the backup (replayed from the archive) are present`,
        latePresent === all.afterBackup.reduce((n, th) => n + th.messageIds.length, 0),
        `${latePresent} messages of threads B1, A2`,
      );

      const rls = await rowLevelSecurity(restored, DATABASE);
      const unforced = unforcedTenantTables(rls);
      const tenantTables = Object.entries(rls).filter(
        ([n, r]) => r.hasTenantColumn || n === 'practices',
      ).length;
      report.check(
        `${label} row-level security forced on every tenant table, policies as at the target`,
        unforced.length === 0 && isDeepStrictEqual(rls, target.rls),
        unforced.length > 0
          ? `not forced: ${unforced.join(', ')}`
          : `${tenantTables} tenant tables forced; catalog ${isDeepStrictEqual(rls, target.rls) ? 'identical' : 'DIFFERS'}`,
      );
      const withoutTenant = await restoredApp.messagesSeenWithoutTenant();
      const seenAsA = await restoredApp.messagesSeenAs(all.practiceA);
      const seenAsB = await restoredApp.messagesSeenAs(all.practiceB);
      report.check(
        `${label} the app role sees only its tenant's rows`,
        withoutTenant === 0 &&
          seenAsA === target.messages[all.practiceA] &&
          seenAsB === target.messages[all.practiceB],
        `no tenant: ${withoutTenant} messages; practice A: ${seenAsA} (at target ${target.messages[all.practiceA]}); practice B: ${seenAsB} (at target ${target.messages[all.practiceB]})`,
      );

      for (const [name, practiceId] of [
        ['A', all.practiceA],
        ['B', all.practiceB],
      ] as const) {
        const chain = await restoredApp.verifyAuditChain(practiceId);
        const expected = target.auditEvents[practiceId] ?? 0;
        report.check(
          `${label} audit chain of practice ${name} verifies`,
          chain.valid && chain.checked === expected,
          `${chain.valid ? 'valid' : `BROKEN at ${chain.firstBrokenId}`}, ${chain.checked} events checked (at target ${expected})`,
        );
      }
      const body = await restoredApp.messageBody(all.practiceA, all.a1.sample.messageId);
      report.check(
        `${label} an encrypted message decrypts with the master key`,
        body === all.a1.sample.body,
        body === all.a1.sample.body ? `"${body}"` : `got ${JSON.stringify(body)}`,
      );
    });
    await closeApp(restoredApp);
    await report.step(`Stop the restore by ${t.kind}`, () => restored.stop('fast'));
  }
}

let failure: Error | undefined;
try {
  await run();
} catch (err) {
  failure = err as Error;
  for (const cluster of clusters) {
    const tail = await cluster.logTail(15);
    if (tail) process.stdout.write(`\n-- last lines of ${cluster.name}'s server log:\n${tail}\n`);
  }
} finally {
  for (const app of apps.splice(0)) await app.close().catch(() => undefined);
  for (const cluster of clusters) await cluster.stopQuietly();
}
process.stdout.write(report.summary(failure));
process.exit(!failure && report.passed ? 0 : 1);
