import { describe, expect, it } from "vitest";
import {
  completeOperation,
  createCluster,
  desiredDeletionFinalizers,
  isVolumeReleased,
  syncVolume,
  type Cluster,
} from "../../src/lifecycle/index.js";
import { ctx, freezeCluster, pod, pv, pvc, reasons, summary } from "./fixtures.js";

function cluster(init: Parameters<typeof createCluster>[0]): Cluster {
  return freezeCluster(createCluster(init));
}
const phase = (c: Cluster, name: string) => c.volumes.get(name)?.status?.phase;
const bc = { "pv.kubernetes.io/bound-by-controller": "yes" };
const done = { "pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes" };

describe("syncVolume — decision table", () => {
  it("0: an in-tree provisioned Delete volume gets kubernetes.io/pv-controller and loses the external finalizer", () => {
    const v = pv("pv1", {
      policy: "Delete",
      annotations: { "pv.kubernetes.io/provisioned-by": "kubernetes.io/host-path" },
      finalizers: ["kubernetes.io/pv-protection", "external-provisioner.volume.kubernetes.io/finalizer"],
    });
    const r = syncVolume(cluster({ volumes: [v] }), "pv1", ctx);
    expect(summary(r)[0]).toBe("update PersistentVolume pv1");
    expect(r.cluster.volumes.get("pv1")!.metadata.finalizers).toEqual(["kubernetes.io/pv-protection", "kubernetes.io/pv-controller"]);
  });

  it.each([
    ["Retain removes kubernetes.io/pv-controller", "kubernetes.io/host-path", "Retain", {}, ["kubernetes.io/pv-controller"], []],
    ["Recycle removes it too", "kubernetes.io/host-path", "Recycle", {}, ["kubernetes.io/pv-controller"], []],
    [
      "migrated volumes lose it",
      "kubernetes.io/aws-ebs",
      "Delete",
      { "pv.kubernetes.io/migrated-to": "ebs.csi.aws.com" },
      ["kubernetes.io/pv-controller"],
      [],
    ],
  ])("0: %s", (_, provisioner, policy, extra, finalizers, expected) => {
    const v = pv("pv1", { policy, annotations: { "pv.kubernetes.io/provisioned-by": provisioner, ...extra }, finalizers });
    expect(desiredDeletionFinalizers(v)).toEqual(expected);
  });

  it.each([
    [
      "external provisioners' volumes",
      pv("pv1", {
        policy: "Delete",
        annotations: { "pv.kubernetes.io/provisioned-by": "ebs.csi.aws.com" },
        finalizers: ["external-provisioner.volume.kubernetes.io/finalizer"],
      }),
    ],
    ["statically provisioned volumes", pv("pv1", { policy: "Delete" })],
  ])("0: %s are left alone", (_, v) => {
    expect(desiredDeletionFinalizers(v)).toBeUndefined();
    expect(syncVolume(cluster({ volumes: [v] }), "pv1", ctx).writes).toEqual([]);
  });

  it("1: no claimRef → Available (status write, lastPhaseTransitionTime from ctx.now)", () => {
    const r = syncVolume(cluster({ volumes: [pv("pv1", { phase: "Pending" })] }), "pv1", ctx);
    expect(summary(r)).toEqual(["updateStatus PersistentVolume pv1"]);
    expect(r.cluster.volumes.get("pv1")!.status).toEqual({ phase: "Available", lastPhaseTransitionTime: ctx.now });
    expect(r.events).toEqual([]);
  });

  it("2: claimRef without UID (pre-bound, not yet bound) → Available", () => {
    const r = syncVolume(
      cluster({ volumes: [pv("pv1", { phase: "Bound", claimRef: { name: "data" } })], claims: [pvc("data")] }),
      "pv1",
      ctx,
    );
    expect(phase(r.cluster, "pv1")).toBe("Available");
  });

  it("5: the claim is gone → Released; Retain does nothing more", () => {
    const r = syncVolume(
      cluster({ volumes: [pv("pv1", { phase: "Bound", claimRef: { name: "data", uid: "u1" }, policy: "Retain" })] }),
      "pv1",
      ctx,
    );
    expect(summary(r)).toEqual(["updateStatus PersistentVolume pv1"]);
    expect(phase(r.cluster, "pv1")).toBe("Released");
    expect(r.operations).toEqual([]);
    expect(r.cluster.volumes.get("pv1")!.spec.claimRef?.uid).toBe("u1");
  });

  it("4: a claim re-created with another UID counts as gone", () => {
    const r = syncVolume(
      cluster({ volumes: [pv("pv1", { phase: "Bound", claimRef: { name: "data", uid: "old" } })], claims: [pvc("data", { uid: "new" })] }),
      "pv1",
      ctx,
    );
    expect(phase(r.cluster, "pv1")).toBe("Released");
  });

  it.each([
    ["Delete", "delete-pv1[uid-pv1]", "delete"],
    ["Recycle", "recycle-pv1[uid-pv1]", "recycle"],
  ])("5: %s starts its operation", (policy, id, kind) => {
    const r = syncVolume(cluster({ volumes: [pv("pv1", { phase: "Bound", claimRef: { name: "data", uid: "u1" }, policy })] }), "pv1", ctx);
    expect(phase(r.cluster, "pv1")).toBe("Released");
    expect(r.operations).toEqual([{ id, kind, external: false, volume: "pv1", volumeUid: "uid-pv1", startedAt: ctx.now }]);
    expect([...r.cluster.operations.keys()]).toEqual([id]);
    // running operations are not started twice
    expect(syncVolume(r.cluster, "pv1", ctx).operations).toEqual([]);
  });

  it("5: an unknown reclaim policy → Failed with VolumeUnknownReclaimPolicy (once)", () => {
    const r = syncVolume(
      cluster({ volumes: [pv("pv1", { phase: "Bound", claimRef: { name: "data", uid: "u1" }, policy: "Archive" })] }),
      "pv1",
      ctx,
    );
    expect(summary(r)).toEqual(["updateStatus PersistentVolume pv1", "updateStatus PersistentVolume pv1"]);
    expect(r.cluster.volumes.get("pv1")!.status).toMatchObject({
      phase: "Failed",
      message: "Volume has unrecognized PersistentVolumeReclaimPolicy",
    });
    expect(reasons(r.events)).toEqual(["Warning VolumeUnknownReclaimPolicy: Volume has unrecognized PersistentVolumeReclaimPolicy"]);
    const again = syncVolume(r.cluster, "pv1", ctx);
    expect(again.writes).toEqual([]);
    expect(again.events).toEqual([]);
  });

  it("5: Failed is never overwritten by Released, but reclaim is retried", () => {
    const r = syncVolume(
      cluster({ volumes: [pv("pv1", { phase: "Failed", claimRef: { name: "data", uid: "u1" }, policy: "Delete" })] }),
      "pv1",
      ctx,
    );
    expect(r.writes).toEqual([]);
    expect(r.operations.map((o) => o.id)).toEqual(["delete-pv1[uid-pv1]"]);
  });

  it("5: a migrated volume is left to the external provisioner", () => {
    const r = syncVolume(
      cluster({
        volumes: [
          pv("pv1", {
            phase: "Released",
            claimRef: { name: "data", uid: "u1" },
            policy: "Delete",
            annotations: { "pv.kubernetes.io/migrated-to": "ebs.csi.aws.com" },
          }),
        ],
      }),
      "pv1",
      ctx,
    );
    expect(r.operations).toEqual([]);
    expect(r.writes).toEqual([]);
  });

  it("6: the claim has no volumeName yet → nothing (syncClaim finishes the binding)", () => {
    const r = syncVolume(
      cluster({ volumes: [pv("pv1", { phase: "Bound", claimRef: { name: "data", uid: "uid-data" } })], claims: [pvc("data")] }),
      "pv1",
      ctx,
    );
    expect(r.writes).toEqual([]);
    expect(r.events).toEqual([]);
  });

  it("6: ... unless the volume modes differ: VolumeMismatch on both objects", () => {
    const r = syncVolume(
      cluster({
        volumes: [pv("pv1", { phase: "Bound", volumeMode: "Block", claimRef: { name: "data", uid: "uid-data" } })],
        claims: [pvc("data")],
      }),
      "pv1",
      ctx,
    );
    expect(r.writes).toEqual([]);
    expect(r.events.map((e) => [e.object.kind, e.type, e.reason, e.message])).toEqual([
      [
        "PersistentVolume",
        "Warning",
        "VolumeMismatch",
        'Cannot bind PersistentVolume to requested PersistentVolumeClaim "data" due to incompatible volumeMode.',
      ],
      [
        "PersistentVolumeClaim",
        "Warning",
        "VolumeMismatch",
        'Cannot bind PersistentVolume "pv1" to requested PersistentVolumeClaim due to incompatible volumeMode.',
      ],
    ]);
  });

  it("7: the claim is bound to this volume → Bound", () => {
    const r = syncVolume(
      cluster({
        volumes: [pv("pv1", { phase: "Available", claimRef: { name: "data", uid: "uid-data" } })],
        claims: [pvc("data", { volumeName: "pv1", annotations: done, phase: "Bound" })],
      }),
      "pv1",
      ctx,
    );
    expect(summary(r)).toEqual(["updateStatus PersistentVolume pv1"]);
    expect(phase(r.cluster, "pv1")).toBe("Bound");
  });

  it("8: claim bound elsewhere, provisioned + Delete → Released and deleted", () => {
    const r = syncVolume(
      cluster({
        volumes: [
          pv("pv1", {
            phase: "Bound",
            policy: "Delete",
            source: "csi",
            claimRef: { name: "data", uid: "uid-data" },
            annotations: { "pv.kubernetes.io/provisioned-by": "csi.example.com" },
          }),
        ],
        claims: [pvc("data", { volumeName: "pv2", annotations: done, phase: "Bound" })],
      }),
      "pv1",
      ctx,
    );
    expect(phase(r.cluster, "pv1")).toBe("Released");
    expect(r.operations).toMatchObject([{ id: "delete-pv1[uid-pv1]", external: true, provisioner: "csi.example.com" }]);
  });

  it("8: claim bound elsewhere, bound by the controller → claimRef and annotation removed, Available", () => {
    const r = syncVolume(
      cluster({
        volumes: [pv("pv1", { phase: "Bound", claimRef: { name: "data", uid: "uid-data" }, annotations: bc })],
        claims: [pvc("data", { volumeName: "pv2", annotations: done, phase: "Bound" })],
      }),
      "pv1",
      ctx,
    );
    expect(summary(r)).toEqual(["update PersistentVolume pv1", "updateStatus PersistentVolume pv1"]);
    const v = r.cluster.volumes.get("pv1")!;
    expect(v.spec.claimRef).toBeUndefined();
    expect(v.metadata.annotations).toBeUndefined();
    expect(v.status?.phase).toBe("Available");
  });

  it("8: claim bound elsewhere, pre-bound by the user → only the UID is cleared (reservation kept)", () => {
    const r = syncVolume(
      cluster({
        volumes: [pv("pv1", { phase: "Bound", claimRef: { name: "data", uid: "uid-data" } })],
        claims: [pvc("data", { volumeName: "pv2", annotations: done, phase: "Bound" })],
      }),
      "pv1",
      ctx,
    );
    const v = r.cluster.volumes.get("pv1")!;
    expect(v.spec.claimRef).toEqual({ kind: "PersistentVolumeClaim", apiVersion: "v1", namespace: "default", name: "data" });
    expect(v.status?.phase).toBe("Available");
  });

  it("an unknown name does nothing", () => {
    const c = cluster({});
    expect(syncVolume(c, "nope", ctx).cluster).toBe(c);
  });
});

describe("reclaimVolume — delete and recycle operations", () => {
  const released = (o: Parameters<typeof pv>[1] = {}) =>
    pv("pv1", {
      phase: "Released",
      claimRef: { name: "data", uid: "u1" },
      annotations: bc,
      finalizers: ["kubernetes.io/pv-protection"],
      ...o,
    });

  function started(c: Cluster, opts = ctx) {
    const r = syncVolume(c, "pv1", opts);
    expect(r.operations).toHaveLength(1);
    return { cluster: r.cluster, op: r.operations[0]! };
  }

  it("delete by an external provisioner: its finalizer removed and the object deleted (pv-protection lets it go later)", () => {
    const { cluster: c, op } = started(
      cluster({
        volumes: [
          released({
            policy: "Delete",
            source: "csi",
            finalizers: ["kubernetes.io/pv-protection", "external-provisioner.volume.kubernetes.io/finalizer"],
            annotations: { "pv.kubernetes.io/provisioned-by": "csi.example.com" },
          }),
        ],
      }),
    );
    const r = completeOperation(c, op, "success", ctx);
    expect(r.writes.map((w) => `${w.actor} ${w.verb}`)).toEqual(["external-provisioner update", "external-provisioner delete"]);
    const v = r.cluster.volumes.get("pv1")!;
    expect(v.metadata.deletionTimestamp).toBe(ctx.now);
    expect(v.metadata.finalizers).toEqual(["kubernetes.io/pv-protection"]);
    expect(r.cluster.operations.size).toBe(0);
  });

  it("delete in-tree: kubernetes.io/pv-controller removed, then the object is gone when no finalizer is left", () => {
    const v = pv("pv1", {
      phase: "Released",
      policy: "Delete",
      source: "hostPath",
      claimRef: { name: "data", uid: "u1" },
      annotations: { "pv.kubernetes.io/provisioned-by": "kubernetes.io/host-path", ...bc },
      finalizers: ["kubernetes.io/pv-controller"],
    });
    const opts = { ...ctx, inTreePlugins: ["kubernetes.io/host-path"] };
    const { cluster: c, op } = started(cluster({ volumes: [v] }), opts);
    const r = completeOperation(c, op, "success", opts);
    expect(r.writes.map((w) => `${w.verb} ${w.removed}`)).toEqual(["update false", "delete true"]);
    expect(r.cluster.volumes.has("pv1")).toBe(false);
  });

  it("delete of a static volume without a deleter → Failed + VolumeFailedDelete, whatever the outcome", () => {
    const { cluster: c, op } = started(cluster({ volumes: [released({ policy: "Delete" })] }));
    const r = completeOperation(c, op, "success", ctx);
    expect(r.cluster.volumes.get("pv1")!.status?.phase).toBe("Failed");
    expect(reasons(r.events)).toEqual([
      'Warning VolumeFailedDelete: error getting deleter volume plugin for volume "pv1": no deletable volume plugin matched',
    ]);
  });

  it("delete failure (in-tree) → Failed + VolumeFailedDelete; 'in use' → Normal VolumeDelete only", () => {
    const v = released({
      policy: "Delete",
      source: "hostPath",
      annotations: { "pv.kubernetes.io/provisioned-by": "kubernetes.io/host-path", ...bc },
    });
    const opts = { ...ctx, inTreePlugins: ["kubernetes.io/host-path"] };
    const a = started(cluster({ volumes: [v] }), opts);
    const failed = completeOperation(a.cluster, a.op, { ok: false, message: "backend down" }, opts);
    expect(failed.cluster.volumes.get("pv1")!.status).toMatchObject({ phase: "Failed", message: "backend down" });
    expect(reasons(failed.events)).toEqual(["Warning VolumeFailedDelete: backend down"]);
    const inUse = completeOperation(a.cluster, a.op, { ok: false, message: "volume is in use", inUse: true }, opts);
    expect(inUse.writes).toEqual([]);
    expect(reasons(inUse.events)).toEqual(["Normal VolumeDelete: volume is in use"]);
  });

  it("external delete failure: the provisioner's Warning only", () => {
    const { cluster: c, op } = started(cluster({ volumes: [released({ policy: "Delete", source: "csi" })] }));
    const r = completeOperation(c, op, { ok: false, message: "rpc error" }, ctx);
    expect(r.writes).toEqual([]);
    expect(reasons(r.events)).toEqual(["Warning VolumeFailedDelete: rpc error"]);
  });

  it("a delete whose volume is no longer released does nothing", () => {
    const { cluster: c, op } = started(cluster({ volumes: [released({ policy: "Delete", source: "csi" })] }));
    const v = c.volumes.get("pv1")!;
    const c2 = createCluster({ volumes: [{ ...v, spec: { ...v.spec, claimRef: null } }], operations: [...c.operations.values()] });
    const r = completeOperation(c2, op, "success", ctx);
    expect(r.writes).toEqual([]);
    expect(r.cluster.operations.size).toBe(0);
  });

  it("recycle success → VolumeRecycled and Available (claimRef removed for a controller-bound volume)", () => {
    const { cluster: c, op } = started(cluster({ volumes: [released({ policy: "Recycle" })] }));
    const r = completeOperation(c, op, "success", ctx);
    expect(reasons(r.events)).toEqual(["Normal VolumeRecycled: Volume recycled"]);
    const v = r.cluster.volumes.get("pv1")!;
    expect(v.status?.phase).toBe("Available");
    expect(v.spec.claimRef).toBeUndefined();
  });

  it.each([
    ["no recycler (CSI)", { source: "csi" as const }, "success" as const, "No recycler plugin found for the volume!"],
    ["a recycler failure", {}, { ok: false as const, message: "pod failed" }, "Recycle failed: pod failed"],
  ])("recycle with %s → Failed + VolumeFailedRecycle", (_, o, outcome, message) => {
    const { cluster: c, op } = started(cluster({ volumes: [released({ policy: "Recycle", ...o })] }));
    const r = completeOperation(c, op, outcome, ctx);
    expect(r.cluster.volumes.get("pv1")!.status?.phase).toBe("Failed");
    expect(reasons(r.events)).toEqual([`Warning VolumeFailedRecycle: ${message}`]);
  });

  it("recycle refuses while running pods still use the old claim name", () => {
    const { cluster: c, op } = started(
      cluster({
        volumes: [released({ policy: "Recycle" })],
        pods: [pod("web", ["data"], { node: "n1" }), pod("old", ["data"], { phase: "Failed" })],
      }),
    );
    const r = completeOperation(c, op, "success", ctx);
    expect(r.writes).toEqual([]);
    expect(reasons(r.events)).toEqual(["Normal VolumeFailedRecycle: Volume is used by pods: default/web"]);
  });
});

describe("isVolumeReleased (pv_controller.go reclaimVolume)", () => {
  const claimed = (uid?: string) => pv("pv1", { phase: "Bound", claimRef: { name: "data", ...(uid !== undefined ? { uid } : {}) } });
  it.each([
    ["no claimRef", pv("pv1"), [], false],
    ["claimRef without UID", claimed(), [], false],
    ["the claim is gone", claimed("u1"), [], true],
    ["the claim has another UID", claimed("u1"), [pvc("data", { uid: "u2" })], true],
    ["the claim (same UID) is still binding", claimed("u1"), [pvc("data", { uid: "u1" })], false],
    ["the claim (same UID) is bound to it", claimed("u1"), [pvc("data", { uid: "u1", volumeName: "pv1" })], false],
    ["the claim (same UID) is bound elsewhere", claimed("u1"), [pvc("data", { uid: "u1", volumeName: "pv2" })], true],
  ])("%s → %s", (_, volume, claims, expected) => {
    const c = createCluster({ volumes: [volume], claims });
    expect(isVolumeReleased(c, c.volumes.get("pv1")!)).toBe(expected);
  });

  it("an operation whose volume is owned again by its claim does nothing", () => {
    const c = createCluster({
      volumes: [pv("pv1", { phase: "Released", policy: "Delete", source: "csi", claimRef: { name: "data", uid: "u1" } })],
      claims: [pvc("data", { uid: "u1", volumeName: "pv1" })],
      operations: [
        {
          id: "delete-pv1[uid-pv1]",
          kind: "delete",
          external: true,
          volume: "pv1",
          volumeUid: "uid-pv1",
          startedAt: "2026-03-01T10:00:00Z",
        },
      ],
    });
    const r = completeOperation(c, "delete-pv1[uid-pv1]", "success", ctx);
    expect(r.writes).toEqual([]);
    expect(r.cluster.operations.size).toBe(0);
  });
});
