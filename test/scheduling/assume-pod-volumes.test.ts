/**
 * Cases ported from kubernetes/kubernetes `pkg/scheduler/framework/plugins/volumebinding/binder_test.go`
 * (`TestAssumePodVolumes`; the assume-cache failures have no equivalent on a snapshot) and the
 * ephemeral-volume cases of `volume_binding_test.go`.
 */
import { describe, expect, it } from "vitest";
import type { Pod } from "../../src/api/index.js";
import { assumePodVolumes, findPodVolumes, preFilterPodVolumes } from "../../src/scheduling/index.js";
import { cluster, pod, pv, pvc, waitClassWithProvisioner } from "./builders.js";

const unboundPVC = pvc("unbound-pvc", "1G");
const unboundPVC2 = pvc("unbound-pvc2", "5G");
const provisionedPVC = pvc("provisioned-pvc", "1Gi", { class: waitClassWithProvisioner });
const pvNode1a = pv("pv-node1a", "5G", { node: "node1" });
const pvNode1b = pv("pv-node1b", "10G", { node: "node1" });
const boundPVC = pvc("bound-pvc", "1G", { volumeName: "pv-bound", bound: true });
const pvBound = pv("pv-bound", "1G", { node: "node1", claim: boundPVC });
const writes = (r: ReturnType<typeof assumePodVolumes>) => r.writes.map((w) => `${w.verb} ${w.kind} ${w.name}`);

describe("TestAssumePodVolumes", () => {
  it("all-bound: nothing to write", () => {
    const r = assumePodVolumes(pod(["bound-pvc"]), "node1", cluster({ claims: [boundPVC], volumes: [pvBound] }));
    expect([r.allBound, r.writes.length, r.status.code]).toEqual([true, 0, "Success"]);
  });
  it("one-binding", () => {
    const cl = cluster({ claims: [unboundPVC], volumes: [pvNode1a] });
    const r = assumePodVolumes(pod(["unbound-pvc"]), "node1", cl);
    expect(writes(r)).toEqual(["update PersistentVolume pv-node1a"]);
    const v = r.cluster.volumes.get("pv-node1a")!;
    expect(v.spec.claimRef).toMatchObject({ name: "unbound-pvc", namespace: "testns", uid: "uid-unbound-pvc" });
    expect(v.metadata.annotations?.["pv.kubernetes.io/bound-by-controller"]).toBe("yes");
    expect(Number(v.metadata.resourceVersion)).toBeGreaterThan(Number(cl.volumes.get("pv-node1a")!.metadata.resourceVersion ?? 0));
  });
  it("two-bindings", () => {
    const r = assumePodVolumes(
      pod(["unbound-pvc", "unbound-pvc2"]),
      "node1",
      cluster({ claims: [unboundPVC, unboundPVC2], volumes: [pvNode1a, pvNode1b] }),
    );
    expect(writes(r)).toEqual(["update PersistentVolume pv-node1a", "update PersistentVolume pv-node1b"]);
  });
  it("pv-bound: a volume already pointing at the claim (with its uid) is not rewritten", () => {
    const pre = pv("pv-node1a", "5G", { node: "node1", claim: unboundPVC, phase: "Available" });
    const r = assumePodVolumes(pod(["unbound-pvc"]), "node1", cluster({ claims: [unboundPVC], volumes: [pre] }));
    expect(findPodVolumes(pod(["unbound-pvc"]), "node1", cluster({ claims: [unboundPVC], volumes: [pre] })).bindings).toEqual([
      { claim: "testns/unbound-pvc", volume: "pv-node1a" },
    ]);
    expect(r.writes).toEqual([]);
    expect(r.allBound).toBe(false);
  });
  it("pre-bound by name only: the uid is filled in, no bound-by-controller", () => {
    const pre = pv("pv-node1a", "5G", { node: "node1", prebound: { ns: "testns", name: "unbound-pvc" } });
    const r = assumePodVolumes(pod(["unbound-pvc"]), "node1", cluster({ claims: [unboundPVC], volumes: [pre] }));
    expect(writes(r)).toEqual(["update PersistentVolume pv-node1a"]);
    const v = r.cluster.volumes.get("pv-node1a")!;
    expect(v.spec.claimRef?.uid).toBe("uid-unbound-pvc");
    expect(v.metadata.annotations?.["pv.kubernetes.io/bound-by-controller"]).toBeUndefined();
  });
  it("one-binding, one-pvc-provisioned", () => {
    const r = assumePodVolumes(
      pod(["unbound-pvc", "provisioned-pvc"]),
      "node1",
      cluster({ claims: [unboundPVC, provisionedPVC], volumes: [pvNode1a] }),
    );
    expect(writes(r)).toEqual(["update PersistentVolume pv-node1a", "update PersistentVolumeClaim provisioned-pvc"]);
    expect(r.cluster.claims.get("testns/provisioned-pvc")!.metadata.annotations?.["volume.kubernetes.io/selected-node"]).toBe("node1");
  });
  it("an unknown node is an error, nothing written", () => {
    const r = assumePodVolumes(pod(["unbound-pvc"]), "nope", cluster({ claims: [unboundPVC], volumes: [pvNode1a] }));
    expect([r.status.code, r.writes.length]).toEqual(["Error", 0]);
  });
});

describe("generic ephemeral volumes (volume_binding_test.go)", () => {
  const ephemeralPod: Pod = { ...pod([], { ephemeral: ["scratch"] }), metadata: { name: "test-pod", namespace: "testns", uid: "pod-uid" } };
  const owned = pvc("test-pod-scratch", "1Gi", { class: waitClassWithProvisioner });
  owned.metadata!.ownerReferences = [{ apiVersion: "v1", kind: "Pod", name: "test-pod", uid: "pod-uid", controller: true }];
  it("a claim owned by the pod is provisioned for it", () => {
    const cl = cluster({ claims: [owned] });
    expect(preFilterPodVolumes(ephemeralPod, cl).code).toBe("Success");
    expect(findPodVolumes(ephemeralPod, "node1", cl).provisions).toEqual(["testns/test-pod-scratch"]);
  });
  it("owned without controller: true is not the pod's", () => {
    const notController = {
      ...owned,
      metadata: { ...owned.metadata, ownerReferences: [{ apiVersion: "v1", kind: "Pod", name: "test-pod", uid: "pod-uid" }] },
    };
    expect(preFilterPodVolumes(ephemeralPod, cluster({ claims: [notController] })).code).toBe("UnschedulableAndUnresolvable");
  });
});
