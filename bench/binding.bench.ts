/**
 * Batch binding in Kubernetes' order: 100,000 claims over the seeded 1,000,000-volume pool, taken
 * one after another (the PV controller's queue), each getting `findBestMatchForClaim` from the
 * `VolumeIndex` and then reserving the volume (an `upsert` with the claimRef set, as `bind()` does),
 * so no volume goes to two claims. This is what `kubevol explain` runs over a cluster dump.
 *
 * Run: `node --expose-gc --import tsx bench/run.ts binding` (KUBEVOL_BENCH_N / KUBEVOL_BENCH_M for
 * smaller runs).
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../src/api/index.js";
import { VolumeIndex } from "../src/matching/volume-index.js";
import { claims, pool } from "../src/testing/index.js";
import type { BenchResult, BenchSuite } from "./harness.js";

const N = Number(process.env.KUBEVOL_BENCH_N ?? 1_000_000);
const M = Number(process.env.KUBEVOL_BENCH_M ?? 100_000);

function reserve(pv: PersistentVolume, claim: PersistentVolumeClaim): PersistentVolume {
  return {
    ...pv,
    spec: {
      ...pv.spec,
      claimRef: {
        kind: "PersistentVolumeClaim",
        apiVersion: "v1",
        namespace: claim.metadata!.namespace ?? "default",
        name: claim.metadata!.name ?? "",
      },
    },
    status: { ...pv.status, phase: "Bound" },
  };
}

const suite: BenchSuite = () => {
  const volumes = pool(N, 42);
  const wanted = claims(M, 7);
  const b0 = process.hrtime.bigint();
  const index = new VolumeIndex<PersistentVolume>(volumes);
  const buildNs = Number(process.hrtime.bigint() - b0);
  const per: number[] = new Array<number>(M);
  let bound = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < M; i++) {
    const s = process.hrtime.bigint();
    const claim = wanted[i]!;
    const pv = index.findBestMatchForClaim(claim);
    if (pv) {
      index.upsert(reserve(pv, claim));
      bound++;
    }
    per[i] = Number(process.hrtime.bigint() - s);
  }
  const totalNs = Number(process.hrtime.bigint() - t0);
  per.sort((a, b) => a - b);
  const rows: BenchResult[] = [
    {
      name: `bind ${M.toLocaleString("en-US")} claims in Kubernetes order (query + reserve)`,
      n: N,
      medianNs: per[Math.floor(M / 2)]!,
      p99Ns: per[Math.ceil(M * 0.99) - 1]!,
      opsPerSec: (M * 1e9) / totalNs,
      note: `total ${(totalNs / 1e9).toFixed(2)} s for ${M.toLocaleString("en-US")} claims (${bound.toLocaleString("en-US")} bound); index build before it ${(buildNs / 1e9).toFixed(2)} s`,
    },
  ];
  return rows;
};

export default suite;
