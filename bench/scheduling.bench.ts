/**
 * `filterNodes` for a pod with three WaitForFirstConsumer claims (two local, one network) over
 * 5,000 nodes and 100,000 volumes (bench/scheduling-workload.ts), against the reference: the
 * VolumeBinding Filter node by node with the linear matcher (`findPodVolumes` per node), timed on
 * a sample of nodes and extrapolated to all of them (it takes minutes otherwise). Also how
 * `filterNodes` scales with nodes and with volumes, and whether both give the same answers.
 *
 * Run: `node --expose-gc --import tsx bench/run.ts scheduling` (KUBEVOL_BENCH_NODES,
 * KUBEVOL_BENCH_VOLUMES for other sizes).
 */
import { createSchedulingCache, explainPod, filterNodes, findPodVolumes } from "../src/scheduling/index.js";
import type { BenchResult, BenchSuite } from "./harness.js";
import { timeEach } from "./harness.js";
import { schedulingWorkload } from "./scheduling-workload.js";

const NODES = Number(process.env.KUBEVOL_BENCH_NODES ?? 5000);
const VOLUMES = Number(process.env.KUBEVOL_BENCH_VOLUMES ?? 100_000);
const SAMPLE = 30;

const suite: BenchSuite = () => {
  const rows: BenchResult[] = [];
  const { cluster, pod } = schedulingWorkload(NODES, VOLUMES);
  const fast = timeEach(
    `filterNodes: 3 WaitForFirstConsumer claims, ${NODES.toLocaleString("en-US")} nodes`,
    VOLUMES,
    20,
    () => filterNodes(pod, cluster),
    3,
  );
  const cache = createSchedulingCache();
  const warm = timeEach(
    "filterNodes with a caller-owned SchedulingCache (same snapshot)",
    VOLUMES,
    20,
    () => filterNodes(pod, cluster, { cache }),
    3,
  );
  const names = [...cluster.nodes.keys()].sort();
  const step = Math.max(1, Math.floor(names.length / SAMPLE));
  const sample = names.filter((_, i) => i % step === 0).slice(0, SAMPLE);
  const perNode = timeEach(
    "findPodVolumes (linear matcher), one node",
    VOLUMES,
    sample.length,
    (i) => findPodVolumes(pod, sample[i % sample.length]!, cluster),
    3,
  );
  const linearAllNs = perNode.medianNs * NODES;
  // Same answers on the sampled nodes.
  const all = new Map(filterNodes(pod, cluster).map((r) => [r.node, r]));
  let same = 0;
  let feasible = 0;
  for (const n of sample) {
    const a = findPodVolumes(pod, n, cluster);
    const b = all.get(n)!;
    if (
      JSON.stringify([a.reasons, a.bindings, a.provisions]) === JSON.stringify([b.statuses.VolumeBinding.reasons, b.bindings, b.provisions])
    )
      same++;
    if (b.feasible) feasible++;
  }
  rows.push({
    ...fast,
    note: `${(linearAllNs / fast.medianNs).toFixed(0)}× faster than node by node (same answers on ${same}/${sample.length} sampled nodes; ${feasible} of them feasible)`,
  });
  rows.push({
    ...warm,
    note: `${(linearAllNs / warm.medianNs).toFixed(0)}× faster than node by node; ${(fast.medianNs / warm.medianNs).toFixed(1)}× faster than without the cache`,
  });
  rows.push({
    ...perNode,
    note: `× ${NODES.toLocaleString("en-US")} nodes ≈ ${(linearAllNs / 1e9).toFixed(1)} s (extrapolated from ${sample.length} nodes)`,
  });
  const explained = explainPod(pod, cluster);
  const explain = timeEach(
    "explainPod (every node; explainClaim details for the first 20 failing)",
    VOLUMES,
    5,
    () => explainPod(pod, cluster),
    1,
  );
  rows.push({
    ...explain,
    note: `${explained.failing.length.toLocaleString("en-US")} failing nodes explained, ${explained.nodes.length} feasible; ${(explain.medianNs / fast.medianNs).toFixed(1)}× filterNodes`,
  });
  for (const [n, v] of [
    [1000, VOLUMES],
    [20_000, VOLUMES],
    [NODES, 20_000],
    [NODES, 400_000],
  ] as const) {
    const w = schedulingWorkload(n, v);
    const r = timeEach(
      `filterNodes: ${n.toLocaleString("en-US")} nodes, ${v.toLocaleString("en-US")} volumes`,
      v,
      10,
      () => filterNodes(w.pod, w.cluster),
      2,
    );
    rows.push({ ...r, note: `${((r.medianNs / fast.medianNs) * 100).toFixed(0)}% of the 5,000 × 100,000 time` });
  }
  return rows;
};

export default suite;
