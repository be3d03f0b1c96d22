/**
 * Quantity benchmarks: parsing typical capacity strings (target: parseQuantity("10Gi") ≥ 5 M/s),
 * comparison (the matcher's hot operation), canonical printing and addition.
 */
import { Quantity, parseQuantity } from "../src/quantity/index.js";
import { timeBatched, type BenchResult, type BenchSuite } from "./harness.js";

const BATCHES = 200;
const BATCH = 20_000;

/** Capacities shaped like the benchmark workload (docs/benchmarks.md): 1Gi–16Ti, mostly binary, some decimal (seeded LCG). */
function capacityStrings(n: number): string[] {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const gi = Math.round(2 ** (rnd() * 14));
    out.push(rnd() < 0.1 ? `${Math.round(gi * 1.073741824)}G` : gi >= 1024 && gi % 1024 === 0 ? `${gi / 1024}Ti` : `${gi}Gi`);
  }
  return out;
}

const suite: BenchSuite = () => {
  const rows: BenchResult[] = [];
  for (const s of ["10Gi", "500G", "1.5Gi", "100m", "1.500k", "12345678901234567890"]) {
    rows.push(timeBatched(`parseQuantity("${s}")`, 1, BATCHES, BATCH, () => parseQuantity(s)));
  }
  const mix = capacityStrings(4096);
  rows.push(timeBatched("parseQuantity(workload mix)", mix.length, BATCHES, BATCH, (i) => parseQuantity(mix[i & 4095]!)));

  const qs = mix.map(parseQuantity);
  rows.push(timeBatched("cmp (workload mix)", qs.length, BATCHES, BATCH * 5, (i) => qs[i & 4095]!.cmp(qs[(i * 7 + 1) & 4095]!)));
  const a = parseQuantity("10Gi");
  const b = parseQuantity("10240Mi");
  rows.push(timeBatched("cmp equal values (10Gi vs 10240Mi)", 1, BATCHES, BATCH * 5, () => a.cmp(b)));
  const big1 = parseQuantity("200E");
  const big2 = parseQuantity("200000000000000000000.000000001");
  rows.push(timeBatched("cmp beyond 2^53, equal doubles (exact path)", 1, BATCHES, BATCH, () => big1.cmp(big2)));

  const nonCached = ["1024Mi", "1.5Gi", "16Gi", "1000", "0.5", "1e4", "200E", "1.0E"];
  rows.push(
    timeBatched("parseQuantity(s).canonical() (uncached forms)", nonCached.length, BATCHES, BATCH, (i) =>
      parseQuantity(nonCached[i & 7]!).canonical(),
    ),
  );
  rows.push(timeBatched("canonical() memoised", qs.length, BATCHES, BATCH * 5, (i) => qs[i & 4095]!.canonical()));
  rows.push(timeBatched("add (workload mix)", qs.length, BATCHES, BATCH, (i) => qs[i & 4095]!.add(qs[(i + 1) & 4095]!)));
  rows.push(timeBatched("value() (workload mix)", qs.length, BATCHES, BATCH, (i) => qs[i & 4095]!.value()));
  rows.push(timeBatched("Quantity.fromValue(n, BinarySI)", 1, BATCHES, BATCH, (i) => Quantity.fromValue(i * 1024, "BinarySI")));
  return rows;
};

export default suite;
