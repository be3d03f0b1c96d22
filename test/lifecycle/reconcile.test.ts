import { describe, expect, it } from "vitest";
import {
  completeOperation,
  createClaim,
  createCluster,
  LifecycleError,
  reconcile,
  syncClaim,
  syncVolume,
  type Cluster,
} from "../../src/lifecycle/index.js";
import { ctx, freezeCluster, pod, pv, pvc, sc } from "./fixtures.js";

describe("reconcile", () => {
  it("runs claims then volumes to a fixpoint and reports rounds, writes and events", () => {
    const c = freezeCluster(
      createCluster({ volumes: [pv("pv1", { phase: "Pending" }), pv("pv2", { phase: "Pending", size: "1Gi" })], claims: [pvc("data")] }),
    );
    const r = reconcile(c, { ...ctx, protection: false });
    expect(r.converged).toBe(true);
    // round 1: the claim sees no Available volume; the volumes become Available. round 2: bind.
    // round 3 changes nothing.
    expect(r.rounds).toBe(3);
    expect(r.writes.map((w) => `${w.verb} ${w.kind} ${w.name}`)).toEqual([
      "updateStatus PersistentVolume pv1",
      "updateStatus PersistentVolume pv2",
      "update PersistentVolume pv1",
      "updateStatus PersistentVolume pv1",
      "update PersistentVolumeClaim data",
      "updateStatus PersistentVolumeClaim data",
    ]);
    expect(r.events.map((e) => e.reason)).toEqual(["FailedBinding"]);
    expect(r.cluster.claims.get("default/data")!.spec.volumeName).toBe("pv1");
    expect(r.pending).toEqual([]);
  });

  it("reports running operations without completing them, or completes them with completeOperations: succeed", () => {
    const c = createCluster({ classes: [sc("fast")], claims: [pvc("data", { className: "fast" })] });
    const reported = reconcile(c, ctx);
    expect(reported.converged).toBe(true);
    expect(reported.pending.map((o) => o.id)).toEqual(["provision-default/data[uid-data]"]);
    expect(reported.operations).toHaveLength(1);
    // repeated identical events are reported once
    expect(reported.events.filter((e) => e.reason === "ExternalProvisioning")).toHaveLength(1);
    const simulated = reconcile(c, ctx, { completeOperations: "succeed" });
    expect(simulated.pending).toEqual([]);
    expect(simulated.cluster.claims.get("default/data")!.status?.phase).toBe("Bound");
    expect(simulated.events.map((e) => e.reason)).toEqual(["ExternalProvisioning", "Provisioning", "ProvisioningSucceeded"]);
  });

  it("stops at maxRounds with converged: false", () => {
    const c = createCluster({ volumes: [pv("pv1", { phase: "Pending" })], claims: [pvc("data")] });
    const r = reconcile(c, ctx, { maxRounds: 1 });
    expect(r.rounds).toBe(1);
    expect(r.converged).toBe(false);
  });

  it("collects controller errors and still converges", () => {
    const cls = sc("odd");
    delete (cls as { volumeBindingMode?: unknown }).volumeBindingMode;
    const r = reconcile(createCluster({ classes: [cls], claims: [pvc("data", { className: "odd" })] }, { defaulting: false }), ctx);
    expect(r.converged).toBe(true);
    expect(r.errors).toContain('VolumeBindingMode not set for StorageClass "odd"');
  });

  it("is deterministic and never modifies its input", () => {
    const build = (): Cluster =>
      freezeCluster(
        createCluster({
          volumes: [pv("a", { size: "5Gi" }), pv("b", { size: "5Gi" }), pv("c", { size: "20Gi" })],
          claims: [pvc("x", { size: "5Gi" }), pvc("y", { size: "5Gi" }), pvc("z", { size: "5Gi" })],
        }),
      );
    const one = reconcile(build(), ctx);
    const two = reconcile(build(), ctx);
    expect(one).toEqual(two);
    // equal capacities: the smaller name wins, claims are taken in key order
    expect(one.cluster.claims.get("default/x")!.spec.volumeName).toBe("a");
    expect(one.cluster.claims.get("default/y")!.spec.volumeName).toBe("b");
    expect(one.cluster.claims.get("default/z")!.spec.volumeName).toBe("c");
  });

  it("a WaitForFirstConsumer claim waits for its pod, then provisions on the selected node", () => {
    let c = createCluster({
      classes: [sc("wffc", { volumeBindingMode: "WaitForFirstConsumer", provisioner: "csi.example.com" })],
      nodes: [{ metadata: { name: "n1", labels: { "kubernetes.io/hostname": "n1" } } }],
      pods: [pod("web", ["data"])],
    });
    c = createClaim(c, pvc("data", { className: "wffc" }), ctx).cluster;
    const waiting = reconcile(c, ctx);
    expect(waiting.events.map((e) => e.message)).toContain("waiting for pod web to be scheduled");
    const claim = waiting.cluster.claims.get("default/data")!;
    const selected = createCluster({
      classes: [...waiting.cluster.classes.values()],
      nodes: [...waiting.cluster.nodes.values()],
      pods: [...waiting.cluster.pods.values()],
      claims: [{ ...claim, metadata: { ...claim.metadata, annotations: { "volume.kubernetes.io/selected-node": "n1" } } }],
    });
    const done = reconcile(selected, ctx, { completeOperations: "succeed" });
    const bound = done.cluster.claims.get("default/data")!;
    expect(bound.status?.phase).toBe("Bound");
    expect(done.cluster.volumes.get(bound.spec.volumeName!)!.spec.nodeAffinity?.required?.nodeSelectorTerms).toEqual([
      { matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["n1"] }] },
    ]);
  });
});

describe("bad input is refused with typed errors", () => {
  it.each([
    ["syncClaim(null)", () => syncClaim(null as never, "a/b", ctx)],
    ["syncVolume without ctx", () => syncVolume(createCluster({}), "pv1", undefined as never)],
    ["reconcile({})", () => reconcile({} as never, ctx)],
    ["reconcile with a bad clock", () => reconcile(createCluster({}), { now: "not a date" })],
    ["completeOperation with a bad outcome", () => completeOperation(createCluster({}), "x", 42 as never, ctx)],
    ["createCluster(null)", () => createCluster(null as never)],
  ])("%s", (_, call) => {
    expect(call).toThrow(LifecycleError);
  });
});
