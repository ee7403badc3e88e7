import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Runs `scripts/restore-drill.sh` with this environment; never throws. */
function drill(env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      'bash',
      ['scripts/restore-drill.sh'],
      { env: { ...process.env, ...env }, timeout: 170_000, maxBuffer: 8 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('restore drill (scripts/restore-drill.sh)', () => {
  it('restores base backup + WAL archive to the restore point and to the time: the target state, nothing after it', async () => {
    const run = await drill();
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.code, output).toBe(0);
    expect(run.stdout).toMatch(/\nRESULT: PASS\n/);
    expect(run.stdout).toContain('PASS  base backup verified');
    expect(run.stdout).toContain('PASS  the accident changed the database');
    for (const target of ['name', 'time']) {
      for (const check of [
        'recovery stopped at the target',
        'every table equals the target',
        'rows written after the target are absent',
        'the accident is undone',
        'rows written after the backup (replayed from the archive) are present',
        'row-level security forced on every tenant table, policies as at the target',
        "the app role sees only its tenant's rows",
        'audit chain of practice A verifies',
        'audit chain of practice B verifies',
        'an encrypted message decrypts with the master key',
      ]) {
        expect(run.stdout, output).toContain(`PASS  [by ${target}] ${check}:`);
      }
    }
    expect(run.stdout).toMatch(/checks: 22 passed, 0 failed/);
    expect(run.stdout).not.toMatch(/\bFAIL\b/);

    // Everything it made is gone: the work directory (with every data directory and the archive).
    const workDir = /work directory (\S+)/.exec(run.stdout)?.[1];
    expect(workDir).toMatch(/restore-drill\.\w+$/);
    expect(existsSync(workDir!)).toBe(false);
    expect(run.stdout).toContain(`cleanup: removed ${workDir}\n`);
    expect(run.stdout).not.toContain('left running');
  }, 180_000);

  it('says what is missing and exits 1 without PostgreSQL 15 server binaries', async () => {
    const run = await drill({ RESTORE_DRILL_PG_BIN: '/nonexistent/postgresql/bin' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('restore drill: /nonexistent/postgresql/bin/initdb is missing');
    expect(run.stdout).toBe('');
  });
});
