/**
 * Model-based properties: random histories of user actions, controller syncs in random order
 * (some cut short by a crash between the writes of bind()), operation outcomes — then reconcile.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PersistentVolume, PersistentVolumeClaim } from "../../src/api/index.js";
import {
  canTransition,
  completeOperation,
  createClaim,
  createClass,
  createCluster,
  createNode,
  createPod,
  createVolume,
  deleteClaim,
  deletePod,
  deleteVolume,
  isClaimInUse,
  reconcile,
  syncClaim,
  syncClaimProtection,
  syncVolume,
  syncVolumeProtection,
  updateClaim,
  updatePod,
  updateVolume,
  type Cluster,
  type LifecycleContext,
  type LifecycleResult,
  type OperationOutcome,
  type Write,
} from "../../src/lifecycle/index.js";
import { sc } from "./fixtures.js";

const CLAIMS = ["c0", "c1", "c2", "c3"];
const VOLUMES = ["v0", "v1", "v2", "v3", "v4"];
const PODS = ["p0", "p1", "p2"];
const NODES = ["n1", "n2"];
const ctx: LifecycleContext = { now: "2026-03-01T10:00:00Z", inTreePlugins: ["kubernetes.io/host-path"] };

type Action =
  | { t: "createVolume"; name: string; size: string; cls: string; policy: string; source: "nfs" | "csi" | "hostPath"; preBind: string | null; modes: number }
  | { t: "createClaim"; name: string; size: string; cls: string | undefined; volumeName: string | null; modes: number }
  | { t: "deleteClaim"; index: number }
  | { t: "deleteVolume"; index: number }
  | { t: "createPod"; name: string; claims: string[]; node: string | null }
  | { t: "deletePod"; name: string }
  | { t: "schedulePod"; name: string; node: string }
  | { t: "finishPod"; name: string }
  | { t: "selectNode"; claim: string; node: string }
  | { t: "syncClaim"; index: number; crash: number | null }
  | { t: "syncVolume"; index: number; crash: number | null }
  | { t: "protect" }
  | { t: "complete"; index: number; outcome: "success" | "failure" | "reschedule" | "inUse" }
  | { t: "releaseVolume"; name: string; whole: boolean }
  | { t: "reconcile" }
  | { t: "forceFinalize"; index: number }
  | { t: "setVolumeName"; index: number; volume: string };

const MODES = [["ReadWriteOnce"], ["ReadWriteOnce", "ReadOnlyMany"]] as const;
const size = fc.constantFrom("1Gi", "5Gi", "10Gi");
const claimSize = fc.constantFrom("1Gi", "1Gi", "1Gi", "5Gi", "10Gi");
const volumeSize = fc.constantFrom("1Gi", "5Gi", "10Gi", "10Gi");
const volumeClass = fc.constantFrom("", "", "", "", "fast", "wffc", "local");
const claimClassArb = fc.constantFrom<string | undefined>("", "", "", "", "fast", "fast", undefined, "wffc", "local", "hp");
/** `arb` in one case out of `n`, null otherwise. */
const sometimes = <T,>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
const crash = sometimes(fc.integer({ min: 0, max: 3 }), 3);

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ t: fc.constant("createVolume" as const), name: fc.constantFrom(...VOLUMES), size: volumeSize, cls: volumeClass, policy: fc.constantFrom("Retain", "Delete", "Recycle"), source: fc.constantFrom("nfs" as const, "csi" as const, "hostPath" as const), preBind: sometimes(fc.constantFrom(...CLAIMS), 6), modes: fc.constantFrom(0, 1, 1) }) },
  { weight: 5, arbitrary: fc.record({ t: fc.constant("createClaim" as const), name: fc.constantFrom(...CLAIMS), size: claimSize, cls: claimClassArb, volumeName: sometimes(fc.constantFrom(...VOLUMES), 6), modes: fc.constantFrom(0, 0, 1) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("deleteClaim" as const), index: fc.nat(23) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("deleteVolume" as const), index: fc.nat(23) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("reconcile" as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("forceFinalize" as const), index: fc.nat(23) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("setVolumeName" as const), index: fc.nat(23), volume: fc.constantFrom(...VOLUMES) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("createPod" as const), name: fc.constantFrom(...PODS), claims: fc.subarray(CLAIMS, { minLength: 1, maxLength: 2 }), node: sometimes(fc.constantFrom(...NODES), 2) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("deletePod" as const), name: fc.constantFrom(...PODS) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("schedulePod" as const), name: fc.constantFrom(...PODS), node: fc.constantFrom(...NODES) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("finishPod" as const), name: fc.constantFrom(...PODS) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("selectNode" as const), claim: fc.constantFrom(...CLAIMS), node: fc.constantFrom(...NODES, "ghost") }) },
  { weight: 6, arbitrary: fc.record({ t: fc.constant("syncClaim" as const), index: fc.nat(23), crash }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant("syncVolume" as const), index: fc.nat(23), crash }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("protect" as const) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("complete" as const), index: fc.nat(5), outcome: fc.constantFrom("success" as const, "success" as const, "failure" as const, "reschedule" as const, "inUse" as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("releaseVolume" as const), name: fc.constantFrom(...VOLUMES), whole: fc.boolean() }) },
);

const vol = (name: string, policy: string, source: "nfs" | "csi" | "hostPath" = "nfs"): Action => ({ t: "createVolume", name, size: "10Gi", cls: "", policy, source, preBind: null, modes: 0 });
const claim = (name: string, cls: string | undefined = ""): Action => ({ t: "createClaim", name, size: "1Gi", cls, volumeName: null, modes: 0 });

/** Histories that must be in every run: the scenarios the invariants are about. */
const EXAMPLES: Action[][] = [
  // a Bound volume deleted by the user is held by pv-protection; an admin forcing it away loses the claim
  [vol("v0", "Retain"), claim("c0"), { t: "reconcile" }, { t: "deleteVolume", index: 0 }, { t: "reconcile" },
    { t: "forceFinalize", index: 0 }, { t: "syncClaim", index: 0, crash: null }, vol("v0", "Retain"), { t: "reconcile" }],
  // a Bound claim deleted: Retain stays Released, Delete and Recycle are reclaimed
  [vol("v0", "Retain", "hostPath"), vol("v1", "Delete", "hostPath"), vol("v2", "Recycle"), vol("v3", "Retain", "csi"), vol("v4", "Delete", "csi"),
    claim("c0"), claim("c1"), claim("c2"), claim("c3"), { t: "reconcile" },
    { t: "deleteClaim", index: 0 }, { t: "deleteClaim", index: 1 }, { t: "deleteClaim", index: 2 }, { t: "deleteClaim", index: 3 }],
  // a claim in use by a scheduled pod is deleted
  [vol("v0", "Delete"), claim("c0"), { t: "createPod", name: "p0", claims: ["c0"], node: "n1" }, { t: "reconcile" },
    { t: "deleteClaim", index: 0 }, { t: "reconcile" }, { t: "finishPod", name: "p0" }, { t: "reconcile" }],
  // crashes in the middle of bind() while a second claim competes
  [vol("v0", "Retain"), claim("c0"), claim("c1"), { t: "syncClaim", index: 0, crash: 1 }, { t: "syncClaim", index: 1, crash: null },
    { t: "syncVolume", index: 0, crash: null }, { t: "syncClaim", index: 0, crash: 3 }],
  // a user names another volume while the controller is half-way through binding the first
  [vol("v0", "Retain"), vol("v1", "Retain"), { t: "reconcile" }, claim("c0"), { t: "syncClaim", index: 0, crash: 2 },
    { t: "setVolumeName", index: 0, volume: "v1" }, { t: "reconcile" }],
  // a claim deleted and re-created with the same name before the volume worker notices
  [vol("v0", "Retain"), vol("v1", "Retain"), claim("c0"), { t: "reconcile" }, { t: "deleteClaim", index: 0 }, { t: "protect" },
    claim("c0"), { t: "reconcile" }],
  // dynamic provisioning with failures and rescheduling
  [claim("c0", "fast"), claim("c1", "wffc"), { t: "createPod", name: "p0", claims: ["c1"], node: null }, { t: "reconcile" },
    { t: "selectNode", claim: "c1", node: "n1" }, { t: "reconcile" }, { t: "complete", index: 0, outcome: "reschedule" },
    { t: "complete", index: 0, outcome: "success" }, { t: "reconcile" }, { t: "deleteClaim", index: 0 }, { t: "reconcile" }],
];

function initialCluster(): Cluster {
  let c = createCluster({});
  for (const cls of [
    sc("fast", { isDefault: true, provisioner: "csi.example.com", reclaimPolicy: "Delete" }),
    sc("wffc", { provisioner: "csi.example.com", volumeBindingMode: "WaitForFirstConsumer", reclaimPolicy: "Retain" }),
    sc("local", { provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" }),
    sc("hp", { provisioner: "kubernetes.io/host-path", reclaimPolicy: "Delete" }),
  ]) c = createClass(c, cls, ctx).cluster;
  for (const n of NODES) c = createNode(c, { metadata: { name: n, labels: { "kubernetes.io/hostname": n } } }, ctx).cluster;
  return c;
}

const key = (name: string) => `default/${name}`;
/** The key of an existing object, chosen by index (so actions hit objects that exist). */
const pick = (m: ReadonlyMap<string, unknown>, i: number): string | undefined => {
  const keys = [...m.keys()].sort();
  return keys.length === 0 ? undefined : keys[i % keys.length];
};

/** Applies one action; returns undefined when the action does not apply to this state. */
function apply(c: Cluster, a: Action): LifecycleResult | undefined {
  switch (a.t) {
    case "createVolume": {
      if (c.volumes.has(a.name)) return undefined;
      const source = a.source === "csi" ? { csi: { driver: "csi.example.com", volumeHandle: a.name } } : a.source === "hostPath" ? { hostPath: { path: `/tmp/${a.name}` } } : { nfs: { server: "s", path: `/${a.name}` } };
      const pv: PersistentVolume = {
        metadata: { name: a.name },
        spec: {
          capacity: { storage: a.size },
          accessModes: [...MODES[a.modes]!],
          storageClassName: a.cls,
          persistentVolumeReclaimPolicy: a.policy as "Retain",
          ...(a.preBind ? { claimRef: { kind: "PersistentVolumeClaim", namespace: "default", name: a.preBind } } : {}),
          ...source,
        },
      };
      return createVolume(c, pv, ctx);
    }
    case "createClaim": {
      if (c.claims.has(key(a.name))) return undefined;
      const pvc: PersistentVolumeClaim = {
        metadata: { name: a.name, namespace: "default" },
        spec: {
          accessModes: [...MODES[a.modes]!],
          resources: { requests: { storage: a.size } },
          ...(a.cls !== undefined ? { storageClassName: a.cls } : {}),
          ...(a.volumeName ? { volumeName: a.volumeName } : {}),
        },
      };
      return createClaim(c, pvc, ctx);
    }
    case "deleteClaim": {
      const k = pick(c.claims, a.index);
      return k === undefined ? undefined : deleteClaim(c, k, ctx);
    }
    case "deleteVolume": {
      const k = pick(c.volumes, a.index);
      return k === undefined ? undefined : deleteVolume(c, k, ctx);
    }
    case "createPod":
      if (c.pods.has(key(a.name))) return undefined;
      return createPod(c, {
        metadata: { name: a.name, namespace: "default" },
        spec: { ...(a.node ? { nodeName: a.node } : {}), volumes: a.claims.map((cl, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName: cl } })) },
      }, ctx);
    case "deletePod":
      return c.pods.has(key(a.name)) ? deletePod(c, key(a.name), ctx) : undefined;
    case "schedulePod": {
      const p = c.pods.get(key(a.name));
      if (p === undefined || p.spec?.nodeName) return undefined;
      return updatePod(c, { ...p, spec: { ...p.spec, nodeName: a.node } }, ctx);
    }
    case "finishPod": {
      const p = c.pods.get(key(a.name));
      return p === undefined ? undefined : updatePod(c, { ...p, status: { phase: "Succeeded" } }, ctx);
    }
    case "selectNode": {
      // The scheduler annotates an unbound delayed claim it picked a node for.
      const cl = c.claims.get(key(a.claim));
      if (cl === undefined || cl.spec.volumeName || cl.metadata.deletionTimestamp) return undefined;
      const cls = cl.spec.storageClassName;
      if (cls !== "wffc" && cls !== "local") return undefined;
      return updateClaim(c, { ...cl, metadata: { ...cl.metadata, annotations: { ...cl.metadata.annotations, "volume.kubernetes.io/selected-node": a.node } } }, ctx);
    }
    case "syncClaim": {
      const k = pick(c.claims, a.index);
      return k === undefined ? undefined : syncClaim(c, k, a.crash === null ? ctx : { ...ctx, crashAfterWrites: a.crash });
    }
    case "syncVolume": {
      const k = pick(c.volumes, a.index);
      return k === undefined ? undefined : syncVolume(c, k, a.crash === null ? ctx : { ...ctx, crashAfterWrites: a.crash });
    }
    case "protect": {
      let r: LifecycleResult | undefined;
      let cur = c;
      const writes: Write[] = [];
      for (const k of [...cur.claims.keys()].sort()) { r = syncClaimProtection(cur, k, ctx); cur = r.cluster; writes.push(...r.writes); }
      for (const k of [...cur.volumes.keys()].sort()) { r = syncVolumeProtection(cur, k, ctx); cur = r.cluster; writes.push(...r.writes); }
      return { cluster: cur, writes, events: [], operations: [], crashed: false };
    }
    case "complete": {
      const ops = [...c.operations.values()];
      if (ops.length === 0) return undefined;
      const op = ops[a.index % ops.length]!;
      const outcome: OperationOutcome =
        a.outcome === "success" ? "success" : a.outcome === "failure" ? { ok: false, message: "boom" } : a.outcome === "reschedule" ? { ok: false, message: "boom", reschedule: true } : { ok: false, message: "busy", inUse: true };
      return completeOperation(c, op, outcome, ctx);
    }
    case "reconcile": {
      const r = reconcile(c, ctx, { maxRounds: 50 });
      expect(r.converged).toBe(true);
      return { ...r, crashed: false };
    }
    case "forceFinalize": {
      // An admin strips the finalizers of a volume being deleted: it goes, Bound or not.
      const deleting = new Map([...c.volumes].filter(([, v]) => v.metadata.deletionTimestamp));
      const k = pick(deleting, a.index);
      if (k === undefined) return undefined;
      const v = c.volumes.get(k)!;
      return updateVolume(c, { ...v, metadata: { ...v.metadata, finalizers: [] } }, ctx);
    }
    case "setVolumeName": {
      // The API allows setting volumeName once on a claim that has none: a user (or another
      // binder) racing the controller.
      const k = pick(c.claims, a.index);
      const cl = k === undefined ? undefined : c.claims.get(k)!;
      if (cl === undefined || cl.spec.volumeName) return undefined;
      return updateClaim(c, { ...cl, spec: { ...cl.spec, volumeName: a.volume } }, ctx);
    }
    case "releaseVolume": {
      // An admin makes a Released volume usable again.
      const v = c.volumes.get(a.name);
      if (v === undefined || v.status?.phase !== "Released" || !v.spec.claimRef) return undefined;
      const claimRef = a.whole ? null : { ...v.spec.claimRef, uid: undefined };
      return updateVolume(c, { ...v, spec: { ...v.spec, claimRef } }, ctx);
    }
  }
}

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
    const ref = v.spec.claimRef;
    if (!ref?.uid) return false;
    const claim = claims.get(`${ref.namespace}/${ref.name}`);
    return claim !== undefined && claim.metadata.uid === ref.uid && (!claim.spec.volumeName || claim.spec.volumeName === v.metadata.name);
  };
  for (const w of r.writes) {
    if (w.kind === "PersistentVolume") {
      const before = volumes.get(w.name);
      const after = w.object as PersistentVolume;
      if (before !== undefined && controllerActors.has(w.actor)) {
        // A Retain volume is never deleted by the controller; data is never reclaimed (deleted,
        // recycled and unbound) while the claim it belongs to still owns it.
        if (w.verb === "delete") {
          expect(before.spec.persistentVolumeReclaimPolicy).toBe("Delete");
          expect(owned(before), `volume ${w.name} deleted while its claim owns it`).toBe(false);
        }
        if (w.verb === "update" && owned(before) && (after.spec.claimRef?.uid ?? "") !== before.spec.claimRef?.uid) {
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
      else claims.set(k, w.object as PersistentVolumeClaim);
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
    const obj = w.object as PersistentVolume;
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
    }
    else expect(owner?.spec.volumeName, `Bound volume ${name} whose claim is bound elsewhere`).toBe(name);
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
  for (const m of [c.volumes, c.claims, c.classes, c.pods, c.nodes, c.operations] as ReadonlyMap<string, unknown>[]) for (const v of m.values()) deep(v);
  return c;
}

/** How many histories reached each situation (the test fails if one is never reached). */
const coverage = { boundClaim: 0, releasedVolume: 0, lostClaim: 0, crashMidBind: 0, controllerDelete: 0, recycled: 0, provisioned: 0, protectedClaim: 0, heldVolume: 0 };

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
    fc.assert(fc.property(fc.array(action, { minLength: 10, maxLength: 60, size: "medium" }), (actions) => run(actions)), {
      numRuns: Number(process.env.KUBEVOL_FC_RUNS ?? 300),
      examples: EXAMPLES.map((e) => [e]),
    });
    // The histories must actually reach the situations the invariants are about.
    for (const [situation, count] of Object.entries(coverage)) expect(count, situation).toBeGreaterThan(0);
    if (process.env.KUBEVOL_FC_COVERAGE) console.log(coverage);
  });

  it("pending provisioning completes into a binding for every claim of a provisioning class", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.constantFrom(...CLAIMS), size, cls: fc.constantFrom("fast", "hp", undefined) }), { minLength: 1, maxLength: 4 }), (claims) => {
        let c = initialCluster();
        for (const cl of claims) {
          if (c.claims.has(key(cl.name))) continue;
          c = createClaim(c, { metadata: { name: cl.name }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: cl.size } }, ...(cl.cls ? { storageClassName: cl.cls } : {}) } }, ctx).cluster;
        }
        const r = reconcile(c, ctx, { completeOperations: "succeed" });
        expect(r.converged).toBe(true);
        for (const cl of r.cluster.claims.values()) {
          expect(cl.status?.phase).toBe("Bound");
          expect(r.cluster.volumes.get(cl.spec.volumeName!)?.metadata.name).toBe(`pvc-${cl.metadata.uid}`);
        }
        checkConverged(r.cluster);
      }),
      { numRuns: 60 },
    );
  });
});
