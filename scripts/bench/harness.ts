import { performance } from 'node:perf_hooks';

/** What every benchmark prints: its figures, the floor measured in the same run, and the ratio. */
export interface BenchResult {
  benchmark: string;
  unit: string;
  value: number;
  floor: { what: string; value: number };
  /** value / floor (for throughput: the share of the floor reached; for latency: times slower). */
  ratio: number;
  goal?: string;
  details?: Record<string, unknown>;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}

/** Runs `op` with `concurrency` loops for `seconds`; returns ops/s and latency percentiles (ms). */
export async function measure(
  op: () => Promise<unknown>,
  {
    seconds,
    concurrency,
    warmupSeconds = 0.5,
  }: { seconds: number; concurrency: number; warmupSeconds?: number },
): Promise<{ opsPerSec: number; count: number; p50: number; p95: number; p99: number }> {
  const loop = async (until: number, samples: number[] | null) => {
    while (performance.now() < until) {
      const t0 = performance.now();
      await op();
      samples?.push(performance.now() - t0);
    }
  };
  const warmUntil = performance.now() + warmupSeconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, () => loop(warmUntil, null)));
  const samples: number[] = [];
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, () => loop(until, samples)));
  const elapsed = (performance.now() - start) / 1000;
  return { opsPerSec: round(samples.length / elapsed), count: samples.length, ...percentiles(samples) };
}

/** Runs a synchronous op as fast as possible for `seconds`; returns ops/s. */
export function measureSync(op: () => unknown, seconds: number): number {
  for (let i = 0; i < 1000; i++) op();
  let n = 0;
  const start = performance.now();
  const until = start + seconds * 1000;
  while (performance.now() < until) {
    for (let i = 0; i < 100; i++) op();
    n += 100;
  }
  return round(n / ((performance.now() - start) / 1000));
}

export function percentiles(samples: number[]): { p50: number; p95: number; p99: number } {
  const sorted = samples.toSorted((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0, 3);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
}
export type Op = () => Promise<void>;

/**
 * Runs the ops one after another, round-robin, for `seconds` (after `warmup` runs of each): each
 * sees the same machine load, so floors and datasets compare fairly on a noisy (shared) host.
 * Latency percentiles per op.
 */
export async function interleaved(ops: Op[], seconds: number, warmup = 20): Promise<Latency[]> {
  const samples = ops.map(() => [] as number[]);
  for (const op of ops) for (let i = 0; i < warmup; i++) await op();
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until)
    for (const [i, op] of ops.entries()) {
      const t0 = performance.now();
      await op();
      samples[i]!.push(performance.now() - t0);
    }
  return samples.map(percentiles);
}
