/**
 * The binding strategies of `kubevol/binding` at scale:
 *
 * - `optimal` (exact: most claims, then least waste): 10,000 claims over 100,000 volumes, with the
 *   peak memory it adds (max RSS growth) and its time as a ratio to `kubernetes` on the same input.
 * - `replayWorkload` with `kubernetes`: 1,000,000 events (churnWorkload: 400,000 claims created and
 *   deleted, 200,000 volumes created) over a 100,000-volume pool; baseline in the same process: the
 *   bare PV-controller loop (index query + reservation) over the same 400,000 claims.
 * - `kubernetes`: 100,000 claims over 1,000,000 volumes, after the index is built, and a sample of
 *   the same claims with the linear matcher (`findBestMatchForClaim` over the array) for the ratio.
 *
 * Run: `node --expose-gc --import tsx bench/run.ts binding-strategies` (KUBEVOL_BENCH_SCALE=0.1 for a
 * quick run at a tenth of every size; KUBEVOL_BENCH_PARTS=replay for one part).
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../src/api/index.js";
import { planBindings, replayWorkload } from "../src/binding/index.js";
import { findBestMatchForClaim, VolumeIndex } from "../src/matching/index.js";
import { churnWorkload, claims, pool } from "../src/testing/index.js";
import { type BenchResult, type BenchSuite, heapUsed, keep, timeEach } from "./harness.js";

const SCALE = Number(process.env.KUBEVOL_BENCH_SCALE ?? 1);
/** `KUBEVOL_BENCH_PARTS=optimal,replay,kubernetes` (default all) runs only some parts. */
const PARTS = new Set((process.env.KUBEVOL_BENCH_PARTS ?? "optimal,replay,kubernetes").split(","));
const n = (x: number) => Math.max(1, Math.round(x * SCALE));
const clock = () => performance.now();
const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
const maxRssBytes = () => process.resourceUsage().maxRSS * 1024;

function reserve(pv: PersistentVolume, claim: PersistentVolumeClaim): PersistentVolume {
  return {
    ...pv,
    spec: {
      ...pv.spec,
      claimRef: { namespace: claim.metadata!.namespace ?? "", name: claim.metadata!.name ?? "", uid: claim.metadata!.uid },
    },
    status: { ...pv.status, phase: "Bound" },
  };
}

function row(name: string, size: number, totalMs: number, ops: number, note: string): BenchResult {
  const per = (totalMs * 1e6) / ops;
  return { name, n: size, medianNs: per, p99Ns: Number.NaN, opsPerSec: (ops * 1000) / totalMs, note };
}

const suite: BenchSuite = () => {
  const out: BenchResult[] = [];

  // ---- optimal: 10,000 claims over 100,000 volumes -------------------------------------------
  if (PARTS.has("optimal")) {
    const input = { volumes: pool(n(100_000), 42), claims: claims(n(10_000), 7), classes: [] };
    const heap0 = heapUsed();
    const rss0 = maxRssBytes();
    const opt = planBindings(input, { strategy: "optimal", clock });
    const rssGrowth = maxRssBytes() - rss0;
    const heapAfter = heapUsed() - heap0;
    keep(opt);
    const k = planBindings(input, { strategy: "kubernetes", clock });
    const bfd = planBindings(input, { strategy: "best-fit-decreasing", clock });
    out.push(
      row(
        `optimal, ${input.claims.length.toLocaleString("en-US")} claims over ${input.volumes.length.toLocaleString("en-US")} PVs`,
        input.volumes.length,
        opt.metrics.timeMs,
        input.claims.length,
        `**${ms(opt.metrics.timeMs)}**, ${opt.metrics.bound} bound, waste ${opt.metrics.wastedBytes >> 30n} GiB; ${(opt.metrics.timeMs / k.metrics.timeMs).toFixed(1)}× kubernetes (${ms(k.metrics.timeMs)}, ${k.metrics.bound} bound, waste ${k.metrics.wastedBytes >> 30n} GiB); max RSS +${(rssGrowth / 2 ** 20).toFixed(0)} MB, plan kept ${(heapAfter / 2 ** 20).toFixed(0)} MB`,
      ),
      row(
        "best-fit-decreasing, same input",
        input.volumes.length,
        bfd.metrics.timeMs,
        input.claims.length,
        `${ms(bfd.metrics.timeMs)}, ${bfd.metrics.bound} bound, waste ${bfd.metrics.wastedBytes >> 30n} GiB`,
      ),
    );
  }

  // ---- replayWorkload: 1,000,000 events over 100,000 volumes ---------------------------------
  if (PARTS.has("replay")) {
    const w = churnWorkload(
      { claims: n(400_000), volumes: n(100_000), volumeArrivals: n(200_000), meanInterarrivalMs: 1000, meanLifetimeMs: 60_000_000 },
      1,
    );
    const r = replayWorkload(w.events, { volumes: w.volumes, classes: w.classes, clock });
    // Baseline: the index work alone — each claim queried and its volume reserved, each deletion
    // putting the volume back as it was (no reclaim policies, no retries, no series).
    const index = new VolumeIndex(w.volumes);
    const held = new Map<string, PersistentVolume>();
    const t0 = clock();
    let bound = 0;
    for (const e of w.events) {
      if (e.kind === "claim-created") {
        const pv = index.findBestMatchForClaim(e.claim);
        if (pv !== undefined) {
          index.upsert(reserve(pv, e.claim));
          held.set(`${e.claim.metadata!.namespace}/${e.claim.metadata!.name}`, pv);
          bound++;
        }
      } else if (e.kind === "claim-deleted") {
        const pv = held.get(e.claim);
        if (pv !== undefined) index.upsert(pv);
        held.delete(e.claim);
      } else index.upsert(e.volume);
    }
    const baseMs = clock() - t0;
    out.push(
      row(
        `replayWorkload (kubernetes), ${w.events.length.toLocaleString("en-US")} events over ${w.volumes.length.toLocaleString("en-US")} PVs`,
        w.events.length,
        r.totals.timeMs,
        w.events.length,
        `**${ms(r.totals.timeMs)}**, ${r.totals.bindings} binds, max ${r.totals.maxPending} pending; ${(r.totals.timeMs / baseMs).toFixed(1)}× the index work alone (query + reserve per claim, volume back on deletion: ${ms(baseMs)}, ${bound} binds)`,
      ),
    );
  }

  // ---- kubernetes: 100,000 claims over 1,000,000 volumes --------------------------------------
  if (PARTS.has("kubernetes")) {
    const volumes = pool(n(1_000_000), 42);
    const wanted = claims(n(100_000), 7);
    const plan = planBindings({ volumes, claims: wanted, classes: [] }, { strategy: "kubernetes", clock });
    const after = plan.metrics.timeMs - plan.metrics.indexMs;
    const linear = timeEach("linear", volumes.length, 5, (i) => findBestMatchForClaim(wanted[i * 997]!, volumes), 1);
    const perClaimNs = (after * 1e6) / wanted.length;
    out.push(
      row(
        `kubernetes, ${wanted.length.toLocaleString("en-US")} claims over ${volumes.length.toLocaleString("en-US")} PVs (after the index build)`,
        volumes.length,
        after,
        wanted.length,
        `**${ms(after)}** (index build ${ms(plan.metrics.indexMs)}), ${plan.metrics.bound} bound; linear matcher on a sample of 5 claims: ${(linear.medianNs / 1e6).toFixed(1)} ms per claim = **${Math.round(linear.medianNs / perClaimNs).toLocaleString("en-US")}×** slower`,
      ),
    );
  }
  return out;
};

export default suite;
