import { describe, expect, it } from "vitest";
import {
  applyWrite,
  createClaim,
  createClass,
  createCluster,
  createPod,
  createVolume,
  deleteClaim,
  deletePod,
  deleteVolume,
  LifecycleError,
  reconcile,
  syncClaimProtection,
  syncVolumeProtection,
  updateClaim,
  updatePod,
  updateVolume,
} from "../../src/lifecycle/index.js";
import { ctx, LATER, NOW, pod, pv, pvc, pvcNoClass, sc } from "./fixtures.js";

describe("createCluster", () => {
  it("indexes volumes by name and claims by namespace/name, with API defaulting", () => {
    const c = createCluster({
      volumes: [{ metadata: { name: "pv1" }, spec: { capacity: { storage: "1Gi" } } }],
      claims: [{ metadata: { name: "data" }, spec: {} }],
      classes: [{ metadata: { name: "fast" }, provisioner: "x" }],
    });
    expect(c.volumes.get("pv1")!.spec).toMatchObject({ persistentVolumeReclaimPolicy: "Retain", volumeMode: "Filesystem" });
    expect(c.volumes.get("pv1")!.status?.phase).toBe("Pending");
    expect(c.claims.get("default/data")!.status?.phase).toBe("Pending");
    expect(c.classes.get("fast")).toMatchObject({ reclaimPolicy: "Delete", volumeBindingMode: "Immediate" });
    expect(c.volumes.get("pv1")!.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("keeps the newer of two objects with the same key (store semantics)", () => {
    const a = { ...pv("pv1", { size: "1Gi" }), metadata: { name: "pv1", resourceVersion: "5" } };
    const b = { ...pv("pv1", { size: "2Gi" }), metadata: { name: "pv1", resourceVersion: "3" } };
    const c = createCluster({ volumes: [a, b] });
    expect(c.volumes.get("pv1")!.spec.capacity).toEqual({ storage: "1Gi" });
    expect(c.revision).toBe(5);
  });

  it.each([
    [{ volumes: [{ spec: {} }] }, "volumes[0].metadata: Required value"],
    [{ claims: [pvc("a"), { metadata: { name: "" }, spec: {} }] }, "claims[1].metadata.name: Required value"],
    [{ volumes: [{ metadata: { name: "x" } }] }, "volumes[0].spec: Required value"],
    [{ pods: [null] }, "pods[0]: Invalid value: expected an object"],
  ])("rejects malformed objects with a typed error naming the element", (init, message) => {
    expect(() => createCluster(init as never)).toThrow(new LifecycleError("InvalidInput", message));
  });
});

describe("API server semantics of writes", () => {
  it("every write bumps resourceVersion; a write with an older resourceVersion is ignored", () => {
    let c = createCluster({ volumes: [pv("pv1")] });
    c = updateVolume(c, { ...c.volumes.get("pv1")!, metadata: { ...c.volumes.get("pv1")!.metadata, labels: { a: "1" } } }, ctx).cluster;
    expect(c.volumes.get("pv1")!.metadata.resourceVersion).toBe("1");
    const stale = { ...c.volumes.get("pv1")!, metadata: { ...c.volumes.get("pv1")!.metadata, resourceVersion: "0", labels: { a: "2" } } };
    c = updateVolume(c, { ...c.volumes.get("pv1")!, metadata: { ...c.volumes.get("pv1")!.metadata, labels: { a: "3" } } }, ctx).cluster;
    const r = updateVolume(c, stale, ctx);
    expect(r.writes).toEqual([]);
    expect(r.cluster).toBe(c);
    expect(c.volumes.get("pv1")!.metadata.labels).toEqual({ a: "3" });
    expect(c.revision).toBe(2);
  });

  it("create: defaulting, admission (protection finalizers, default class), status reset, uid, creationTimestamp", () => {
    let c = createCluster({ classes: [sc("std", { isDefault: true })] });
    c = createVolume(c, { ...pv("pv1", { phase: "Bound" }), spec: { capacity: { storage: "1Gi" } } } as never, ctx).cluster;
    const v = c.volumes.get("pv1")!;
    expect(v.status).toEqual({ phase: "Pending", lastPhaseTransitionTime: NOW });
    expect(v.spec.persistentVolumeReclaimPolicy).toBe("Retain");
    expect(v.metadata.finalizers).toEqual(["kubernetes.io/pv-protection"]);
    expect(v.metadata.creationTimestamp).toBe(NOW);
    c = createClaim(c, pvcNoClass("data", { phase: "Bound" }), ctx).cluster;
    c = createClaim(c, pvc("empty", { className: "" }), ctx).cluster;
    const claim = c.claims.get("default/data")!;
    expect(claim.spec.storageClassName).toBe("std");
    expect(claim.status).toEqual({ phase: "Pending" });
    expect(claim.metadata.finalizers).toEqual(["kubernetes.io/pvc-protection"]);
    expect(c.claims.get("default/empty")!.spec.storageClassName).toBe("");
    const noAdmission = createClaim(createCluster({ classes: [sc("std", { isDefault: true })] }), pvcNoClass("data"), {
      ...ctx,
      admission: false,
    }).cluster;
    expect(noAdmission.claims.get("default/data")!.metadata.finalizers).toBeUndefined();
    expect(noAdmission.claims.get("default/data")!.spec.storageClassName).toBeUndefined();
  });

  it("re-creating an object gives it a new UID; creating an existing one throws AlreadyExists", () => {
    let c = createClaim(createCluster({}), { metadata: { name: "data" }, spec: {} }, { ...ctx, admission: false }).cluster;
    const first = c.claims.get("default/data")!.metadata.uid;
    expect(() => createClaim(c, { metadata: { name: "data" }, spec: {} }, ctx)).toThrow(
      new LifecycleError("AlreadyExists", 'persistentvolumeclaims "data" already exists'),
    );
    c = deleteClaim(c, "default/data", ctx).cluster;
    c = createClaim(c, { metadata: { name: "data" }, spec: {} }, ctx).cluster;
    expect(c.claims.get("default/data")!.metadata.uid).not.toBe(first);
  });

  it("update keeps status; updateStatus keeps spec; lastPhaseTransitionTime follows the phase", () => {
    let c = createVolume(createCluster({}), pv("pv1"), ctx).cluster;
    const v = c.volumes.get("pv1")!;
    c = updateVolume(c, { ...v, status: { phase: "Bound" } }, { now: LATER }).cluster;
    expect(c.volumes.get("pv1")!.status).toEqual({ phase: "Pending", lastPhaseTransitionTime: NOW });
    const stale = applyWrite(c, {
      verb: "updateStatus",
      kind: "PersistentVolume",
      object: { ...v, status: { phase: "Failed" } },
      actor: "user",
      time: LATER,
      admission: true,
    });
    expect(stale.write).toBeUndefined();
    const cur = c.volumes.get("pv1")!;
    const s1 = applyWrite(c, {
      verb: "updateStatus",
      kind: "PersistentVolume",
      object: { ...cur, spec: { ...cur.spec, capacity: { storage: "1Ti" } }, status: { phase: "Pending", message: "m" } },
      actor: "user",
      time: LATER,
      admission: true,
    });
    expect(s1.cluster.volumes.get("pv1")!.status).toEqual({ phase: "Pending", message: "m", lastPhaseTransitionTime: NOW });
    expect(s1.cluster.volumes.get("pv1")!.spec.capacity).toEqual({ storage: "10Gi" });
    const s2 = applyWrite(c, {
      verb: "updateStatus",
      kind: "PersistentVolume",
      object: { ...cur, status: { phase: "Available", lastPhaseTransitionTime: NOW } },
      actor: "user",
      time: LATER,
      admission: true,
    });
    expect(s2.cluster.volumes.get("pv1")!.status).toEqual({ phase: "Available", lastPhaseTransitionTime: LATER });
    const s3 = applyWrite(c, {
      verb: "updateStatus",
      kind: "PersistentVolume",
      object: { ...cur, status: { phase: "Available", lastPhaseTransitionTime: "2020-01-01T00:00:00Z" } },
      actor: "user",
      time: LATER,
      admission: true,
    });
    expect(s3.cluster.volumes.get("pv1")!.status?.lastPhaseTransitionTime).toBe("2020-01-01T00:00:00Z");
  });

  it("update and delete of missing objects throw NotFound", () => {
    expect(() => updateClaim(createCluster({}), pvc("x"), ctx)).toThrow(
      new LifecycleError("NotFound", 'persistentvolumeclaims "x" not found'),
    );
    expect(() => deleteVolume(createCluster({}), "pv9", ctx)).toThrow(new LifecycleError("NotFound", 'persistentvolumes "pv9" not found'));
  });

  it("rejects a bad clock", () => {
    expect(() => createClaim(createCluster({}), pvc("x"), { now: "yesterday" })).toThrow(LifecycleError);
  });
});

describe("deletion flows and protection finalizers (pvc_protection_controller.go / pv_protection_controller.go)", () => {
  it("a claim without finalizers disappears at once; with finalizers it gets a deletionTimestamp", () => {
    const c = createCluster({ claims: [pvc("a"), pvc("b", { finalizers: ["kubernetes.io/pvc-protection"] })] });
    const a = deleteClaim(c, "default/a", ctx);
    expect(a.writes[0]).toMatchObject({ verb: "delete", removed: true, actor: "user" });
    expect(a.cluster.claims.has("default/a")).toBe(false);
    const b = deleteClaim(c, "default/b", ctx);
    expect(b.cluster.claims.get("default/b")!.metadata.deletionTimestamp).toBe(NOW);
    expect(deleteClaim(b.cluster, "default/b", ctx).writes).toEqual([]);
  });

  it("pvc-protection holds a claim while a scheduled pod references it — whatever the pod's phase", () => {
    let c = createCluster({
      claims: [pvc("data", { finalizers: ["kubernetes.io/pvc-protection"] })],
      pods: [pod("job", ["data"], { node: "n1", phase: "Succeeded" })],
    });
    c = deleteClaim(c, "default/data", ctx).cluster;
    expect(syncClaimProtection(c, "default/data", ctx).writes).toEqual([]);
    c = deletePod(c, "default/job", ctx).cluster;
    const r = syncClaimProtection(c, "default/data", ctx);
    expect(r.writes).toMatchObject([{ actor: "pvc-protection-controller", removed: true }]);
    expect(r.cluster.claims.has("default/data")).toBe(false);
  });

  it("unscheduled pods and pods in other namespaces never block", () => {
    let c = createCluster({
      claims: [pvc("data", { finalizers: ["kubernetes.io/pvc-protection"] })],
      pods: [pod("web", ["data"]), pod("x", ["data"], { node: "n1", namespace: "other" })],
    });
    c = deleteClaim(c, "default/data", ctx).cluster;
    expect(syncClaimProtection(c, "default/data", ctx).cluster.claims.has("default/data")).toBe(false);
  });

  it("a generic ephemeral volume blocks only the claim its pod owns", () => {
    const p = {
      metadata: { name: "web", namespace: "default", uid: "pod-uid" },
      spec: { nodeName: "n1", volumes: [{ name: "scratch", ephemeral: { volumeClaimTemplate: { spec: {} } } }] },
    };
    const owned = pvc("web-scratch", { finalizers: ["kubernetes.io/pvc-protection"] });
    owned.metadata!.ownerReferences = [{ apiVersion: "v1", kind: "Pod", name: "web", uid: "pod-uid", controller: true }];
    let c = createCluster({ claims: [owned, pvc("notowned", { finalizers: ["kubernetes.io/pvc-protection"] })], pods: [p] });
    c = deleteClaim(c, "default/web-scratch", ctx).cluster;
    expect(syncClaimProtection(c, "default/web-scratch", ctx).writes).toEqual([]);
  });

  it("pv-protection holds a Bound volume; the claim stays Bound; the volume goes once not Bound", () => {
    let c = createCluster({
      volumes: [pv("pv1", { phase: "Bound", claimRef: { name: "data", uid: "uid-data" }, finalizers: ["kubernetes.io/pv-protection"] })],
      claims: [pvc("data", { volumeName: "pv1", phase: "Bound", annotations: { "pv.kubernetes.io/bind-completed": "yes" } })],
    });
    c = deleteVolume(c, "pv1", ctx).cluster;
    const held = reconcile(c, ctx);
    expect(held.cluster.volumes.get("pv1")!.metadata.deletionTimestamp).toBe(NOW);
    expect(held.cluster.claims.get("default/data")!.status?.phase).toBe("Bound");
    // an admin forces the finalizer off: the claim is Lost
    const v = held.cluster.volumes.get("pv1")!;
    const forced = updateVolume(held.cluster, { ...v, metadata: { ...v.metadata, finalizers: [] } }, ctx);
    expect(forced.writes[0]!.removed).toBe(true);
    const lost = reconcile(forced.cluster, ctx);
    expect(lost.cluster.claims.get("default/data")!.status?.phase).toBe("Lost");
    expect(lost.events.map((e) => e.message)).toContain("Bound claim has lost its PersistentVolume. Data on the volume is lost!");
  });

  it("the protection controllers add missing finalizers to live objects only; no new finalizer on objects being deleted", () => {
    const c = createCluster({ volumes: [pv("pv1"), pv("gone", { deleting: true, finalizers: ["x"] })], claims: [pvc("data")] });
    expect(syncVolumeProtection(c, "pv1", ctx).cluster.volumes.get("pv1")!.metadata.finalizers).toEqual(["kubernetes.io/pv-protection"]);
    expect(syncClaimProtection(c, "default/data", ctx).cluster.claims.get("default/data")!.metadata.finalizers).toEqual([
      "kubernetes.io/pvc-protection",
    ]);
    expect(syncVolumeProtection(c, "gone", ctx).writes).toEqual([]);
    const v = c.volumes.get("gone")!;
    expect(updateVolume(c, { ...v, metadata: { ...v.metadata, finalizers: ["x", "y"] } }, ctx).writes).toEqual([]);
  });

  it("deleting a Bound Retain claim releases its volume and keeps it (claimRef with the old UID)", () => {
    let c = createCluster({ classes: [], volumes: [pv("pv1")] });
    c = createClaim(c, pvc("data"), ctx).cluster;
    c = reconcile(c, ctx).cluster;
    const uid = c.claims.get("default/data")!.metadata.uid;
    c = deleteClaim(c, "default/data", ctx).cluster;
    const r = reconcile(c, ctx, { completeOperations: "succeed" });
    const v = r.cluster.volumes.get("pv1")!;
    expect(v.status?.phase).toBe("Released");
    expect(v.spec.claimRef?.uid).toBe(uid);
    expect(r.cluster.claims.size).toBe(0);
    // a re-created claim with the same name does not get it back
    const fresh = pvc("data");
    delete fresh.metadata!.uid;
    const again = reconcile(createClaim(r.cluster, fresh, ctx).cluster, ctx);
    expect(again.cluster.claims.get("default/data")!.metadata.uid).not.toBe(uid);
    expect(again.cluster.claims.get("default/data")!.status?.phase).toBe("Pending");
  });

  it("a scheduled pod referencing a claim keeps it through reconcile; updating the pod to another node is fine", () => {
    let c = createCluster({ claims: [pvc("data", { finalizers: ["kubernetes.io/pvc-protection"] })] });
    c = createPod(c, pod("web", ["data"], { node: "n1" }), ctx).cluster;
    c = deleteClaim(c, "default/data", ctx).cluster;
    c = updatePod(c, pod("web", ["data"], { node: "n2" }), ctx).cluster;
    expect(reconcile(c, ctx).cluster.claims.has("default/data")).toBe(true);
  });

  it("createClass applies class defaults", () => {
    const c = createClass(createCluster({}), { metadata: { name: "x" }, provisioner: "p" }, ctx).cluster;
    expect(c.classes.get("x")).toMatchObject({
      reclaimPolicy: "Delete",
      volumeBindingMode: "Immediate",
      metadata: { creationTimestamp: NOW },
    });
  });
});
