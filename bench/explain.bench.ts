/**
 * Explanations on the benchmark workload (docs/benchmarks.md): one claim explained against a seeded
 * pool of KUBEVOL_BENCH_EXPLAIN_N volumes (default 50,000) with `maxVolumes: 20`. `explainClaim` is
 * the one-off function: it keeps nothing between calls, so every call decodes the pool. A
 * `PoolExplainer` the caller creates keeps the decoded pool (and the shape tables) between calls,
 * as `kubevol explain` does for every Pending claim; its warm calls are the target (≤ 10 ms median
 * at 50,000 volumes). Claims of a shape seen before (same class, modes, volume mode, VAC,
 * selector; other request) are answered from the shape's table.
 *
 * Run: `node --expose-gc --import tsx bench/run.ts explain`
 * (KUBEVOL_BENCH_EXPLAIN_N / KUBEVOL_BENCH_EXPLAIN_SAMPLES to resize).
 */
import type { StorageClass } from "../src/api/index.js";
import { explainClaim, PoolExplainer } from "../src/matching/index.js";
import { claims, pool } from "../src/testing/index.js";
import { type BenchResult, type BenchSuite, keep, timeEach } from "./harness.js";

const N = Number(process.env.KUBEVOL_BENCH_EXPLAIN_N ?? 50_000);
const SAMPLES = Number(process.env.KUBEVOL_BENCH_EXPLAIN_SAMPLES ?? 200);

/** The workload's classes: network classes provision through a CSI driver, local-storage does not. */
function workloadClasses(): StorageClass[] {
  const sc = (name: string, provisioner: string, wffc: boolean): StorageClass => ({
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name },
    provisioner,
    volumeBindingMode: wffc ? "WaitForFirstConsumer" : "Immediate",
  });
  return [
    ...["standard", "fast", "slow", "gold", "silver", "archive"].map((n) => sc(n, "csi.example.com", false)),
    sc("local-storage", "kubernetes.io/no-provisioner", true),
  ];
}

const suite: BenchSuite = () => {
  const rows: BenchResult[] = [];
  const volumes = pool(N, 42);
  const classes = workloadClasses();
  const cs = claims(Math.max(SAMPLES, 100), 7);
  const opts = { classes, maxVolumes: 20 };

  // CPU time per call as well: on a shared machine it is steadier than wall-clock time.
  const withCpu = (run: () => BenchResult, samples: number, note: string): BenchResult => {
    const c0 = process.cpuUsage();
    const r = run();
    const cpu = process.cpuUsage(c0);
    return { ...r, note: `${note}; CPU ${((cpu.user + cpu.system) / 1000 / (samples + 5)).toFixed(2)} ms/call (mean, incl. warm-up)` };
  };

  // One-off: explainClaim decodes the whole pool on every call.
  const oneOff = timeEach(
    "explainClaim (one-off: decodes the pool)",
    N,
    Math.min(SAMPLES, 20),
    (i) => explainClaim(cs[i % cs.length]!, volumes, opts),
    2,
  );
  rows.push({ ...oneOff, note: "maxVolumes 20; the baseline of the rows below" });

  // Cold: a new PoolExplainer and its first explanation (decodes every volume).
  const s = process.hrtime.bigint();
  const explainer = new PoolExplainer(volumes);
  keep(explainer.explain(cs[0]!, opts));
  const coldNs = Number(process.hrtime.bigint() - s);
  rows.push({
    name: "PoolExplainer: build + first explanation",
    n: N,
    medianNs: coldNs,
    p99Ns: coldNs,
    opsPerSec: 1e9 / coldNs,
    note: "maxVolumes 20",
  });
  const vsOneOff = (r: BenchResult): string => `${(oneOff.medianNs / r.medianNs).toFixed(0)}× faster than one-off`;

  const warm = withCpu(
    () => timeEach("PoolExplainer.explain, warm (controller mode)", N, SAMPLES, (i) => explainer.explain(cs[i % cs.length]!, opts), 5),
    SAMPLES,
    `maxVolumes 20; ${SAMPLES} different claims`,
  );
  rows.push({ ...warm, note: `${warm.note}; ${vsOneOff(warm)}` });

  const node = { name: "node-0007", labels: { "kubernetes.io/hostname": "node-0007" } };
  rows.push(
    withCpu(
      () =>
        timeEach(
          "PoolExplainer.explain, warm (scheduler mode, one node)",
          N,
          SAMPLES,
          (i) => explainer.explain(cs[i % cs.length]!, { ...opts, node, mode: "scheduler" }),
          5,
        ),
      SAMPLES,
      "maxVolumes 20",
    ),
  );

  // The CLI's case: many claims sharing a shape (class, modes, volume mode, selector, ...) and
  // differing in their request, answered from the shape's table (one build per shape).
  const shapes = cs.slice(0, 10);
  const sized = cs.map((c, i) => ({
    ...shapes[i % shapes.length]!,
    spec: { ...shapes[i % shapes.length]!.spec, resources: c.spec!.resources },
  }));
  for (const c of shapes) keep(explainer.explain(c, opts));
  rows.push(
    withCpu(
      () =>
        timeEach(
          "PoolExplainer.explain, warm, 10 shapes, varying requests",
          N,
          SAMPLES,
          (i) => explainer.explain(sized[i % sized.length]!, opts),
          5,
        ),
      SAMPLES,
      "maxVolumes 20; shape tables built",
    ),
  );

  const all = timeEach(
    "PoolExplainer.explain, warm, every volume described",
    N,
    Math.min(SAMPLES, 10),
    (i) => explainer.explain(cs[i % cs.length]!, { classes }),
    1,
  );
  rows.push({ ...all, note: "no maxVolumes: a sentence for every volume" });
  return rows;
};

export default suite;
