/**
 * Random histories shared by the lifecycle properties: user actions, controller syncs in random
 * order (some cut short by a crash between the writes of bind()), operation outcomes, reconciles.
 */
import fc from "fast-check";
import { expect } from "vitest";
import type { PersistentVolume, PersistentVolumeClaim } from "../../src/api/index.js";
import {
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

export const CLAIMS = ["c0", "c1", "c2", "c3"];
export const VOLUMES = ["v0", "v1", "v2", "v3", "v4"];
export const PODS = ["p0", "p1", "p2"];
export const NODES = ["n1", "n2"];
export const ctx: LifecycleContext = { now: "2026-03-01T10:00:00Z", inTreePlugins: ["kubernetes.io/host-path"] };

export type Action =
  | {
      t: "createVolume";
      name: string;
      size: string;
      cls: string;
      policy: string;
      source: "nfs" | "csi" | "hostPath";
      preBind: string | null;
      modes: number;
    }
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

export const MODES = [["ReadWriteOnce"], ["ReadWriteOnce", "ReadOnlyMany"]] as const;
export const size = fc.constantFrom("1Gi", "5Gi", "10Gi");
export const claimSize = fc.constantFrom("1Gi", "1Gi", "1Gi", "5Gi", "10Gi");
const volumeSize = fc.constantFrom("1Gi", "5Gi", "10Gi", "10Gi");
const volumeClass = fc.constantFrom("", "", "", "", "fast", "wffc", "local");
const claimClassArb = fc.constantFrom<string | undefined>("", "", "", "", "fast", "fast", undefined, "wffc", "local", "hp");
/** `arb` in one case out of `n`, null otherwise. */
const sometimes = <T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
const crash = sometimes(fc.integer({ min: 0, max: 3 }), 3);

export const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant("createVolume" as const),
      name: fc.constantFrom(...VOLUMES),
      size: volumeSize,
      cls: volumeClass,
      policy: fc.constantFrom("Retain", "Delete", "Recycle"),
      source: fc.constantFrom("nfs" as const, "csi" as const, "hostPath" as const),
      preBind: sometimes(fc.constantFrom(...CLAIMS), 6),
      modes: fc.constantFrom(0, 1, 1),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant("createClaim" as const),
      name: fc.constantFrom(...CLAIMS),
      size: claimSize,
      cls: claimClassArb,
      volumeName: sometimes(fc.constantFrom(...VOLUMES), 6),
      modes: fc.constantFrom(0, 0, 1),
    }),
  },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("deleteClaim" as const), index: fc.nat(23) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("deleteVolume" as const), index: fc.nat(23) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("reconcile" as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("forceFinalize" as const), index: fc.nat(23) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("setVolumeName" as const), index: fc.nat(23), volume: fc.constantFrom(...VOLUMES) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("createPod" as const),
      name: fc.constantFrom(...PODS),
      claims: fc.subarray(CLAIMS, { minLength: 1, maxLength: 2 }),
      node: sometimes(fc.constantFrom(...NODES), 2),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("deletePod" as const), name: fc.constantFrom(...PODS) }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant("schedulePod" as const), name: fc.constantFrom(...PODS), node: fc.constantFrom(...NODES) }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("finishPod" as const), name: fc.constantFrom(...PODS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant("selectNode" as const),
      claim: fc.constantFrom(...CLAIMS),
      node: fc.constantFrom(...NODES, "ghost"),
    }),
  },
  { weight: 6, arbitrary: fc.record({ t: fc.constant("syncClaim" as const), index: fc.nat(23), crash }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant("syncVolume" as const), index: fc.nat(23), crash }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("protect" as const) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant("complete" as const),
      index: fc.nat(5),
      outcome: fc.constantFrom("success" as const, "success" as const, "failure" as const, "reschedule" as const, "inUse" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("releaseVolume" as const), name: fc.constantFrom(...VOLUMES), whole: fc.boolean() }) },
);

const vol = (name: string, policy: string, source: "nfs" | "csi" | "hostPath" = "nfs"): Action => ({
  t: "createVolume",
  name,
  size: "10Gi",
  cls: "",
  policy,
  source,
  preBind: null,
  modes: 0,
});
const claim = (name: string, cls: string | undefined = ""): Action => ({
  t: "createClaim",
  name,
  size: "1Gi",
  cls,
  volumeName: null,
  modes: 0,
});

/** Histories that must be in every run: the scenarios the invariants are about. */
export const EXAMPLES: Action[][] = [
  // a Bound volume deleted by the user is held by pv-protection; an admin forcing it away loses the claim
  [
    vol("v0", "Retain"),
    claim("c0"),
    { t: "reconcile" },
    { t: "deleteVolume", index: 0 },
    { t: "reconcile" },
    { t: "forceFinalize", index: 0 },
    { t: "syncClaim", index: 0, crash: null },
    vol("v0", "Retain"),
    { t: "reconcile" },
  ],
  // a Bound claim deleted: Retain stays Released, Delete and Recycle are reclaimed
  [
    vol("v0", "Retain", "hostPath"),
    vol("v1", "Delete", "hostPath"),
    vol("v2", "Recycle"),
    vol("v3", "Retain", "csi"),
    vol("v4", "Delete", "csi"),
    claim("c0"),
    claim("c1"),
    claim("c2"),
    claim("c3"),
    { t: "reconcile" },
    { t: "deleteClaim", index: 0 },
    { t: "deleteClaim", index: 1 },
    { t: "deleteClaim", index: 2 },
    { t: "deleteClaim", index: 3 },
  ],
  // a claim in use by a scheduled pod is deleted
  [
    vol("v0", "Delete"),
    claim("c0"),
    { t: "createPod", name: "p0", claims: ["c0"], node: "n1" },
    { t: "reconcile" },
    { t: "deleteClaim", index: 0 },
    { t: "reconcile" },
    { t: "finishPod", name: "p0" },
    { t: "reconcile" },
  ],
  // crashes in the middle of bind() while a second claim competes
  [
    vol("v0", "Retain"),
    claim("c0"),
    claim("c1"),
    { t: "syncClaim", index: 0, crash: 1 },
    { t: "syncClaim", index: 1, crash: null },
    { t: "syncVolume", index: 0, crash: null },
    { t: "syncClaim", index: 0, crash: 3 },
  ],
  // a user names another volume while the controller is half-way through binding the first
  [
    vol("v0", "Retain"),
    vol("v1", "Retain"),
    { t: "reconcile" },
    claim("c0"),
    { t: "syncClaim", index: 0, crash: 2 },
    { t: "setVolumeName", index: 0, volume: "v1" },
    { t: "reconcile" },
  ],
  // a claim deleted and re-created with the same name before the volume worker notices
  [
    vol("v0", "Retain"),
    vol("v1", "Retain"),
    claim("c0"),
    { t: "reconcile" },
    { t: "deleteClaim", index: 0 },
    { t: "protect" },
    claim("c0"),
    { t: "reconcile" },
  ],
  // dynamic provisioning with failures and rescheduling
  [
    claim("c0", "fast"),
    claim("c1", "wffc"),
    { t: "createPod", name: "p0", claims: ["c1"], node: null },
    { t: "reconcile" },
    { t: "selectNode", claim: "c1", node: "n1" },
    { t: "reconcile" },
    { t: "complete", index: 0, outcome: "reschedule" },
    { t: "complete", index: 0, outcome: "success" },
    { t: "reconcile" },
    { t: "deleteClaim", index: 0 },
    { t: "reconcile" },
  ],
];

export function initialCluster(): Cluster {
  let c = createCluster({});
  for (const cls of [
    sc("fast", { isDefault: true, provisioner: "csi.example.com", reclaimPolicy: "Delete" }),
    sc("wffc", { provisioner: "csi.example.com", volumeBindingMode: "WaitForFirstConsumer", reclaimPolicy: "Retain" }),
    sc("local", { provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" }),
    sc("hp", { provisioner: "kubernetes.io/host-path", reclaimPolicy: "Delete" }),
  ])
    c = createClass(c, cls, ctx).cluster;
  for (const n of NODES) c = createNode(c, { metadata: { name: n, labels: { "kubernetes.io/hostname": n } } }, ctx).cluster;
  return c;
}

export const key = (name: string) => `default/${name}`;
/** The key of an existing object, chosen by index (so actions hit objects that exist). */
export const pick = (m: ReadonlyMap<string, unknown>, i: number): string | undefined => {
  const keys = [...m.keys()].sort();
  return keys.length === 0 ? undefined : keys[i % keys.length];
};

/** Applies one action; returns undefined when the action does not apply to this state. */
export function apply(c: Cluster, a: Action): LifecycleResult | undefined {
  switch (a.t) {
    case "createVolume": {
      if (c.volumes.has(a.name)) return undefined;
      const source =
        a.source === "csi"
          ? { csi: { driver: "csi.example.com", volumeHandle: a.name } }
          : a.source === "hostPath"
            ? { hostPath: { path: `/tmp/${a.name}` } }
            : { nfs: { server: "s", path: `/${a.name}` } };
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
      return createPod(
        c,
        {
          metadata: { name: a.name, namespace: "default" },
          spec: {
            ...(a.node ? { nodeName: a.node } : {}),
            volumes: a.claims.map((cl, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName: cl } })),
          },
        },
        ctx,
      );
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
      return updateClaim(
        c,
        { ...cl, metadata: { ...cl.metadata, annotations: { ...cl.metadata.annotations, "volume.kubernetes.io/selected-node": a.node } } },
        ctx,
      );
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
      for (const k of [...cur.claims.keys()].sort()) {
        r = syncClaimProtection(cur, k, ctx);
        cur = r.cluster;
        writes.push(...r.writes);
      }
      for (const k of [...cur.volumes.keys()].sort()) {
        r = syncVolumeProtection(cur, k, ctx);
        cur = r.cluster;
        writes.push(...r.writes);
      }
      return { cluster: cur, writes, events: [], operations: [], crashed: false };
    }
    case "complete": {
      const ops = [...c.operations.values()];
      if (ops.length === 0) return undefined;
      const op = ops[a.index % ops.length]!;
      const outcome: OperationOutcome =
        a.outcome === "success"
          ? "success"
          : a.outcome === "failure"
            ? { ok: false, message: "boom" }
            : a.outcome === "reschedule"
              ? { ok: false, message: "boom", reschedule: true }
              : { ok: false, message: "busy", inUse: true };
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
