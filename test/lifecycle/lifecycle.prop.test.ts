/**
 * Model-based properties: random histories of user actions, controller syncs in random order
 * (some cut short by a crash between the writes of bind()), operation outcomes — then reconcile.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PersistentVolume } from "../../src/api/index.js";
import {
  canTransition,
  completeOperation,
  createClaim,
  isClaimInUse,
  reconcile,
  syncClaim,
  syncClaimProtection,
  syncVolume,
  syncVolumeProtection,
  type Cluster,
  type LifecycleResult,
} from "../../src/lifecycle/index.js";
import { type Action, action, apply, CLAIMS, ctx, EXAMPLES, initialCluster, key, size } from "./histories.js";

// ---- invariants ------------------------------------------------------------------------------

const controllerActors = new Set(["pv-controller", "external-provisioner"]);

/**
 * Checks one step (a single action, or a whole reconcile): the writes are replayed over a shadow
 * copy of the pre-state, so every write is judged against the state it was made in.
 */
function checkStep(pre: Cluster, r: LifecycleResult): void {
  const volumes = new Map(pre.volumes);
  const claims = new Map(pre.claims);
  const owned = (v: PersistentVolume): boolean => {
    const ref = v.spec!.claimRef;
    if (!ref?.uid) return false;
    const claim = claims.get(`${ref.namespace}/${ref.name}`);
    return claim !== undefined && claim.metadata.uid === ref.uid && (!claim.spec.volumeName || claim.spec.volumeName === v.metadata!.name);
  };
  for (const w of r.writes) {
    if (w.kind === "PersistentVolume") {
      const before = volumes.get(w.name);
      const after = w.object;
      if (before !== undefined && controllerActors.has(w.actor)) {
        // A Retain volume is never deleted by the controller; data is never reclaimed (deleted,
        // recycled and unbound) while the claim it belongs to still owns it.
        if (w.verb === "delete") {
          expect(before.spec.persistentVolumeReclaimPolicy).toBe("Delete");
          expect(owned(before), `volume ${w.name} deleted while its claim owns it`).toBe(false);
        }
        if (w.verb === "update" && owned(before) && (after.spec!.claimRef?.uid ?? "") !== before.spec.claimRef?.uid) {
          expect.fail(`volume ${w.name} unbound while its claim owns it`);
        }
      }
      // The system never removes a Bound volume (an admin stripping finalizers can).
      if (w.removed && w.actor !== "user") expect(before?.status?.phase, `Bound volume ${w.name} removed`).not.toBe("Bound");
      if (w.removed) volumes.delete(w.name);
      else volumes.set(w.name, after);
    } else if (w.kind === "PersistentVolumeClaim") {
      const k = `${w.namespace}/${w.name}`;
      const before = claims.get(k);
      // A claim used by a scheduled pod is never removed (pods do not change within a step).
      if (w.removed && before) expect(isClaimInUse(pre, before), `claim ${k} removed while in use`).toBe(false);
      if (w.removed) claims.delete(k);
      else claims.set(k, w.object);
    }
  }
  const post = r.cluster;
  // A Bound claim stays bound to the same volume unless the volume disappears (then Lost).
  for (const [k, cl] of pre.claims) {
    const after = post.claims.get(k);
    if (after === undefined || after.metadata.uid !== cl.metadata.uid) continue;
    if (cl.status?.phase !== "Bound" || !cl.metadata.annotations?.["pv.kubernetes.io/bind-completed"]) continue;
    expect(after.spec.volumeName).toBe(cl.spec.volumeName);
    if (after.status?.phase !== "Bound") {
      expect(after.status?.phase).toBe("Lost");
      const v = post.volumes.get(cl.spec.volumeName ?? "");
      expect(v === undefined || (v.spec.claimRef?.uid ?? "") !== cl.metadata.uid).toBe(true);
    }
  }
  // Phases move only along the phase machines (tracked write by write).
  const phases = new Map<string, string | undefined>();
  for (const [n, v] of pre.volumes) phases.set(`PersistentVolume/${n}/${v.metadata.uid}`, v.status?.phase);
  for (const [k, cl] of pre.claims) phases.set(`PersistentVolumeClaim/${k.slice(8)}/${cl.metadata.uid}`, cl.status?.phase);
  for (const w of r.writes) {
    if (w.kind !== "PersistentVolume" && w.kind !== "PersistentVolumeClaim") continue;
    const obj = w.object;
    const id = `${w.kind}/${w.name}/${obj.metadata.uid}`;
    const from = w.verb === "create" ? null : phases.get(id);
    const to = obj.status?.phase;
    if (w.verb === "create" || w.verb === "updateStatus") {
      expect(canTransition(w.kind, from, to ?? "Pending"), `${w.kind} ${w.name}: ${from} -> ${to}`).toBe(true);
    }
    phases.set(id, to);
  }
  // The shadow replay reproduces the result: writes are complete and in order.
  expect([...volumes.keys()].sort()).toEqual([...post.volumes.keys()].sort());
  expect([...claims.keys()].sort()).toEqual([...post.claims.keys()].sort());
}

/** No volume bound to two claims, no claim bound to two volumes, bindings consistent. */
function checkConverged(c: Cluster): void {
  const byVolume = new Map<string, string>();
  for (const [k, cl] of c.claims) {
    if (cl.status?.phase !== "Bound") continue;
    const vn = cl.spec.volumeName ?? "";
    expect(byVolume.has(vn), `volume ${vn} bound to two claims`).toBe(false);
    byVolume.set(vn, k);
    const v = c.volumes.get(vn);
    expect(v, `Bound claim ${k} without volume`).toBeDefined();
    expect(v!.spec.claimRef?.uid).toBe(cl.metadata.uid);
    expect(v!.status?.phase).toBe("Bound");
  }
  const byClaim = new Map<string, string>();
  for (const [name, v] of c.volumes) {
    if (v.status?.phase !== "Bound") continue;
    // A Bound volume belongs to an existing claim (same UID) that is bound to it — or that
    // cannot finish binding (a half-bound volume that is being deleted or has another volume mode:
    // the matcher skips it and syncVolume waits, exactly as in Kubernetes).
    const ref = v.spec.claimRef;
    const owner = ref ? c.claims.get(`${ref.namespace}/${ref.name}`) : undefined;
    expect(owner?.metadata.uid, `Bound volume ${name} without its claim`).toBe(ref?.uid);
    if ((owner?.spec.volumeName ?? "") === "") {
      const modeMismatch = (owner?.spec.volumeMode ?? "Filesystem") !== (v.spec.volumeMode ?? "Filesystem");
      expect(Boolean(v.metadata.deletionTimestamp) || modeMismatch, `half-bound volume ${name}`).toBe(true);
    } else expect(owner?.spec.volumeName, `Bound volume ${name} whose claim is bound elsewhere`).toBe(name);
    const uid = v.spec.claimRef?.uid ?? "";
    expect(byClaim.has(uid), `claim ${uid} bound to two volumes`).toBe(false);
    byClaim.set(uid, name);
  }
  // Syncing a converged cluster changes nothing.
  for (const k of c.claims.keys()) {
    const r = syncClaim(c, k, ctx);
    expect(r.writes, `syncClaim ${k} after convergence`).toEqual([]);
    // A provisioning retried on every sync (its volume exists but cannot be bound) changes nothing.
    for (const op of r.operations) expect(completeOperation(r.cluster, op, "success", ctx).writes).toEqual([]);
    expect(syncClaimProtection(c, k, ctx).writes).toEqual([]);
  }
  for (const n of c.volumes.keys()) {
    const r = syncVolume(c, n, ctx);
    expect(r.writes, `syncVolume ${n} after convergence`).toEqual([]);
    // Kubernetes retries a reclaim that failed (Failed phase, recycler blocked by pods) on every
    // sync; such a retry changes nothing.
    for (const op of r.operations) {
      expect(completeOperation(r.cluster, op, "success", ctx).writes).toEqual([]);
    }
    expect(syncVolumeProtection(c, n, ctx).writes).toEqual([]);
  }
}

function freezeAll(c: Cluster): Cluster {
  const deep = (o: unknown): void => {
    if (o && typeof o === "object" && !Object.isFrozen(o)) {
      Object.freeze(o);
      for (const v of Object.values(o)) deep(v);
    }
  };
  for (const m of [c.volumes, c.claims, c.classes, c.pods, c.nodes, c.operations] as ReadonlyMap<string, unknown>[])
    for (const v of m.values()) deep(v);
  return c;
}

/** How many histories reached each situation (the test fails if one is never reached). */
const coverage = {
  boundClaim: 0,
  releasedVolume: 0,
  lostClaim: 0,
  crashMidBind: 0,
  controllerDelete: 0,
  recycled: 0,
  provisioned: 0,
  protectedClaim: 0,
  heldVolume: 0,
};

function observe(pre: Cluster, r: LifecycleResult, seen: Set<keyof typeof coverage>): void {
  const c = r.cluster;
  if ([...c.claims.values()].some((x) => x.status?.phase === "Bound")) seen.add("boundClaim");
  if ([...c.volumes.values()].some((x) => x.status?.phase === "Released")) seen.add("releasedVolume");
  if ([...c.claims.values()].some((x) => x.status?.phase === "Lost")) seen.add("lostClaim");
  if (r.crashed && r.writes.some((w) => w.kind === "PersistentVolume")) seen.add("crashMidBind");
  if (r.writes.some((w) => w.kind === "PersistentVolume" && w.verb === "delete" && w.actor !== "user")) seen.add("controllerDelete");
  if (r.events.some((e) => e.reason === "VolumeRecycled")) seen.add("recycled");
  if (r.events.some((e) => e.reason === "ProvisioningSucceeded")) seen.add("provisioned");
  if ([...c.claims.values()].some((x) => x.metadata.deletionTimestamp && isClaimInUse(c, x))) seen.add("protectedClaim");
  if ([...c.volumes.values()].some((x) => x.metadata.deletionTimestamp && x.status?.phase === "Bound")) seen.add("heldVolume");
  void pre;
}

function run(actions: Action[]): void {
  const seen = new Set<keyof typeof coverage>();
  let c = freezeAll(initialCluster());
  for (const a of actions) {
    const r = apply(c, a);
    if (r === undefined) continue;
    checkStep(c, r);
    observe(c, r, seen);
    c = freezeAll(r.cluster);
  }
  // Reconcile with operations left running, then let every operation succeed.
  const reported = reconcile(c, ctx, { maxRounds: 50 });
  expect(reported.converged).toBe(true);
  checkStep(c, { ...reported, crashed: false });
  checkConverged(freezeAll(reported.cluster));
  const simulated = reconcile(reported.cluster, ctx, { maxRounds: 50, completeOperations: "succeed" });
  expect(simulated.converged).toBe(true);
  checkStep(reported.cluster, { ...simulated, crashed: false });
  checkConverged(freezeAll(simulated.cluster));
  observe(c, { ...reported, crashed: false }, seen);
  observe(reported.cluster, { ...simulated, crashed: false }, seen);
  for (const k of seen) coverage[k]++;
}

describe("lifecycle invariants over random histories", () => {
  it("hold for histories of user actions, syncs, crashes and operation outcomes", () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 10, maxLength: 60, size: "medium" }), (actions) => run(actions)),
      {
        numRuns: Number(process.env.KUBEVOL_FC_RUNS ?? 300),
        examples: EXAMPLES.map((e) => [e]),
      },
    );
    // The histories must actually reach the situations the invariants are about.
    for (const [situation, count] of Object.entries(coverage)) expect(count, situation).toBeGreaterThan(0);
    if (process.env.KUBEVOL_FC_COVERAGE) console.log(coverage);
  });

  it("pending provisioning completes into a binding for every claim of a provisioning class", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.constantFrom(...CLAIMS), size, cls: fc.constantFrom("fast", "hp", undefined) }), {
          minLength: 1,
          maxLength: 4,
        }),
        (claims) => {
          let c = initialCluster();
          for (const cl of claims) {
            if (c.claims.has(key(cl.name))) continue;
            c = createClaim(
              c,
              {
                metadata: { name: cl.name },
                spec: {
                  accessModes: ["ReadWriteOnce"],
                  resources: { requests: { storage: cl.size } },
                  ...(cl.cls ? { storageClassName: cl.cls } : {}),
                },
              },
              ctx,
            ).cluster;
          }
          const r = reconcile(c, ctx, { completeOperations: "succeed" });
          expect(r.converged).toBe(true);
          for (const cl of r.cluster.claims.values()) {
            expect(cl.status?.phase).toBe("Bound");
            expect(r.cluster.volumes.get(cl.spec.volumeName!)?.metadata.name).toBe(`pvc-${cl.metadata.uid}`);
          }
          checkConverged(r.cluster);
        },
      ),
      { numRuns: 60 },
    );
  });
});
