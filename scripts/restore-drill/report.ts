import { performance } from 'node:perf_hooks';

interface StepRecord {
  title: string;
  ms: number;
}

interface CheckRecord {
  title: string;
  pass: boolean;
  detail: string;
}

/** The drill's report: steps with their timings, facts (sizes, positions), checks with PASS/FAIL. */
export class DrillReport {
  private readonly steps: StepRecord[] = [];
  private readonly checks: CheckRecord[] = [];
  private readonly started = performance.now();

  /** Runs one step, prints it with its duration (and what it returned to say), rethrows a failure. */
  async step<T>(title: string, work: () => Promise<T>, describe?: (result: T) => string): Promise<T> {
    const start = performance.now();
    process.stdout.write(`\n== ${title}\n`);
    try {
      const result = await work();
      const ms = performance.now() - start;
      this.steps.push({ title, ms });
      const said = describe ? describe(result) : '';
      for (const line of said ? said.split('\n') : []) process.stdout.write(`   ${line}\n`);
      process.stdout.write(`   done in ${seconds(ms)}\n`);
      return result;
    } catch (err) {
      process.stdout.write(
        `   FAILED after ${seconds(performance.now() - start)}: ${(err as Error).message}\n`,
      );
      throw err;
    }
  }

  note(line: string): void {
    process.stdout.write(`   ${line}\n`);
  }

  check(title: string, pass: boolean, detail: string): void {
    this.checks.push({ title, pass, detail });
    process.stdout.write(`   ${pass ? 'PASS' : 'FAIL'}  ${title}: ${detail}\n`);
  }

  get passed(): boolean {
    return this.checks.length > 0 && this.checks.every((c) => c.pass);
  }

  /** The closing summary: every step's time, every check, the verdict. */
  summary(failure?: Error): string {
    const lines = ['', '== Summary', '   steps:'];
    for (const s of this.steps) lines.push(`     ${seconds(s.ms).padStart(8)}  ${s.title}`);
    lines.push(`     ${seconds(performance.now() - this.started).padStart(8)}  total`);
    const failed = this.checks.filter((c) => !c.pass);
    lines.push(`   checks: ${this.checks.length - failed.length} passed, ${failed.length} failed`);
    for (const c of failed) lines.push(`     FAIL  ${c.title}: ${c.detail}`);
    if (failure) lines.push(`   stopped by an error: ${failure.message}`);
    lines.push(`RESULT: ${!failure && this.passed ? 'PASS' : 'FAIL'}`);
    return `${lines.join('\n')}\n`;
  }
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
