/**
 * `kubevol explain -f -` end to end on a 100,000-object cluster dump (bench/cluster-dump.ts: 50,000
 * PVs, 50,000 claims, 3,000 of them naming a Released volume), as a user runs it: a fresh `node`
 * process on the built CLI (`dist/cli/main.js`; run `npm run build` first) reading the dump from
 * stdin, table output to a file. `KUBEVOL_TIMINGS=1` makes the CLI report where the time goes (its
 * phases) and its peak RSS; the baseline, timed in the same run, is a `node` process that only reads
 * and `JSON.parse`s the same dump.
 *
 * The same is measured on the settled dump (`settledClusterDump`: the workload after its controllers
 * caught up, as a running cluster lists it), rows prefixed `settled:`.
 *
 * Run: `node --import tsx bench/run.ts explain-cli` (KUBEVOL_BENCH_CLI_SAMPLES, default 3).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ClusterDump, clusterDump, settledClusterDump } from "./cluster-dump.js";
import { type BenchResult, type BenchSuite, quantile } from "./harness.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SAMPLES = Number(process.env.KUBEVOL_BENCH_CLI_SAMPLES ?? 3);

interface Sample {
  wallMs: number;
  phases: Map<string, number>;
  /** JS heap in use after each phase (MiB). */
  heaps: Map<string, number>;
  rssMiB: number;
}

function runOnce(args: string[], input: string, env: NodeJS.ProcessEnv): Sample {
  const dir = mkdtempSync(join(tmpdir(), "kubevol-bench-"));
  const out = openSync(join(dir, "out"), "w");
  const inFd = openSync(input, "r");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: [inFd, out, "pipe"], env: { ...process.env, ...env }, encoding: "utf8" });
  const wallMs = performance.now() - t0;
  closeSync(out);
  closeSync(inFd);
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  const phases = new Map<string, number>();
  const heaps = new Map<string, number>();
  // `  engine run   4265 ms   heap   412 MiB` (the total line has no heap).
  for (const m of r.stderr.matchAll(/^ {2}(\S.*?)\s+(\d+) ms(?:\s+heap\s+(\d+) MiB)?$/gm)) {
    phases.set(m[1]!, Number(m[2]));
    if (m[3] !== undefined) heaps.set(m[1]!, Number(m[3]));
  }
  const rss = /peak RSS (\d+) MiB/.exec(r.stderr);
  return { wallMs, phases, heaps, rssMiB: rss ? Number(rss[1]) : Number.NaN };
}

const row = (name: string, ms: number[], note: string): BenchResult => {
  const med = quantile(ms, 0.5);
  return { name, n: 100_000, medianNs: med * 1e6, p99Ns: quantile(ms, 0.99) * 1e6, opsPerSec: 1000 / med, note };
};

/** The baseline, the CLI end to end and each of its phases on one dump, the rows' names prefixed with `label`. */
function measure(label: string, dump: ClusterDump): BenchResult[] {
  const dir = mkdtempSync(join(tmpdir(), "kubevol-dump-"));
  const file = join(dir, "cluster.json");
  writeFileSync(file, JSON.stringify(dump));
  const parseOnly = ["-e", "let s='';process.stdin.setEncoding('utf8');process.stdin.on('data',d=>s+=d).on('end',()=>JSON.parse(s))"];
  const base: number[] = [];
  const cli: Sample[] = [];
  try {
    for (let i = 0; i < SAMPLES; i++) {
      base.push(runOnce(parseOnly, file, {}).wallMs);
      cli.push(runOnce(["dist/cli/main.js", "explain", "-f", "-"], file, { KUBEVOL_TIMINGS: "1", NO_COLOR: "1" }));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const baseMed = quantile(base, 0.5);
  const wall = cli.map((s) => s.wallMs);
  const rows: BenchResult[] = [
    row(`${label}node: read + JSON.parse the dump (baseline)`, base, "1.00×"),
    row(
      `${label}kubevol explain -f - (end to end)`,
      wall,
      `${(quantile(wall, 0.5) / baseMed).toFixed(1)}× baseline; peak RSS ${quantile(
        cli.map((s) => s.rssMiB),
        0.5,
      )} MiB (median)`,
    ),
  ];
  for (const phase of cli[0]!.phases.keys()) {
    if (phase === "total") continue;
    const ms = cli.map((s) => s.phases.get(phase) ?? 0);
    const heap = quantile(
      cli.map((s) => s.heaps.get(phase) ?? Number.NaN),
      0.5,
    );
    rows.push(row(`${label}  phase: ${phase}`, ms, `${(quantile(ms, 0.5) / baseMed).toFixed(2)}× baseline; heap after ${heap} MiB`));
  }
  return rows;
}

// The dump (every object new to the controllers), then the same workload settled, as a
// running cluster lists it (bench/cluster-dump.ts).
const suite: BenchSuite = () => {
  if (!existsSync(join(ROOT, "dist/cli/main.js"))) throw new Error("run `npm run build` first");
  return [...measure("", clusterDump()), ...measure("settled: ", settledClusterDump())];
};

export default suite;
