/**
 * The package as a user gets it: how long importing each entry point takes in a fresh `node`
 * process, and how large the published tarball is.
 *
 * Import cost: every sample is a new `node` process that times `await import(SPEC)` (or
 * `require(SPEC)`) with `performance.now()` around it — the module graph's loading, compiling and
 * evaluation, not node's own start-up. The package imports itself by name (package.json `exports`),
 * so this measures `dist/` as published: run `npm run build` first. Specifiers are sampled round-robin
 * so load drift on a shared machine hits all of them alike; each row's note gives its median as a
 * ratio to `kubevol/matching`'s median from the same run (the issue's target: root ≤ 2×). `zod` on
 * its own is there for scale: kubevol's root imports it.
 *
 * Size: `npm pack --dry-run --json` (no build), the tarball, the unpacked total and by file type.
 *
 * Run: `node --import tsx bench/run.ts package` (KUBEVOL_BENCH_IMPORT_SAMPLES, default 15).
 * `KUBEVOL_BENCH_BASELINE_DIR=<dir>` (a built checkout of another commit, with its `node_modules`)
 * adds that build's `kubevol` and `kubevol/matching` to the same round-robin, as rows marked
 * "(baseline)" with their ratio to the baseline's own `kubevol/matching`: a before/after in one run.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type BenchResult, type BenchSuite, quantile } from "./harness.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SAMPLES = Number(process.env.KUBEVOL_BENCH_IMPORT_SAMPLES ?? 15);

interface Probe {
  name: string;
  /** Node arguments that print the import's milliseconds. */
  args: string[];
  /** Where the probe runs (the package it imports by name); the checkout itself unless a baseline. */
  cwd?: string;
}

function esm(spec: string): Probe {
  const code = `const t = performance.now(); await import(${JSON.stringify(spec)}); console.log(performance.now() - t);`;
  return { name: `import("${spec}")`, args: ["--input-type=module", "-e", code] };
}

function cjs(spec: string): Probe {
  const code = `const t = performance.now(); require(${JSON.stringify(spec)}); console.log(performance.now() - t);`;
  return { name: `require("${spec}")`, args: ["--input-type=commonjs", "-e", code] };
}

/** Every layer that does not load zod, in one process: what a root without the schemas would cost. */
function zodFreeLayers(): Probe {
  const specs = ["quantity", "labels", "validation", "matching", "lifecycle", "engine", "lint", "testing"].map((l) => `kubevol/${l}`);
  const code = `const t = performance.now(); await Promise.all(${JSON.stringify(specs)}.map((s) => import(s))); console.log(performance.now() - t);`;
  return { name: "import() of the 8 zod-free layers together", args: ["--input-type=module", "-e", code] };
}

const BASELINE = 'import("kubevol/matching")';
const BASELINE_DIR = process.env.KUBEVOL_BENCH_BASELINE_DIR;
const BASELINE_PROBES: Probe[] =
  BASELINE_DIR === undefined
    ? []
    : [esm("kubevol"), esm("kubevol/matching")].map((p) => ({ ...p, name: `${p.name} (baseline)`, cwd: BASELINE_DIR }));
const PROBES: Probe[] = [
  esm("kubevol"),
  esm("kubevol/matching"),
  esm("kubevol/quantity"),
  esm("kubevol/validation"),
  esm("kubevol/lifecycle"),
  esm("kubevol/engine"),
  esm("kubevol/api"),
  esm("kubevol/admission"),
  esm("zod"),
  zodFreeLayers(),
  cjs("kubevol"),
  cjs("kubevol/matching"),
  ...BASELINE_PROBES,
];

function importRows(): BenchResult[] {
  const samples = new Map<string, number[]>(PROBES.map((p) => [p.name, []]));
  for (let i = 0; i < SAMPLES; i++) {
    for (const p of PROBES) {
      const ms = Number(execFileSync(process.execPath, p.args, { cwd: p.cwd ?? ROOT, encoding: "utf8" }).trim());
      samples.get(p.name)!.push(ms * 1e6);
    }
  }
  const baseline = quantile(samples.get(BASELINE)!, 0.5);
  const baselineOfBaseline = BASELINE_DIR === undefined ? NaN : quantile(samples.get(`${BASELINE} (baseline)`)!, 0.5);
  return PROBES.map((p) => {
    const t = samples.get(p.name)!;
    const mean = t.reduce((a, b) => a + b, 0) / t.length;
    const median = quantile(t, 0.5);
    return {
      name: p.name,
      n: t.length,
      medianNs: median,
      p99Ns: quantile(t, 0.99),
      opsPerSec: 1e9 / mean,
      note:
        p.cwd === undefined
          ? `${(median / baseline).toFixed(2)}× kubevol/matching`
          : `${(median / baselineOfBaseline).toFixed(2)}× the baseline's kubevol/matching, ${(median / baseline).toFixed(2)}× this build's`,
    };
  });
}

interface Packed {
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

function fileType(path: string): string {
  if (path.endsWith(".map")) return "source maps";
  if (/\.d\.c?ts$/.test(path)) return "declarations";
  if (/\.c?js$/.test(path)) return "JavaScript";
  if (path.endsWith(".md")) return "Markdown";
  return "other";
}

function sizeRows(): BenchResult[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" });
  const p = (JSON.parse(out) as Packed[])[0]!;
  const byType = new Map<string, { bytes: number; files: number }>();
  for (const f of p.files) {
    const t = byType.get(fileType(f.path)) ?? { bytes: 0, files: 0 };
    t.bytes += f.size;
    t.files++;
    byType.set(fileType(f.path), t);
  }
  const row = (name: string, n: number, note: string): BenchResult => ({ name, n, medianNs: NaN, p99Ns: NaN, opsPerSec: NaN, note });
  return [
    row(
      "tarball (npm pack)",
      p.files.length,
      `${p.size.toLocaleString("en-US")} B packed, ${p.unpackedSize.toLocaleString("en-US")} B unpacked`,
    ),
    ...[...byType].map(([type, t]) => row(`  ${type}`, t.files, `${t.bytes.toLocaleString("en-US")} B unpacked`)),
  ];
}

const suite: BenchSuite = () => {
  if (!existsSync(`${ROOT}/dist/index.js`)) throw new Error("bench/package.bench.ts measures dist/: run npm run build first");
  return [...importRows(), ...sizeRows()];
};

export default suite;
