import { describe, expect, it } from "vitest";
import { createCluster, syncClaim, type Cluster } from "../../src/lifecycle/index.js";
import { ctx, freezeCluster, pod, pv, pvc, pvcNoClass, reasons, sc, summary } from "./fixtures.js";

const BIND_WRITES = [
  "update PersistentVolume pv1",
  "updateStatus PersistentVolume pv1",
  "update PersistentVolumeClaim data",
  "updateStatus PersistentVolumeClaim data",
];

function cluster(init: Parameters<typeof createCluster>[0], defaulting = true): Cluster {
  return freezeCluster(createCluster(init, { defaulting }));
}

describe("syncUnboundClaim — unbound claim, volumeName empty", () => {
  it("A.1: a class without volumeBindingMode makes the sync fail silently", () => {
    const sci = sc("wffc");
    delete (sci as { volumeBindingMode?: unknown }).volumeBindingMode;
    const c = cluster({ classes: [sci], claims: [pvc("data", { className: "wffc" })], volumes: [pv("pv1", { className: "wffc" })] }, false);
    const r = syncClaim(c, "default/data", ctx);
    expect(r.writes).toEqual([]);
    expect(r.events).toEqual([]);
    expect(r.error).toBe('VolumeBindingMode not set for StorageClass "wffc"');
    expect(r.cluster).toBe(c);
  });

  it("A.3: a matching volume is bound with four writes in Kubernetes' order", () => {
    const c = cluster({ volumes: [pv("pv1")], claims: [pvc("data")] });
    const r = syncClaim(c, "default/data", ctx);
    expect(summary(r)).toEqual(BIND_WRITES);
    expect(r.events).toEqual([]);
    const v = r.cluster.volumes.get("pv1")!;
    const cl = r.cluster.claims.get("default/data")!;
    expect(v.spec.claimRef).toMatchObject({
      kind: "PersistentVolumeClaim",
      namespace: "default",
      name: "data",
      uid: "uid-data",
      apiVersion: "v1",
    });
    expect(v.metadata.annotations).toEqual({ "pv.kubernetes.io/bound-by-controller": "yes" });
    expect(v.status).toEqual({ phase: "Bound", lastPhaseTransitionTime: ctx.now });
    expect(cl.spec.volumeName).toBe("pv1");
    expect(cl.metadata.annotations).toEqual({ "pv.kubernetes.io/bound-by-controller": "yes", "pv.kubernetes.io/bind-completed": "yes" });
    expect(cl.status).toEqual({ phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "10Gi" } });
    // the input snapshot is untouched
    expect(c.volumes.get("pv1")!.spec.claimRef).toBeUndefined();
    expect(c.claims.get("default/data")!.status?.phase).toBe("Pending");
  });

  it("A.3: the claim status takes the volume's access modes, not the claim's", () => {
    const c = cluster({
      volumes: [pv("pv1", { modes: ["ReadWriteOnce", "ReadOnlyMany"] })],
      claims: [pvc("data", { modes: ["ReadOnlyMany"] })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(r.cluster.claims.get("default/data")!.status?.accessModes).toEqual(["ReadWriteOnce", "ReadOnlyMany"]);
  });

  it("A.3: a volume pre-bound by name gets the UID but no bound-by-controller", () => {
    const c = cluster({ volumes: [pv("pv1", { claimRef: { name: "data" } }), pv("pv0", { size: "5Gi" })], claims: [pvc("data")] });
    const r = syncClaim(c, "default/data", ctx);
    expect(summary(r)).toEqual(BIND_WRITES);
    const v = r.cluster.volumes.get("pv1")!;
    expect(v.spec.claimRef?.uid).toBe("uid-data");
    expect(v.metadata.annotations).toBeUndefined();
    expect(r.cluster.claims.get("default/data")!.metadata.annotations?.["pv.kubernetes.io/bound-by-controller"]).toBe("yes");
  });

  it("A.3: a WaitForFirstConsumer claim binds at once to a volume pre-bound to it", () => {
    const c = cluster({
      classes: [sc("local", { volumeBindingMode: "WaitForFirstConsumer", provisioner: "kubernetes.io/no-provisioner" })],
      volumes: [pv("pv1", { className: "local", claimRef: { name: "data" } }), pv("pv2", { className: "local" })],
      claims: [pvc("data", { className: "local" })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(r.cluster.claims.get("default/data")!.spec.volumeName).toBe("pv1");
  });

  it("A.3: a WaitForFirstConsumer claim leaves unbound volumes to the scheduler", () => {
    const c = cluster({
      classes: [sc("local", { volumeBindingMode: "WaitForFirstConsumer", provisioner: "kubernetes.io/no-provisioner" })],
      volumes: [pv("pv2", { className: "local" })],
      claims: [pvc("data", { className: "local" })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(r.writes).toEqual([]);
    expect(reasons(r.events)).toEqual(["Normal WaitForFirstConsumer: waiting for first consumer to be created before binding"]);
  });

  it("A.4.a: no match and no class: the default class is assigned, written, and the sync returns", () => {
    const c = cluster({ classes: [sc("std", { isDefault: true })], claims: [pvcNoClass("data")] });
    const r = syncClaim(c, "default/data", ctx);
    expect(summary(r)).toEqual(["update PersistentVolumeClaim data"]);
    expect(r.events).toEqual([]);
    expect(r.operations).toEqual([]);
    expect(r.cluster.claims.get("default/data")!.spec.storageClassName).toBe("std");
  });

  it("A.4.a: a class-less claim first binds to an existing class-less volume", () => {
    const c = cluster({ classes: [sc("std", { isDefault: true })], volumes: [pv("pv1")], claims: [pvcNoClass("data")] });
    const r = syncClaim(c, "default/data", ctx);
    expect(summary(r)).toEqual(BIND_WRITES);
    expect(r.cluster.claims.get("default/data")!.spec.storageClassName).toBeUndefined();
  });

  it.each([
    ['storageClassName: ""', pvc("data", { className: "" })],
    ["the beta class annotation, even empty", pvcNoClass("data", { annotations: { "volume.beta.kubernetes.io/storage-class": "" } })],
  ])("A.4.a: %s is never upgraded to the default class (A.4.d FailedBinding instead)", (_, claim) => {
    const c = cluster({ classes: [sc("std", { isDefault: true })], claims: [claim] });
    const r = syncClaim(c, "default/data", ctx);
    expect(r.writes).toEqual([]);
    expect(reasons(r.events)).toEqual(["Normal FailedBinding: no persistent volumes available for this claim and no storage class is set"]);
  });

  it("A.4.b: WaitForFirstConsumer without selected-node and no pod: WaitForFirstConsumer, status Pending", () => {
    const c = cluster({
      classes: [sc("wffc", { volumeBindingMode: "WaitForFirstConsumer" })],
      claims: [pvc("data", { className: "wffc", status: { phase: "Bound", capacity: { storage: "1Gi" } } })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(reasons(r.events)).toEqual(["Normal WaitForFirstConsumer: waiting for first consumer to be created before binding"]);
    expect(summary(r)).toEqual(["updateStatus PersistentVolumeClaim data"]);
    expect(r.cluster.claims.get("default/data")!.status).toEqual({ phase: "Pending" });
    expect(r.operations).toEqual([]);
  });

  it("A.4.b: unscheduled, non-terminated pods give WaitForPodScheduled (one pod / several pods)", () => {
    const base = {
      classes: [sc("wffc", { volumeBindingMode: "WaitForFirstConsumer" as const })],
      claims: [pvc("data", { className: "wffc" })],
    };
    const one = syncClaim(
      cluster({
        ...base,
        pods: [pod("web", ["data"]), pod("done", ["data"], { phase: "Succeeded" }), pod("run", ["data"], { node: "n1" })],
      }),
      "default/data",
      ctx,
    );
    expect(reasons(one.events)).toEqual(["Normal WaitForPodScheduled: waiting for pod web to be scheduled"]);
    const two = syncClaim(cluster({ ...base, pods: [pod("b", ["data"]), pod("a", ["data"]), pod("other", ["x"])] }), "default/data", ctx);
    expect(reasons(two.events)).toEqual(["Normal WaitForPodScheduled: waiting for pods a,b to be scheduled"]);
  });

  it("A.4.c: a class and an external provisioner: annotations, ExternalProvisioning, a provision operation; status untouched", () => {
    const c = cluster({
      classes: [sc("fast", { provisioner: "ebs.csi.aws.com" })],
      claims: [pvc("data", { className: "fast", phase: "Bound" })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(summary(r)).toEqual(["update PersistentVolumeClaim data"]);
    const cl = r.cluster.claims.get("default/data")!;
    expect(cl.metadata.annotations).toEqual({
      "volume.beta.kubernetes.io/storage-provisioner": "ebs.csi.aws.com",
      "volume.kubernetes.io/storage-provisioner": "ebs.csi.aws.com",
    });
    expect(cl.status?.phase).toBe("Bound");
    expect(reasons(r.events)).toEqual([
      "Normal ExternalProvisioning: Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    ]);
    expect(r.operations).toEqual([
      {
        id: "provision-default/data[uid-data]",
        kind: "provision",
        external: true,
        provisioner: "ebs.csi.aws.com",
        claim: "default/data",
        claimUid: "uid-data",
        startedAt: ctx.now,
      },
    ]);
    // a second sync does not write again nor restart the running operation, but repeats the event
    const again = syncClaim(r.cluster, "default/data", ctx);
    expect(again.writes).toEqual([]);
    expect(again.operations).toEqual([]);
    expect(again.events.map((e) => e.reason)).toEqual(["ExternalProvisioning"]);
  });

  it("A.4.c: WaitForFirstConsumer with selected-node provisions", () => {
    const c = cluster({
      classes: [sc("wffc", { volumeBindingMode: "WaitForFirstConsumer" })],
      claims: [pvc("data", { className: "wffc", annotations: { "volume.kubernetes.io/selected-node": "n1" } })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(r.operations.map((o) => o.id)).toEqual(["provision-default/data[uid-data]"]);
  });

  it.each([
    ["a missing class", [], "gold", 'storageclass.storage.k8s.io "gold" not found'],
    [
      "kubernetes.io/no-provisioner",
      [sc("gold", { provisioner: "kubernetes.io/no-provisioner" })],
      "gold",
      "no volume plugin matched name: kubernetes.io/no-provisioner",
    ],
    [
      "an in-tree name no plugin serves",
      [sc("gold", { provisioner: "kubernetes.io/aws-ebs" })],
      "gold",
      "no volume plugin matched name: kubernetes.io/aws-ebs",
    ],
  ])("A.4.c: %s → Warning ProvisioningFailed, nothing else", (_, classes, className, message) => {
    const c = cluster({ classes, claims: [pvc("data", { className })] });
    const r = syncClaim(c, "default/data", ctx);
    expect(r.writes).toEqual([]);
    expect(r.operations).toEqual([]);
    expect(reasons(r.events)).toEqual([`Warning ProvisioningFailed: ${message}`]);
  });

  it("A.4.c: an in-tree plugin starts an internal operation and writes nothing yet", () => {
    const c = cluster({ classes: [sc("hp", { provisioner: "kubernetes.io/host-path" })], claims: [pvc("data", { className: "hp" })] });
    const r = syncClaim(c, "default/data", { ...ctx, inTreePlugins: ["kubernetes.io/host-path"] });
    expect(r.writes).toEqual([]);
    expect(r.events).toEqual([]);
    expect(r.operations).toMatchObject([{ kind: "provision", external: false, provisioner: "kubernetes.io/host-path" }]);
  });

  it("A.4.c: with dynamic provisioning disabled nothing happens", () => {
    const c = cluster({ classes: [sc("fast")], claims: [pvc("data", { className: "fast" })] });
    const r = syncClaim(c, "default/data", { ...ctx, enableDynamicProvisioning: false });
    expect(r.writes).toEqual([]);
    expect(r.events).toEqual([]);
    expect(r.operations).toEqual([]);
  });

  it("A.4.d/e: no class: Normal FailedBinding and status reset to Pending (a Bound status without bind-completed)", () => {
    const c = cluster({
      claims: [pvc("data", { status: { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" } } })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(reasons(r.events)).toEqual(["Normal FailedBinding: no persistent volumes available for this claim and no storage class is set"]);
    expect(summary(r)).toEqual(["updateStatus PersistentVolumeClaim data"]);
    expect(r.cluster.claims.get("default/data")!.status).toEqual({ phase: "Pending" });
  });

  it("A.4.e: an already Pending claim needs no write", () => {
    const r = syncClaim(cluster({ claims: [pvc("data")] }), "default/data", ctx);
    expect(r.writes).toEqual([]);
  });

  it("an unknown key does nothing", () => {
    const c = cluster({});
    const r = syncClaim(c, "default/nope", ctx);
    expect(r).toMatchObject({ writes: [], events: [], operations: [], crashed: false });
    expect(r.cluster).toBe(c);
  });
});

describe("syncUnboundClaim — unbound claim naming a volume", () => {
  it("B.1: the volume does not exist: status Pending, nothing else", () => {
    const r = syncClaim(cluster({ claims: [pvc("data", { volumeName: "pv1", phase: "Lost" })] }), "default/data", ctx);
    expect(summary(r)).toEqual(["updateStatus PersistentVolumeClaim data"]);
    expect(r.events).toEqual([]);
    expect(r.cluster.claims.get("default/data")!.status?.phase).toBe("Pending");
  });

  it.each([
    ["being deleted", pv("pv1", { deleting: true }), pvc("data", { volumeName: "pv1" }), 'the volume is marked for deletion "pv1"'],
    ["too small", pv("pv1", { size: "1Gi" }), pvc("data", { volumeName: "pv1", size: "2Gi" }), "requested PV is too small"],
    ["another class", pv("pv1", { className: "a" }), pvc("data", { volumeName: "pv1", className: "b" }), "storageClassName does not match"],
    ["another volume mode", pv("pv1", { volumeMode: "Block" }), pvc("data", { volumeName: "pv1" }), "incompatible volumeMode"],
    ["missing access modes", pv("pv1", { modes: ["ReadOnlyMany"] }), pvc("data", { volumeName: "pv1" }), "incompatible accessMode"],
  ])("B.2: a free volume %s → Warning VolumeMismatch and Pending", (_, volume, claim, reason) => {
    const r = syncClaim(cluster({ volumes: [volume], claims: [claim] }), "default/data", ctx);
    expect(reasons(r.events)).toEqual([`Warning VolumeMismatch: Cannot bind to requested volume "pv1": ${reason}`]);
    expect(r.writes).toEqual([]);
  });

  it("B.2: a free volume that satisfies the claim is bound; phase and selector are not checked", () => {
    const c = cluster({
      volumes: [pv("pv1", { phase: "Released", labels: { tier: "gold" } })],
      claims: [pvc("data", { volumeName: "pv1", selector: { matchLabels: { tier: "silver" } } })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(summary(r)).toEqual(BIND_WRITES);
    // the PV did not point at the claim → bound-by-controller; the claim already named the PV → not
    expect(r.cluster.volumes.get("pv1")!.metadata.annotations).toEqual({ "pv.kubernetes.io/bound-by-controller": "yes" });
    expect(r.cluster.claims.get("default/data")!.metadata.annotations).toEqual({ "pv.kubernetes.io/bind-completed": "yes" });
  });

  it("B.3: mutually pre-bound: bound without checks and without bound-by-controller anywhere", () => {
    const c = cluster({
      volumes: [pv("pv1", { size: "1Gi", claimRef: { name: "data" }, modes: ["ReadOnlyMany"] })],
      claims: [pvc("data", { volumeName: "pv1", size: "100Gi" })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(summary(r)).toEqual(BIND_WRITES);
    expect(r.cluster.volumes.get("pv1")!.metadata.annotations).toBeUndefined();
    expect(r.cluster.claims.get("default/data")!.metadata.annotations).toEqual({ "pv.kubernetes.io/bind-completed": "yes" });
  });

  it("B.4: the volume belongs to another claim (user pre-binding): Warning FailedBinding and Pending", () => {
    const c = cluster({
      volumes: [pv("pv1", { claimRef: { name: "other", uid: "u-o" }, phase: "Bound" })],
      claims: [pvc("data", { volumeName: "pv1" })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(reasons(r.events)).toEqual(['Warning FailedBinding: volume "pv1" already bound to a different claim.']);
    expect(r.writes).toEqual([]);
    expect(r.error).toBeUndefined();
  });

  it("B.4: the same with bound-by-controller on the claim: the event and an error, no status write", () => {
    const c = cluster({
      volumes: [pv("pv1", { claimRef: { name: "other", uid: "u-o" }, phase: "Bound" })],
      claims: [pvc("data", { volumeName: "pv1", phase: "Bound", annotations: { "pv.kubernetes.io/bound-by-controller": "yes" } })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(reasons(r.events)).toEqual(['Warning FailedBinding: volume "pv1" already bound to a different claim.']);
    expect(r.writes).toEqual([]);
    expect(r.error).toBe('invalid binding of claim "default/data" to volume "pv1": volume already claimed by "default/other"');
  });
});

describe("syncBoundClaim — bound claim (bind-completed)", () => {
  const done = { "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes" };

  it("1: volumeName empty → Lost with ClaimLost (once)", () => {
    const c = cluster({
      claims: [
        pvc("data", {
          annotations: done,
          phase: "Bound",
          status: { phase: "Bound", capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"] },
        }),
      ],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(reasons(r.events)).toEqual([
      "Warning ClaimLost: Bound claim has lost reference to PersistentVolume. Data on the volume is lost!",
    ]);
    expect(r.cluster.claims.get("default/data")!.status).toEqual({ phase: "Lost" });
    const again = syncClaim(r.cluster, "default/data", ctx);
    expect(again.writes).toEqual([]);
    expect(again.events).toEqual([]);
  });

  it("2: the volume is gone → Lost with ClaimLost", () => {
    const c = cluster({ claims: [pvc("data", { annotations: done, volumeName: "pv1", phase: "Bound" })] });
    const r = syncClaim(c, "default/data", ctx);
    expect(reasons(r.events)).toEqual(["Warning ClaimLost: Bound claim has lost its PersistentVolume. Data on the volume is lost!"]);
    expect(summary(r)).toEqual(["updateStatus PersistentVolumeClaim data"]);
  });

  it("3: the volume has no claimRef → bound again", () => {
    const c = cluster({ volumes: [pv("pv1")], claims: [pvc("data", { annotations: done, volumeName: "pv1", phase: "Bound" })] });
    const r = syncClaim(c, "default/data", ctx);
    expect(summary(r)).toEqual([
      "update PersistentVolume pv1",
      "updateStatus PersistentVolume pv1",
      "updateStatus PersistentVolumeClaim data",
    ]);
    expect(r.cluster.volumes.get("pv1")!.spec.claimRef?.uid).toBe("uid-data");
  });

  it("4: the volume points at this claim's UID → bind() is a no-op when all is set", () => {
    const c = cluster({
      volumes: [
        pv("pv1", {
          claimRef: { name: "data", uid: "uid-data" },
          phase: "Bound",
          annotations: { "pv.kubernetes.io/bound-by-controller": "yes" },
        }),
      ],
      claims: [
        pvc("data", {
          annotations: done,
          volumeName: "pv1",
          status: { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "10Gi" } },
        }),
      ],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(r.writes).toEqual([]);
    expect(r.events).toEqual([]);
  });

  it("4: ... and fixes phases after a partial bind", () => {
    const c = cluster({
      volumes: [pv("pv1", { claimRef: { name: "data", uid: "uid-data" }, phase: "Available" })],
      claims: [pvc("data", { annotations: done, volumeName: "pv1", phase: "Pending" })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(summary(r)).toEqual(["updateStatus PersistentVolume pv1", "updateStatus PersistentVolumeClaim data"]);
    expect(r.cluster.claims.get("default/data")!.status?.phase).toBe("Bound");
  });

  it.each([
    ["another UID", "uid-other"],
    ["no UID", undefined],
  ])("5: the volume points at %s → Lost with ClaimMisbound", (_, uid) => {
    const c = cluster({
      volumes: [pv("pv1", { claimRef: { name: "data", ...(uid ? { uid } : {}) }, phase: "Bound" })],
      claims: [pvc("data", { annotations: done, volumeName: "pv1", phase: "Bound" })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(reasons(r.events)).toEqual(["Warning ClaimMisbound: Two claims are bound to the same volume, this one is bound incorrectly"]);
    expect(r.cluster.claims.get("default/data")!.status?.phase).toBe("Lost");
  });

  it("Lost is not terminal: a volume reappearing with this claim's UID binds again", () => {
    const c = cluster({
      volumes: [pv("pv1", { claimRef: { name: "data", uid: "uid-data" }, phase: "Pending" })],
      claims: [pvc("data", { annotations: done, volumeName: "pv1", phase: "Lost" })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(r.cluster.claims.get("default/data")!.status?.phase).toBe("Bound");
    expect(r.cluster.volumes.get("pv1")!.status?.phase).toBe("Bound");
    expect(r.events).toEqual([]);
  });
});

describe("updateClaimStatus / updateVolumePhase — claim status writer", () => {
  it("uses the pre-resize-capacity annotation when the claim becomes Bound", () => {
    const c = cluster({
      volumes: [pv("pv1", { size: "20Gi", annotations: { "volume.alpha.kubernetes.io/pre-resize-capacity": "10Gi" } })],
      claims: [pvc("data")],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(r.cluster.claims.get("default/data")!.status?.capacity).toEqual({ storage: "10Gi" });
  });

  it("does not rewrite the capacity of an already Bound claim", () => {
    const c = cluster({
      volumes: [
        pv("pv1", {
          claimRef: { name: "data", uid: "uid-data" },
          phase: "Bound",
          annotations: { "pv.kubernetes.io/bound-by-controller": "yes" },
        }),
      ],
      claims: [
        pvc("data", {
          annotations: { "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes" },
          volumeName: "pv1",
          status: { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "9Gi" } },
        }),
      ],
    });
    expect(syncClaim(c, "default/data", ctx).writes).toEqual([]);
  });

  it("treats equal quantities in different spellings as equal (no write)", () => {
    const c = cluster({
      volumes: [pv("pv1", { size: "1Gi" })],
      claims: [pvc("data", { size: "1Gi", status: { phase: "Pending", capacity: { storage: "1024Mi" } } })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(r.cluster.claims.get("default/data")!.status?.capacity).toEqual({ storage: "1024Mi" });
  });

  it("a volume without storage capacity stops bind() after the volume writes with an error", () => {
    const v = pv("pv1");
    const c = cluster({ volumes: [{ ...v, spec: { ...v.spec, capacity: {} } }], claims: [pvc("data", { volumeName: "pv1", size: "0" })] });
    const r = syncClaim(c, "default/data", ctx);
    expect(summary(r)).toEqual(BIND_WRITES.slice(0, 3));
    expect(r.error).toBe('PersistentVolume "pv1" is without a storage capacity');
  });
});
