/**
 * The PV controller's lifecycle on the benchmark workload (docs/benchmarks.md): `reconcile` to convergence with every
 * operation succeeding (`kubevol simulate`) on N volumes / N claims, and the latency of one
 * `syncClaim` on a 100k-volume cluster — the public function (Kubernetes' linear scan over a
 * snapshot) and the path `reconcile` takes (a VolumeIndex kept in step, writes into a working copy).
 *
 * Run: `node --expose-gc --import tsx bench/run.ts lifecycle`.
 * Environment: KUBEVOL_BENCH_LIFECYCLE_SIZES (default "1000,10000,50000"),
 * KUBEVOL_BENCH_LIFECYCLE_PLAIN (largest size also run with the plain algorithm; default 1000),
 * KUBEVOL_BENCH_SYNC_N (default 100000).
 */
import type { PersistentVolumeClaim, StorageClass } from "../src/api/index.js";
import { createCluster, syncClaim, type Cluster, type ReconcileResult } from "../src/lifecycle/index.js";
import { reconcileWith, type ReconcileStrategy } from "../src/lifecycle/reconcile.js";
import { syncClaimWithMatcher } from "../src/lifecycle/sync-claim.js";
import { ClusterVolumeMatcher } from "../src/lifecycle/volume-matcher.js";
import { closeWorkingCopy, openWorkingCopy } from "../src/lifecycle/working-copy.js";
import { claims, LOCAL_CLASS, pool, STORAGE_CLASSES } from "../src/testing/index.js";
import { type BenchResult, type BenchSuite, heapUsed, keep, quantile } from "./harness.js";

const SIZES = (process.env.KUBEVOL_BENCH_LIFECYCLE_SIZES ?? "1000,10000,50000").split(",").map(Number);
const PLAIN_UP_TO = Number(process.env.KUBEVOL_BENCH_LIFECYCLE_PLAIN ?? 1000);
const SYNC_N = Number(process.env.KUBEVOL_BENCH_SYNC_N ?? 100_000);
const SYNC_SAMPLES = 200;
const ctx = { now: "2026-03-01T10:00:00Z" };

/**
 * The workload's storage classes as objects: network classes bind Immediately through an
 * external provisioner; `local-storage` waits for a consumer and has no provisioner.
 */
function workloadClasses(): StorageClass[] {
  return STORAGE_CLASSES.filter((n) => n !== "").map((name) => ({
    metadata: { name },
    provisioner: name === LOCAL_CLASS ? "kubernetes.io/no-provisioner" : "csi.example.com",
    volumeBindingMode: name === LOCAL_CLASS ? "WaitForFirstConsumer" : "Immediate",
    reclaimPolicy: "Delete",
  }));
}

function workload(volumes: number, claimCount: number): Cluster {
  return createCluster({ volumes: pool(volumes, 42), claims: claims(claimCount, 43), classes: workloadClasses() });
}

function describeRun(r: ReconcileResult): string {
  let bound = 0;
  for (const c of r.cluster.claims.values()) if (c.status?.phase === "Bound") bound++;
  return `${r.rounds} rounds, converged ${r.converged}, ${r.writes.length} writes, ${r.events.length} events, ${bound}/${r.cluster.claims.size} claims Bound, ${r.cluster.volumes.size} volumes after`;
}

function timeReconcile(n: number, strategy: ReconcileStrategy, label: string): BenchResult {
  const cluster = workload(n, n);
  heapUsed();
  const t0 = process.hrtime.bigint();
  const r = reconcileWith(cluster, ctx, { completeOperations: "succeed" }, strategy);
  const ns = Number(process.hrtime.bigint() - t0);
  keep(r);
  return { name: `reconcile to convergence, ${label}`, n, medianNs: ns, p99Ns: ns, opsPerSec: 1e9 / ns, note: `1 run; ${describeRun(r)}` };
}

function row(name: string, n: number, samples: number[], note: string): BenchResult {
  const total = samples.reduce((a, b) => a + b, 0);
  return { name, n, medianNs: quantile(samples, 0.5), p99Ns: quantile(samples, 0.99), opsPerSec: (samples.length * 1e9) / total, note };
}

/** One syncClaim per unbound claim, each on the same base cluster (nothing accumulates). */
function timeSyncClaim(rows: BenchResult[]): void {
  const base = workload(SYNC_N, SYNC_SAMPLES);
  const keys = [...base.claims.keys()].sort();
  const unbound = (k: string) => base.claims.get(k) as PersistentVolumeClaim;
  let bound = 0;
  const linear: number[] = [];
  for (const k of keys) {
    const t0 = process.hrtime.bigint();
    const r = syncClaim(base, k, ctx);
    linear.push(Number(process.hrtime.bigint() - t0));
    if (r.cluster.claims.get(k)?.status?.phase === "Bound") bound++;
    keep(r);
  }
  rows.push(
    row("syncClaim (public: linear scan, snapshot copy per write)", SYNC_N, linear, `${keys.length} claims, ${bound} bound by their sync`),
  );

  // reconcile's path: an index kept in step and a working copy. Each sample starts from a fresh
  // working copy so every claim sees the same volumes; the index is built once (timed apart).
  const b0 = process.hrtime.bigint();
  const work = openWorkingCopy(base);
  const matcher = new ClusterVolumeMatcher(work);
  const buildNs = Number(process.hrtime.bigint() - b0);
  rows.push({
    name: "working copy + VolumeIndex build (once per reconcile)",
    n: SYNC_N,
    medianNs: buildNs,
    p99Ns: buildNs,
    opsPerSec: 1e9 / buildNs,
    note: "",
  });
  const indexed: number[] = [];
  let current = work;
  for (const k of keys) {
    keep(unbound(k));
    const t0 = process.hrtime.bigint();
    const r = syncClaimWithMatcher(current, k, ctx, matcher);
    matcher.follow(current, r.cluster, r.writes);
    indexed.push(Number(process.hrtime.bigint() - t0));
    current = r.cluster;
  }
  closeWorkingCopy(work);
  rows.push(
    row(
      "syncClaim (reconcile's path: VolumeIndex, in-place writes, index upkeep)",
      SYNC_N,
      indexed,
      `${keys.length} claims in sequence (each bind removes a volume from the candidates)`,
    ),
  );
}

const suite: BenchSuite = () => {
  const rows: BenchResult[] = [];
  for (const n of SIZES) {
    if (n <= PLAIN_UP_TO) rows.push(timeReconcile(n, { index: false, workingCopy: false }, "plain (linear scan, map copy per write)"));
    rows.push(timeReconcile(n, {}, "reconcile()"));
  }
  timeSyncClaim(rows);
  return rows;
};

export default suite;
