import { afterEach } from 'vitest';
import { takeOpenApiViolations } from './openapi-conformance.js';

// Runs in every test file (vitest `setupFiles`): a response that strays from the OpenAPI document
// fails the test that received it, naming the route, the status and what does not match.
afterEach(() => {
  const violations = takeOpenApiViolations();
  if (violations.length === 0) return;
  const lines = violations.map((v) => `  ${v.route} -> ${v.status}: ${v.problem}`);
  throw new Error(`responses that do not match the OpenAPI document:\n${[...new Set(lines)].join('\n')}`);
});
