import { type RunnerTestFile, type RunnerTestSuite, afterAll, beforeEach } from 'vitest';
import { TestLogs } from './test-logs.js';

/**
 * Vitest's setup file: test output shows tests, not logs. What the code under test writes to
 * stdout and stderr (the api's and worker's pino lines, Nest's console logger) is kept in memory
 * per test file and printed with a test that fails, or with the file when one of its hooks
 * failed. `console.*` (ioredis, BullMQ, the tests' own reports) is held back by vitest itself
 * for passing tests (`silent: 'passed-only'`). TEST_LOGS=live prints everything as it comes.
 *
 * pino needs no switch: a logger built while process.stdout.write is replaced writes through it
 * (pino checks), not to file descriptor 1, and this file runs before any test file is imported.
 */
if (process.env.TEST_LOGS !== 'live') {
  const logs = new TestLogs();
  captureWrites(process.stdout, logs);
  captureWrites(process.stderr, logs);

  beforeEach(({ onTestFailed }) => {
    const mark = logs.mark();
    onTestFailed(() => show('what this test logged', logs.since(mark)));
  });

  // Vitest reads the first parameter's pattern for fixtures: none are used, the file is the second.
  // oxlint-disable-next-line no-empty-pattern
  afterAll(({}, file) => {
    if (hookFailed(file)) show('what this file logged', logs.since(0));
  });
}

/** Printed through vitest's console, so the reporter shows it under the failed test's name. */
function show(title: string, text: string): void {
  // oxlint-disable-next-line no-console
  if (text) console.error(`${title} (JSON lines: pipe through \`npx pino-pretty\` to read):\n${text}`);
}

function captureWrites(stream: NodeJS.WriteStream, logs: TestLogs): void {
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logs.write(chunk);
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    if (done) process.nextTick(done);
    return true;
  }) as typeof stream.write;
}

/** A beforeAll/afterAll that threw, in the file or one of its describe blocks (its tests never ran). */
function hookFailed(suite: Readonly<RunnerTestSuite | RunnerTestFile>): boolean {
  if (suite.result?.errors?.length) return true;
  return suite.tasks.some((task) => task.type === 'suite' && hookFailed(task));
}
