import type { Benchmark } from './harness.js';
import { auditBenchmark } from './audit.bench.js';
import { authBenchmark } from './auth.bench.js';
import { cryptoBenchmark } from './crypto.bench.js';
import { deliveryBenchmark } from './delivery.bench.js';
import { reportsBenchmark } from './reports.bench.js';
import { triageBenchmark } from './triage.bench.js';
import { webhooksBenchmark } from './webhooks.bench.js';
import { webhooksPracticesBenchmark } from './webhooks-practices.bench.js';

// `npm run bench [name...]`: runs the named benchmarks (all by default), one JSON object per line.
const BENCHMARKS: Benchmark[] = [
  cryptoBenchmark,
  auditBenchmark,
  authBenchmark,
  webhooksBenchmark,
  webhooksPracticesBenchmark,
  deliveryBenchmark,
  triageBenchmark,
  reportsBenchmark,
];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !BENCHMARKS.some((b) => b.name === w));
if (unknown.length) {
  process.stderr.write(
    `unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}\n`,
  );
  process.exit(2);
}
for (const bench of BENCHMARKS.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
  process.stderr.write(`bench: ${bench.name}: ${bench.description}\n`);
  process.stdout.write(`${JSON.stringify(await bench.run())}\n`);
}
