/**
 * The benchmark harness shared by every `bench/*.bench.ts` file: timing with `process.hrtime.bigint`,
 * median and p99 over individually timed samples (or over batches for sub-microsecond operations),
 * and heap measurement. Benchmarks never assert; they report, and docs/benchmarks.md records them.
 */

/** One measured row of the benchmark table. */
export interface BenchResult {
  /** What was measured, e.g. `parseQuantity("10Gi")`. */
  name: string;
  /** The workload size (pool size, number of claims, ...). */
  n: number;
  /** Median time of one operation, in nanoseconds. */
  medianNs: number;
  /** 99th percentile time of one operation, in nanoseconds. */
  p99Ns: number;
  /** Operations per second derived from the mean. */
  opsPerSec: number;
  /** Free-form extra facts (heap bytes, ratio to the linear reference, ...). */
  note?: string;
}

/** A benchmark file's default export. */
export type BenchSuite = () => Promise<BenchResult[]> | BenchResult[];

/** Sort a copy and pick a quantile (0..1). */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Time `fn(i)` once per sample, individually (for operations of a microsecond or more).
 * Runs `warmup` untimed calls first.
 */
export function timeEach(
  name: string,
  n: number,
  samples: number,
  fn: (i: number) => unknown,
  warmup = Math.min(1000, samples),
): BenchResult {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn(i);
  const t = new Array<number>(samples);
  let total = 0;
  for (let i = 0; i < samples; i++) {
    const s = process.hrtime.bigint();
    sink = fn(i);
    const d = Number(process.hrtime.bigint() - s);
    t[i] = d;
    total += d;
  }
  keep(sink);
  return { name, n, medianNs: quantile(t, 0.5), p99Ns: quantile(t, 0.99), opsPerSec: (samples * 1e9) / total };
}

/**
 * Time sub-microsecond operations in batches of `batch` calls; median and p99 are per call,
 * taken over the batch means.
 */
export function timeBatched(name: string, n: number, batches: number, batch: number, fn: (i: number) => unknown): BenchResult {
  let sink: unknown;
  for (let i = 0; i < batch * 5; i++) sink = fn(i);
  const t = new Array<number>(batches);
  let total = 0;
  for (let b = 0; b < batches; b++) {
    const s = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) sink = fn(b * batch + i);
    const d = Number(process.hrtime.bigint() - s);
    t[b] = d / batch;
    total += d;
  }
  keep(sink);
  return { name, n, medianNs: quantile(t, 0.5), p99Ns: quantile(t, 0.99), opsPerSec: (batches * batch * 1e9) / total };
}

/** Heap used now, after a full GC when `--expose-gc` is on. */
export function heapUsed(): number {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
  return process.memoryUsage().heapUsed;
}

let blackhole: unknown;
/** Keep a value alive so the optimizer cannot drop the work that made it. */
export function keep(v: unknown): void {
  blackhole = v;
}
/** Read the blackhole (only so it is not flagged unused). */
export function blackholeValue(): unknown {
  return blackhole;
}

/** Format nanoseconds for humans: `812 ns`, `3.4 µs`, `12.0 ms`. */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return "-";
  if (ns < 1_000) return `${ns.toFixed(0)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(2)} µs`;
  if (ns < 1_000_000_000) return `${(ns / 1_000_000).toFixed(2)} ms`;
  return `${(ns / 1_000_000_000).toFixed(2)} s`;
}

/** Render results as a Markdown table (the format docs/benchmarks.md uses). */
export function markdownTable(rows: readonly BenchResult[]): string {
  const head = "| benchmark | N | median | p99 | ops/s | note |\n|---|---:|---:|---:|---:|---|";
  const body = rows.map(
    (r) =>
      `| ${r.name} | ${r.n.toLocaleString("en-US")} | ${formatNs(r.medianNs)} | ${formatNs(r.p99Ns)} | ${Number.isFinite(r.opsPerSec) ? Math.round(r.opsPerSec).toLocaleString("en-US") : "-"} | ${r.note ?? ""} |`,
  );
  return [head, ...body].join("\n");
}
