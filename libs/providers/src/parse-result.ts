import type { z } from 'zod';

/** What is wrong with a provider payload: the field and the rule, never the submitted value (it may be PHI). */
export interface PayloadProblem {
  path: string;
  message: string;
}

/** A provider payload read into our shape, or the problems that refused it. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: PayloadProblem[] };

export function refused(problems: PayloadProblem[]): { ok: false; problems: PayloadProblem[] } {
  return { ok: false, problems };
}

/** Zod issues (the first `max`) as problems: zod's messages describe the rule, not the value. */
export function problemsOf(error: z.ZodError, max = Infinity): PayloadProblem[] {
  const issues = error.issues.length > max ? error.issues.slice(0, max) : error.issues;
  return issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}
