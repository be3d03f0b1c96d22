/**
 * `explainClaim` on the benchmark workload (docs/benchmarks.md): one claim explained against a seeded pool of
 * KUBEVOL_BENCH_EXPLAIN_N volumes (default 50,000) with `maxVolumes: 20`, as `kubevol explain`
 * calls it for every Pending claim. The first call over the pool decodes every volume (cold); later
 * calls over the same PV objects reuse the decoded volumes (warm), which is the target
 * (≤ 10 ms median at 50,000 volumes). Claims of a shape seen before (same class, modes, volume
 * mode, VAC, selector; other request) are answered from the shape's table.
 *
 * Run: `node --expose-gc --import tsx bench/run.ts explain`
 * (KUBEVOL_BENCH_EXPLAIN_N / KUBEVOL_BENCH_EXPLAIN_SAMPLES to resize).
 */
import type { StorageClass } from "../src/api/index.js";
import { explainClaim } from "../src/matching/index.js";
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

  // Cold: the very first explanation over this pool (decodes every volume).
  const s = process.hrtime.bigint();
  keep(explainClaim(cs[0]!, volumes, opts));
  const coldNs = Number(process.hrtime.bigint() - s);
  rows.push({
    name: "explainClaim, first call (cold decode)",
    n: N,
    medianNs: coldNs,
    p99Ns: coldNs,
    opsPerSec: 1e9 / coldNs,
    note: "maxVolumes 20",
  });

  // CPU time per call as well: on a shared machine it is steadier than wall-clock time.
  const withCpu = (run: () => BenchResult, samples: number, note: string): BenchResult => {
    const c0 = process.cpuUsage();
    const r = run();
    const cpu = process.cpuUsage(c0);
    return { ...r, note: `${note}; CPU ${((cpu.user + cpu.system) / 1000 / (samples + 5)).toFixed(2)} ms/call (mean, incl. warm-up)` };
  };
  rows.push(
    withCpu(
      () => timeEach("explainClaim, warm (controller mode)", N, SAMPLES, (i) => explainClaim(cs[i % cs.length]!, volumes, opts), 5),
      SAMPLES,
      `maxVolumes 20; ${SAMPLES} different claims`,
    ),
  );

  const node = { name: "node-0007", labels: { "kubernetes.io/hostname": "node-0007" } };
  rows.push(
    withCpu(
      () =>
        timeEach(
          "explainClaim, warm (scheduler mode, one node)",
          N,
          SAMPLES,
          (i) => explainClaim(cs[i % cs.length]!, volumes, { ...opts, node, mode: "scheduler" }),
          5,
        ),
      SAMPLES,
      "maxVolumes 20",
    ),
  );

  // A fresh array of the same PV objects per call, as the CLI passes `[...index]`.
  const copies = timeEach(
    "explainClaim, warm, new array per call",
    N,
    Math.min(SAMPLES, 50),
    (i) => explainClaim(cs[i % cs.length]!, [...volumes], opts),
    2,
  );
  rows.push({ ...copies, note: "maxVolumes 20; `[...volumes]` each call" });

  // The CLI's case: many claims sharing a shape (class, modes, volume mode, selector, ...) and
  // differing in their request, answered from the shape's table (one build per shape).
  const shapes = cs.slice(0, 10);
  const sized = cs.map((c, i) => ({
    ...shapes[i % shapes.length]!,
    spec: { ...shapes[i % shapes.length]!.spec, resources: c.spec!.resources },
  }));
  for (const c of shapes) keep(explainClaim(c, volumes, opts));
  rows.push(
    withCpu(
      () =>
        timeEach(
          "explainClaim, warm, 10 shapes, varying requests",
          N,
          SAMPLES,
          (i) => explainClaim(sized[i % sized.length]!, volumes, opts),
          5,
        ),
      SAMPLES,
      "maxVolumes 20; shape tables built",
    ),
  );

  const all = timeEach(
    "explainClaim, warm, every volume described",
    N,
    Math.min(SAMPLES, 10),
    (i) => explainClaim(cs[i % cs.length]!, volumes, { classes }),
    1,
  );
  rows.push({ ...all, note: "no maxVolumes: a sentence for every volume" });
  return rows;
};

export default suite;
