/**
 * A paired comparison of the `VolumeIndex` of two kubevol checkouts in one process: each sample
 * runs the same operation on both indexes back to back (the order alternating), so load from
 * other processes falls on both sides alike and the ratio B/A is stable where absolute times on a
 * shared machine drift 2×. Not part of `npm run bench` (it needs a second checkout); used for the
 * before/after ratios in docs/benchmarks.md.
 *
 * Run: `A=/path/to/old/checkout node --expose-gc --import tsx bench/compare-index.ts`
 * (B defaults to this checkout; N to 1,000,000 volumes). Both checkouts need their `src/`.
 */
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL("..", import.meta.url));
const A = process.env.A;
const B = process.env.B ?? here;
if (A === undefined) throw new Error("set A to the checkout to compare with (B defaults to this one)");
const ma = await import(`${A}/src/matching/volume-index.ts`);
const mb = await import(`${B}/src/matching/volume-index.ts`);
const { claims, pool } = await import(`${B}/src/testing/index.ts`);
const N = Number(process.env.N ?? 1_000_000);
type Index = { findBestMatchForClaim(c: unknown): unknown; upsert(v: unknown): void; delete(name: string): boolean };
type Volume = { metadata: { name: string; deletionTimestamp?: string }; spec: { claimRef?: unknown }; status?: { phase?: string } };

const volumes = pool(N, 42) as Volume[];
const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const time = (f: () => unknown): number => {
  const s = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - s);
};
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

// Builds: one index alive at a time, a collection before each, the order alternating.
const builds: [number[], number[]] = [[], []];
for (let r = 0; r < 4; r++) {
  for (const side of r % 2 === 0 ? [0, 1] : [1, 0]) {
    gc();
    const m = side === 0 ? ma : mb;
    builds[side]!.push(time(() => new m.VolumeIndex(volumes)));
  }
}
const line = (name: string, a: number, b: number, unit: "ms" | "µs"): void => {
  const f = (x: number) => (unit === "ms" ? (x / 1e6).toFixed(0) : (x / 1e3).toFixed(2));
  console.log(`| ${name} | ${f(a)} ${unit} | ${f(b)} ${unit} | ${(b / a).toFixed(3)} |`);
};
console.log(`| operation (N = ${N.toLocaleString("en-US")}) | A | B | B/A |\n|---|---:|---:|---:|`);
line("build", median(builds[0]), median(builds[1]), "ms");

gc();
const ia = new ma.VolumeIndex(volumes) as Index;
const ib = new mb.VolumeIndex(volumes) as Index;
for (const c of claims(2000, 99)) {
  ia.findBestMatchForClaim(c);
  ib.findBestMatchForClaim(c);
}
const pair = (name: string, n: number, fa: (i: number) => unknown, fb: (i: number) => unknown): void => {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      ta.push(time(() => fa(i)));
      tb.push(time(() => fb(i)));
    } else {
      tb.push(time(() => fb(i)));
      ta.push(time(() => fa(i)));
    }
  }
  line(name, median(ta), median(tb), "µs");
};
// New claim objects for each side, so that every query is a first query.
const fresh = (selector: boolean) =>
  claims(20000, 7).filter((c: { spec?: { selector?: unknown } }) => (c.spec?.selector != null) === selector);
for (const selector of [false, true]) {
  const a = fresh(selector);
  const b = fresh(selector);
  pair(
    `first query, ${selector ? "with" : "no"} selector`,
    a.length,
    (i) => ia.findBestMatchForClaim(a[i]),
    (i) => ib.findBestMatchForClaim(b[i]),
  );
}
const available = volumes.filter((v) => v.status?.phase === "Available" && !v.spec.claimRef && !v.metadata.deletionTimestamp);
const step = Math.max(1, Math.floor(available.length / 20_000));
const sample = available.filter((_, i) => i % step === 0).slice(0, 20_000);
const bound = sample.map((v) => ({
  ...v,
  spec: { ...v.spec, claimRef: { namespace: "ns-00", name: `bench-${v.metadata.name}` } },
  status: { phase: "Bound" },
}));
pair(
  "upsert Available → Bound",
  sample.length,
  (i) => ia.upsert(bound[i]),
  (i) => ib.upsert(bound[i]),
);
pair(
  "upsert Bound → Available",
  sample.length,
  (i) => ia.upsert(sample[i]),
  (i) => ib.upsert(sample[i]),
);
pair(
  "delete",
  sample.length,
  (i) => ia.delete(sample[i]!.metadata.name),
  (i) => ib.delete(sample[i]!.metadata.name),
);
pair(
  "upsert of a new volume",
  sample.length,
  (i) => ia.upsert(sample[i]),
  (i) => ib.upsert(sample[i]),
);
