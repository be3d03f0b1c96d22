/**
 * reconcile's fast strategy (a VolumeIndex kept in step with the volumes, and a private working
 * copy written in place) gives exactly the plain algorithm's result (a linear scan per claim, a
 * new map per write): same final cluster, writes, events, operations, errors and rounds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StorageClass } from "../../src/api/index.js";
import { createCluster, reconcile, type Cluster, type ReconcileOptions, type ReconcileResult } from "../../src/lifecycle/index.js";
import { reconcileWith, type ReconcileStrategy } from "../../src/lifecycle/reconcile.js";
import { claims, LOCAL_CLASS, pool, STORAGE_CLASSES } from "../../src/testing/index.js";
import { action, apply, ctx, EXAMPLES, initialCluster } from "./histories.js";

const PLAIN: ReconcileStrategy = { index: false, workingCopy: false };
const MIXED: readonly ReconcileStrategy[] = [
  { index: true, workingCopy: false },
  { index: false, workingCopy: true },
];

/** Everything a reconcile result says, as plain data (maps as sorted entry lists). */
function snapshot(r: ReconcileResult): unknown {
  const c = r.cluster;
  const entries = (m: ReadonlyMap<string, unknown>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    cluster: {
      volumes: entries(c.volumes),
      claims: entries(c.claims),
      classes: entries(c.classes),
      pods: entries(c.pods),
      nodes: entries(c.nodes),
      operations: entries(c.operations),
      revision: c.revision,
    },
    rounds: r.rounds,
    converged: r.converged,
    writes: r.writes,
    events: r.events,
    operations: r.operations,
    pending: r.pending,
    errors: r.errors,
  };
}

function deepFreeze(o: unknown): void {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
}

/** Runs the strategies over `c` and compares them with the plain algorithm; returns the default's result. */
function compareStrategies(c: Cluster, options: ReconcileOptions, mixed: boolean): ReconcileResult {
  const inputBefore = snapshot({ cluster: c } as ReconcileResult);
  const plain = reconcileWith(c, ctx, options, PLAIN);
  const fast = reconcile(c, ctx, options);
  expect(snapshot(fast)).toEqual(snapshot(plain));
  if (mixed) for (const s of MIXED) expect(snapshot(reconcileWith(c, ctx, options, s))).toEqual(snapshot(plain));
  // The input snapshot is untouched (the working copy is private) ...
  expect(snapshot({ cluster: c } as ReconcileResult)).toEqual(inputBefore);
  // ... and the returned one is an ordinary immutable snapshot: stepping on it never changes it.
  const after = snapshot({ cluster: fast.cluster } as ReconcileResult);
  reconcile(fast.cluster, ctx, options);
  expect(snapshot({ cluster: fast.cluster } as ReconcileResult)).toEqual(after);
  return fast;
}

describe("reconcile: the index and working copy change nothing but speed", () => {
  it("over random histories of user actions, syncs, crashes and operation outcomes", () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 10, maxLength: 40, size: "medium" }), fc.boolean(), (actions, succeed) => {
        let c = initialCluster();
        let compared = 0;
        for (const a of actions) {
          // Compare at every reconcile of the history, from the state just before it.
          if (a.t === "reconcile") {
            c = compareStrategies(c, { maxRounds: 50 }, compared++ < 2).cluster;
            continue;
          }
          const r = apply(c, a);
          if (r !== undefined) c = r.cluster;
        }
        compareStrategies(c, { maxRounds: 50, ...(succeed ? { completeOperations: "succeed" } : {}) }, true);
      }),
      { numRuns: Number(process.env.KUBEVOL_FC_RUNS ?? 60), examples: EXAMPLES.map((e) => [e, true] as [typeof e, boolean]) },
    );
  });

  it("over generated pools and claims (selectors, node affinity, pre-bound, Released and deleting volumes)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.subarray(
          STORAGE_CLASSES.filter((n) => n !== ""),
          { minLength: 0 },
        ),
        fc.boolean(),
        fc.constantFrom(1, 3, 100),
        (nv, nc, seed, withClass, wffc, maxRounds) => {
          // Classes the claims name but the cluster lacks make their syncs fail (as in Kubernetes).
          const classes: StorageClass[] = withClass.map((name) => ({
            metadata: { name },
            provisioner: name === LOCAL_CLASS ? "kubernetes.io/no-provisioner" : "csi.example.com",
            volumeBindingMode: name === LOCAL_CLASS || wffc ? "WaitForFirstConsumer" : "Immediate",
            reclaimPolicy: "Delete",
          }));
          const cluster = createCluster({ volumes: pool(nv, seed), claims: claims(nc, seed + 1), classes });
          deepFreeze([...cluster.volumes.values(), ...cluster.claims.values()]);
          const r = compareStrategies(cluster, { maxRounds, completeOperations: "succeed" }, true);
          if (maxRounds === 100) expect(r.converged).toBe(true);
        },
      ),
      { numRuns: Number(process.env.KUBEVOL_FC_RUNS ?? 40) },
    );
  });
});
