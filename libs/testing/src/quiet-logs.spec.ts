import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TestLogs } from './test-logs.js';

describe('test logs kept in memory', () => {
  it('gives what was written since a mark, whole lines, and nothing when nothing was', () => {
    const logs = new TestLogs();
    logs.write('{"msg":"boot"}\n');
    const mark = logs.mark();
    expect(logs.since(mark)).toBe('');
    logs.write('{"msg":"one"}\n');
    logs.write(Buffer.from('two\nthree\n'));
    expect(logs.since(mark)).toBe('{"msg":"one"}\ntwo\nthree');
  });

  it('shows the last lines of a long output and says how many it left out', () => {
    const logs = new TestLogs(2);
    logs.write('a\nb\nc\nd\n');
    expect(logs.since(0)).toBe('[test logs] 2 earlier lines not shown, the last 2 follow\nc\nd');
  });

  it('keeps memory bounded, dropping the oldest output and saying so', () => {
    const logs = new TestLogs(100, 10);
    for (const line of ['aaaa\n', 'bbbb\n', 'cccc\n', 'dddd\n']) logs.write(line);
    expect(logs.since(0)).toBe(
      '[test logs] the oldest output was dropped (more than 10 characters kept)\ncccc\ndddd',
    );
  });
});

/** The fixtures run by vitest as `npm test` runs it (this project's config), in a child process. */
function runFixtures(): { status: number | null; output: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  delete env.TEST_LOGS;
  const child = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--config', 'libs/testing/fixtures/vitest.config.ts'],
    { encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 120_000 },
  );
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

/**
 * The whole path: the fixtures start Nest with the project's pino logger and log from a passing
 * test, a failing test and a failing hook.
 */
describe('test output', () => {
  it('shows what a failing test or hook logged, under its name, and nothing of a passing test', () => {
    const { status, output } = runFixtures();
    expect(status, output).toBe(1);
    expect(output).not.toContain('marker: passing test');
    expect(output).toMatch(/stderr \| libs\/testing\/fixtures\/test-failure\.fixture\.ts > fails, logging\n/);
    expect(output).toMatch(/"context":"Fixture","msg":"marker: failing test, pino"/);
    expect(output).toContain('marker: failing test, stdout');
    expect(output).toMatch(/stderr \| libs\/testing\/fixtures\/hook-failure\.fixture\.ts\n/);
    expect(output).toMatch(/"msg":"marker: failing hook, pino"/);
    // The failing test's lines are its own: the context's boot logs came before it.
    const failingTest = output.split('> fails, logging\n')[1]!.split('\n\n')[0]!;
    expect(failingTest).not.toContain('Starting Nest application');
  }, 120_000);
});
