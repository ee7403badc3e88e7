import { appendFileSync, mkdirSync } from 'node:fs';
import { afterEach, expect } from 'vitest';
import { takeOpenApiViolations } from './openapi-conformance.js';

// Runs in every test file (vitest `setupFiles`): a response that strays from the OpenAPI document
// fails the test that received it, naming the route, the status and what does not match.
afterEach(() => {
  const violations = takeOpenApiViolations();
  if (violations.length === 0) return;
  const lines = violations.map((v) => `  ${v.route} -> ${v.status}: ${v.problem}`);
  throw new Error(`responses that do not match the OpenAPI document:\n${[...new Set(lines)].join('\n')}`);
});

// An error no test awaited (vitest reports it as "Errors: 1 error" and fails the run): its stack
// also goes to test-artifacts/unhandled-errors.log, which `npm test` prints after its summary
// line, so the end of a CI log names what failed and where. Test code only: never PHI.
const recordUnhandled = (kind: string) => (err: unknown) => {
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  const file = expect.getState().testPath;
  try {
    mkdirSync('test-artifacts', { recursive: true });
    appendFileSync('test-artifacts/unhandled-errors.log', `${kind} while ${file ?? '?'} ran:\n${detail}\n\n`);
  } catch {
    // Diagnostics only: vitest reports the error either way.
  }
};
process.on('unhandledRejection', recordUnhandled('unhandled rejection'));
process.on('uncaughtExceptionMonitor', recordUnhandled('uncaught exception'));
