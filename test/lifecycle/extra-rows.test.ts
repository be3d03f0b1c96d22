import { describe, expect, it } from "vitest";
import { completeOperation, createCluster, syncClaim } from "../../src/lifecycle/index.js";
import { ctx, pv, pvc, reasons, sc } from "./fixtures.js";

describe("remaining rows of pv_controller.go", () => {
  it("checkVolumeSatisfyClaim: a VolumeAttributesClass mismatch on a named volume → VolumeMismatch", () => {
    const v = pv("pv1", { spec: { volumeAttributesClassName: "gold" } });
    const r = syncClaim(createCluster({ volumes: [v], claims: [pvc("data", { volumeName: "pv1" })] }), "default/data", ctx);
    expect(reasons(r.events)).toEqual([
      'Warning VolumeMismatch: Cannot bind to requested volume "pv1": volumeAttributesClassName does not match',
    ]);
  });

  it("updateClaimStatus / updateVolumePhase: the volume's VolumeAttributesClass is copied into the claim status when it becomes Bound", () => {
    const v = pv("pv1", { spec: { volumeAttributesClassName: "gold" } });
    const claim = pvc("data");
    claim.spec!.volumeAttributesClassName = "gold";
    const r = syncClaim(createCluster({ volumes: [v], claims: [claim] }), "default/data", ctx);
    expect(r.cluster.claims.get("default/data")!.status?.currentVolumeAttributesClassName).toBe("gold");
  });

  it("syncBoundClaim: Lost → Bound when a volume with that name reappears without claimRef", () => {
    const c = createCluster({
      volumes: [pv("pv1")],
      claims: [pvc("data", { volumeName: "pv1", phase: "Lost", annotations: { "pv.kubernetes.io/bind-completed": "yes" } })],
    });
    const r = syncClaim(c, "default/data", ctx);
    expect(r.cluster.claims.get("default/data")!.status?.phase).toBe("Bound");
    expect(r.cluster.volumes.get("pv1")!.spec.claimRef?.uid).toBe("uid-data");
  });

  it("provisionClaimOperation in-tree: a claim with a dataSource cannot be provisioned by a non-CSI plugin", () => {
    const claim = pvc("data", { className: "hp" });
    claim.spec!.dataSource = { kind: "PersistentVolumeClaim", name: "src" };
    const opts = { ...ctx, inTreePlugins: ["kubernetes.io/host-path"] };
    const started = syncClaim(
      createCluster({ classes: [sc("hp", { provisioner: "kubernetes.io/host-path" })], claims: [claim] }),
      "default/data",
      opts,
    );
    const r = completeOperation(started.cluster, started.operations[0]!, "success", opts);
    expect(r.writes).toEqual([]);
    expect(reasons(r.events)).toEqual([
      'Warning ProvisioningFailed: plugin "kubernetes.io/host-path" is not a CSI plugin. Only CSI plugin can provision a claim with a datasource',
    ]);
  });

  it("provisionClaimOperation in-tree: a selected node that does not exist → Failed to get target node", () => {
    const opts = { ...ctx, inTreePlugins: ["kubernetes.io/host-path"] };
    const started = syncClaim(
      createCluster({
        classes: [sc("hp", { provisioner: "kubernetes.io/host-path" })],
        claims: [pvc("data", { className: "hp", annotations: { "volume.kubernetes.io/selected-node": "gone" } })],
      }),
      "default/data",
      opts,
    );
    const r = completeOperation(started.cluster, started.operations[0]!, "success", opts);
    expect(reasons(r.events)).toEqual(['Warning ProvisioningFailed: Failed to get target node: node "gone" not found']);
    expect(r.cluster.volumes.size).toBe(0);
  });

  it("provisionClaimOperationExternal: a claim with a selector is refused by the provisioner (and rescheduled)", () => {
    const started = syncClaim(
      createCluster({ classes: [sc("fast")], claims: [pvc("data", { className: "fast", selector: { matchLabels: { a: "b" } } })] }),
      "default/data",
      ctx,
    );
    const r = completeOperation(started.cluster, started.operations[0]!, "success", ctx);
    expect(reasons(r.events)).toContain(
      'Warning ProvisioningFailed: failed to provision volume with StorageClass "fast": claim Selector is not supported',
    );
    expect(r.cluster.volumes.size).toBe(0);
  });

  it("provisionClaimOperation: a volume named pvc-<uid> that already exists counts as provisioned", () => {
    const started = syncClaim(createCluster({ classes: [sc("fast")], claims: [pvc("data", { className: "fast" })] }), "default/data", ctx);
    const withPv = createCluster({
      classes: [...started.cluster.classes.values()],
      claims: [...started.cluster.claims.values()],
      volumes: [pv("pvc-uid-data", { className: "fast", phase: "Pending", claimRef: { name: "data", uid: "uid-data" } })],
      operations: [...started.cluster.operations.values()],
    });
    const r = completeOperation(withPv, started.operations[0]!, "success", ctx);
    expect(r.writes).toEqual([]);
    expect(r.events).toEqual([]);
  });
});
