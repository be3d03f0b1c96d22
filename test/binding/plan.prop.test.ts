/**
 * The laws of planBindings: no volume twice, every planned pair passes the matcher's own check,
 * `kubernetes` equals `reconcile`, `optimal` equals a brute force and binds at least as many claims
 * as every other strategy.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimHasClass, claimKey } from "../../src/api/helpers/index.js";
import type { PersistentVolume } from "../../src/api/index.js";
import { BindingError, type BindingProblem, planBindings, STRATEGY_NAMES } from "../../src/binding/index.js";
import { prepare } from "../../src/binding/prepare.js";
import { readSnapshot } from "../../src/binding/snapshot.js";
import { compatibleWith } from "../../src/binding/problem.js";
import { createCluster, reconcile } from "../../src/lifecycle/index.js";
import { matchVolume } from "../../src/matching/index.js";
import { snapshotArb } from "./arbitraries.js";

const now = "2026-02-01T00:00:00Z";

/** The bound pairs of a reconciled cluster: claim Bound, naming a volume whose claimRef carries its uid. */
function boundPairs(cluster: ReturnType<typeof createCluster>): string[] {
  const out: string[] = [];
  for (const [key, c] of cluster.claims) {
    const vn = c.spec.volumeName ?? "";
    const pv = cluster.volumes.get(vn);
    if (c.status?.phase === "Bound" && pv?.spec.claimRef?.uid === c.metadata.uid && pv?.status?.phase === "Bound") out.push(`${key}=${vn}`);
  }
  return out.sort();
}

const pairs = (p: { assignments: readonly { claim: string; volume: string }[] }) =>
  p.assignments.map((a) => `${a.claim}=${a.volume}`).sort();

describe("planBindings", () => {
  it("kubernetes gives the bindings reconcile makes on the same snapshot", () => {
    fc.assert(
      fc.property(snapshotArb(), (s) => {
        const cluster = createCluster(s);
        const plan = planBindings(cluster, { strategy: "kubernetes" });
        const r = reconcile(cluster, { now }, { completeOperations: "report" });
        expect(pairs(plan)).toEqual(boundPairs(r.cluster));
      }),
      { numRuns: 400 },
    );
  });

  it("every strategy partitions the claims, gives no volume twice, and only compatible pairs", () => {
    fc.assert(
      fc.property(snapshotArb(), (s) => {
        const input = createCluster(s);
        for (const strategy of STRATEGY_NAMES) {
          const plan = planBindings(input, { strategy });
          const keys = [...plan.assignments.map((a) => a.claim), ...plan.pending.map((p) => p.claim)].sort();
          expect(keys).toEqual([...input.claims.values()].map(claimKey).sort());
          const vols = plan.assignments.map((a) => a.volume);
          expect(new Set(vols).size).toBe(vols.length);
          for (const a of plan.assignments) {
            if (a.source !== "planned") continue;
            const pv = input.volumes.get(a.volume) as PersistentVolume;
            const claim = input.claims.get(a.claim)!;
            const failed = matchVolume(claim, pv).failed;
            // A class-less claim may bind with the default class (the controller's next round).
            const defaulted = { ...claim, spec: { ...claim.spec, storageClassName: "fast" } };
            const hasDefault = input.classes.get("fast")?.metadata.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true";
            if (failed.length > 0 && hasDefault && !claimHasClass(claim)) expect(matchVolume(defaulted, pv).failed).toEqual([]);
            else expect(failed).toEqual([]);
            expect(pv.spec!.claimRef ?? undefined).toBeUndefined();
          }
          expect(plan.metrics.bound + plan.metrics.pending).toBe(input.claims.size);
          expect(plan.metrics.wastedBytes).toBe(plan.metrics.allocatedBytes - plan.metrics.requestedBytes);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("optimal equals a brute force (count, then waste) and binds at least as many as every strategy", () => {
    fc.assert(
      fc.property(snapshotArb(), (s) => {
        const input = createCluster(s);
        const plans = STRATEGY_NAMES.map((strategy) => planBindings(input, { strategy }));
        const optimal = plans[2]!;
        for (const p of plans) expect(optimal.metrics.bound).toBeGreaterThanOrEqual(p.metrics.bound);
        // Brute force over the free part of the problem.
        const prepared = prepare(readSnapshot(input));
        const cs = prepared.freeClaims;
        const vs = prepared.freeVolumes;
        let best = { n: -1, waste: 0n };
        const used = new Array<boolean>(vs.length).fill(false);
        const go = (i: number, n: number, waste: bigint): void => {
          if (i === cs.length) {
            if (n > best.n || (n === best.n && waste < best.waste)) best = { n, waste };
            return;
          }
          go(i + 1, n, waste);
          for (let k = 0; k < vs.length; k++) {
            if (used[k] || !compatibleWith(cs[i]!, vs[k]!)) continue;
            used[k] = true;
            go(i + 1, n + 1, waste + vs[k]!.capacity!.value() - cs[i]!.decoded.request!.value());
            used[k] = false;
          }
        };
        go(0, 0, 0n);
        const planned = optimal.assignments.filter((a) => a.source === "planned");
        expect(planned.length).toBe(best.n);
        let waste = 0n;
        for (const a of planned) {
          const c = cs.find((x) => x.key === a.claim)!;
          const v = vs.find((x) => x.name === a.volume)!;
          waste += v.capacity!.value() - c.decoded.request!.value();
        }
        expect(waste).toBe(best.waste);
      }),
      { numRuns: 300 },
    );
  });
});

describe("user strategies", () => {
  it("a strategy returning arbitrary pairs gets a typed error or a valid plan, never a wrong one", () => {
    fc.assert(
      fc.property(snapshotArb(), fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { maxLength: 8 }), fc.boolean(), (s, picks, junk) => {
        const input = createCluster(s);
        const strategy = {
          name: "random",
          plan(problem: BindingProblem) {
            const out: unknown[] = picks.map(([c, v]) => ({
              claim: problem.claims[c % Math.max(1, problem.claims.length)]?.key ?? `default/claim-${c}`,
              volume: problem.volumes[v % Math.max(1, problem.volumes.length)]?.name ?? `pv-${v}`,
            }));
            if (junk) out.push({ claim: 1, volume: null });
            return out as { claim: string; volume: string }[];
          },
        };
        let plan: ReturnType<typeof planBindings>;
        try {
          plan = planBindings(input, { strategy });
        } catch (e) {
          expect(e).toBeInstanceOf(BindingError);
          expect((e as BindingError).strategy).toBe("random");
          expect(["InvalidAssignment", "StrategyFailed"]).toContain((e as BindingError).code);
          return;
        }
        const vols = plan.assignments.map((a) => a.volume);
        expect(new Set(vols).size).toBe(vols.length);
        for (const a of plan.assignments.filter((x) => x.source === "planned")) {
          const claim = input.claims.get(a.claim)!;
          const pv = input.volumes.get(a.volume)!;
          const hasDefault = input.classes.get("fast")?.metadata.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true";
          const asWritten = matchVolume(claim, pv).failed.length === 0;
          const withDefault =
            hasDefault &&
            !claimHasClass(claim) &&
            matchVolume({ ...claim, spec: { ...claim.spec, storageClassName: "fast" } }, pv).failed.length === 0;
          expect(asWritten || withDefault).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
