/**
 * Tables ported from kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/volumebinding/binder_test.go` (`TestFindPodVolumesWithoutProvisioning`,
 * `TestFindPodVolumesWithProvisioning`, `TestCapacity`).
 */
import { describe, expect, it } from "vitest";
import { findPodVolumes, preFilterPodVolumes, SchedulingReasons as R } from "../../src/scheduling/index.js";
import { cluster, immediateClass, node, pod, provisioner, pv, pvc, topoMismatchClass, waitClassWithProvisioner } from "./builders.js";

const unboundPVC = pvc("unbound-pvc", "1G");
const unboundPVC2 = pvc("unbound-pvc2", "5G");
const preboundPVC = pvc("prebound-pvc", "1G", { volumeName: "pv-node1a" });
const boundPVC = pvc("bound-pvc", "1G", { volumeName: "pv-bound", bound: true });
const boundPVCNode2 = pvc("bound-pvc-node2", "1G", { volumeName: "pv-bound-node2", bound: true });
const boundPVCMissing = pvc("bound-pvc-missing", "1G", { volumeName: "pv-missing", bound: true });
const immediateUnbound = pvc("immediate-unbound-pvc", "1G", { class: immediateClass });
const immediateBound = pvc("immediate-bound-pvc", "1G", { class: immediateClass, volumeName: "pv-bound-immediate", bound: true });
const provisionedPVC = pvc("provisioned-pvc", "1Gi", { class: waitClassWithProvisioner });
const provisionedPVC2 = pvc("provisioned-pvc2", "1Gi", { class: waitClassWithProvisioner });
const noProvisionerPVC = pvc("no-provisioner-pvc", "1Gi");
const topoMismatchPVC = pvc("topo-mismatch-pvc", "1Gi", { class: topoMismatchClass });
const selectedNodePVC = pvc("provisioned-pvc", "1Gi", {
  class: waitClassWithProvisioner,
  annotations: { "volume.kubernetes.io/selected-node": "node1" },
});

const pvNode1a = pv("pv-node1a", "5G", { node: "node1" });
const pvNode1b = pv("pv-node1b", "10G", { node: "node1" });
const pvNode2 = pv("pv-node2", "1G", { node: "node2" });
const pvBound = pv("pv-bound", "1G", { node: "node1", claim: boundPVC });
const pvBoundNode2 = pv("pv-bound-node2", "1G", { node: "node2", claim: boundPVCNode2 });
const pvBoundImmediate = pv("pv-bound-immediate", "1G", { node: "node1", claim: immediateBound, class: immediateClass });

interface Case {
  name: string;
  claims: ReturnType<typeof pvc>[];
  volumes?: ReturnType<typeof pv>[];
  preFilter?: string[];
  reasons?: string[];
  bindings?: [string, string][];
  provisions?: string[];
}

function run(c: Case, nodeName = "node1") {
  const cl = cluster({ claims: c.claims, volumes: c.volumes ?? [] });
  const p = pod(c.claims.map((x) => x.metadata!.name!));
  const pre = preFilterPodVolumes(p, cl);
  const r = findPodVolumes(p, nodeName, cl);
  if (c.preFilter) {
    expect(pre.code).toBe("UnschedulableAndUnresolvable");
    expect(pre.reasons).toEqual(c.preFilter);
    expect(r.reasons).toEqual(c.preFilter);
    expect(r.feasible).toBe(false);
    return;
  }
  expect(pre.code).toBe("Success");
  expect(r.reasons).toEqual(c.reasons ?? []);
  expect(r.feasible).toBe((c.reasons ?? []).length === 0);
  expect(r.bindings).toEqual((c.bindings ?? []).map(([claim, volume]) => ({ claim: `testns/${claim}`, volume })));
  expect(r.provisions).toEqual((c.provisions ?? []).map((x) => `testns/${x}`));
}

describe("findPodVolumes without provisioning (binder_test.go)", () => {
  const cases: Case[] = [
    { name: "bound-pvc", claims: [boundPVC], volumes: [pvBound] },
    { name: "bound-pvc,pv-not-exists", claims: [boundPVCMissing], reasons: [R.PVNotExist] },
    { name: "prebound-pvc", claims: [preboundPVC], volumes: [pvNode1a], preFilter: [R.UnboundImmediate] },
    {
      name: "unbound-pvc,pv-same-node",
      claims: [unboundPVC],
      volumes: [pvNode2, pvNode1a, pvNode1b],
      bindings: [["unbound-pvc", "pv-node1a"]],
    },
    { name: "unbound-pvc,pv-different-node", claims: [unboundPVC], volumes: [pvNode2], reasons: [R.BindConflict] },
    {
      name: "two-unbound-pvcs",
      claims: [unboundPVC, unboundPVC2],
      volumes: [pvNode1a, pvNode1b],
      bindings: [
        ["unbound-pvc", "pv-node1a"],
        ["unbound-pvc2", "pv-node1b"],
      ],
    },
    {
      name: "two-unbound-pvcs,order-by-size",
      claims: [unboundPVC2, unboundPVC],
      volumes: [pvNode1a, pvNode1b],
      bindings: [
        ["unbound-pvc", "pv-node1a"],
        ["unbound-pvc2", "pv-node1b"],
      ],
    },
    {
      name: "two-unbound-pvcs,partial-match",
      claims: [unboundPVC, unboundPVC2],
      volumes: [pvNode1a],
      bindings: [["unbound-pvc", "pv-node1a"]],
      reasons: [R.BindConflict],
    },
    {
      name: "one-bound,one-unbound",
      claims: [unboundPVC, boundPVC],
      volumes: [pvBound, pvNode1a],
      bindings: [["unbound-pvc", "pv-node1a"]],
    },
    { name: "one-bound,one-unbound,no-match", claims: [unboundPVC, boundPVC], volumes: [pvBound, pvNode2], reasons: [R.BindConflict] },
    { name: "one-prebound,one-unbound", claims: [unboundPVC, preboundPVC], volumes: [pvNode1a, pvNode1b], preFilter: [R.UnboundImmediate] },
    { name: "immediate-bound-pvc", claims: [immediateBound], volumes: [pvBoundImmediate] },
    { name: "immediate-bound-pvc-wrong-node", claims: [boundPVCNode2], volumes: [pvBoundNode2], reasons: [R.NodeConflict] },
    { name: "immediate-unbound-pvc", claims: [immediateUnbound], preFilter: [R.UnboundImmediate] },
    {
      name: "immediate-unbound-pvc,delayed-mode-bound",
      claims: [immediateUnbound, boundPVC],
      volumes: [pvBound],
      preFilter: [R.UnboundImmediate],
    },
    { name: "immediate-unbound-pvc,delayed-mode-unbound", claims: [immediateUnbound, unboundPVC], preFilter: [R.UnboundImmediate] },
  ];
  it.each(cases)("$name", (c) => run(c));
});

describe("findPodVolumes with provisioning (binder_test.go)", () => {
  const cases: Case[] = [
    { name: "one-provisioned", claims: [provisionedPVC], provisions: ["provisioned-pvc"] },
    {
      name: "two-unbound-pvcs,one-matched,one-provisioned",
      claims: [unboundPVC, provisionedPVC],
      volumes: [pvNode1a],
      bindings: [["unbound-pvc", "pv-node1a"]],
      provisions: ["provisioned-pvc"],
    },
    { name: "one-bound,one-provisioned", claims: [boundPVC, provisionedPVC], volumes: [pvBound], provisions: ["provisioned-pvc"] },
    { name: "one-binding,one-selected-node", claims: [boundPVC, selectedNodePVC], volumes: [pvBound], provisions: ["provisioned-pvc"] },
    { name: "immediate-unbound-pvc", claims: [immediateUnbound], preFilter: [R.UnboundImmediate] },
    {
      name: "one-immediate-bound,one-provisioned",
      claims: [immediateBound, provisionedPVC],
      volumes: [pvBoundImmediate],
      provisions: ["provisioned-pvc"],
    },
    { name: "invalid-provisioner", claims: [noProvisionerPVC], reasons: [R.BindConflict] },
    { name: "volume-topology-unsatisfied", claims: [topoMismatchPVC], reasons: [R.BindConflict] },
    { name: "two-provisioned", claims: [provisionedPVC, provisionedPVC2], provisions: ["provisioned-pvc", "provisioned-pvc2"] },
  ];
  it.each(cases)("$name", (c) => run(c));

  it("selected-node naming another node fails fast, with no bindings", () => {
    const other = pvc("provisioned-pvc", "1Gi", {
      class: waitClassWithProvisioner,
      annotations: { "volume.kubernetes.io/selected-node": "node2" },
    });
    const cl = cluster({ claims: [other, unboundPVC], volumes: [pvNode1a] });
    const r = findPodVolumes(pod(["provisioned-pvc", "unbound-pvc"]), "node1", cl);
    expect(r).toEqual({ code: "UnschedulableAndUnresolvable", feasible: false, reasons: [R.BindConflict], bindings: [], provisions: [] });
  });

  it("a claim without class to provision is an error", () => {
    const c = pvc("noclass", "1Gi", { class: "" });
    // class "" is not delayed: the claim is unbound immediate
    expect(preFilterPodVolumes(pod(["noclass"]), cluster({ claims: [c] })).reasons).toEqual([R.UnboundImmediate]);
  });
});

describe("capacity (binder_test.go TestCapacity)", () => {
  const driver = { metadata: { name: provisioner }, spec: { storageCapacity: true } };
  const cap = (name: string, extra: Record<string, unknown>) => ({
    metadata: { name, namespace: "kube-system" },
    storageClassName: waitClassWithProvisioner,
    nodeTopology: {},
    ...extra,
  });
  const cases: { name: string; capacities: Record<string, unknown>[]; drivers?: unknown[]; reasons: string[] }[] = [
    { name: "network attached", capacities: [cap("c1", { capacity: "1Gi" })], reasons: [] },
    {
      name: "local storage with selector",
      capacities: [cap("c1", { capacity: "1Gi", nodeTopology: { matchLabels: { nodeKey: "node1" } } })],
      reasons: [],
    },
    {
      name: "wrong node",
      capacities: [cap("c1", { capacity: "1Gi", nodeTopology: { matchLabels: { nodeKey: "node2" } } })],
      reasons: [R.NotEnoughSpace],
    },
    { name: "wrong storage class", capacities: [cap("c1", { capacity: "1Gi", storageClassName: "other" })], reasons: [R.NotEnoughSpace] },
    { name: "insufficient storage", capacities: [cap("c1", { capacity: "1Mi" })], reasons: [R.NotEnoughSpace] },
    {
      name: "insufficient volume size",
      capacities: [cap("c1", { capacity: "10Gi", maximumVolumeSize: "1Mi" })],
      reasons: [R.NotEnoughSpace],
    },
    { name: "maximum volume size wins over capacity", capacities: [cap("c1", { capacity: "1Mi", maximumVolumeSize: "1Gi" })], reasons: [] },
    { name: "zero storage", capacities: [cap("c1", { capacity: "0" })], reasons: [R.NotEnoughSpace] },
    { name: "nil storage", capacities: [cap("c1", {})], reasons: [R.NotEnoughSpace] },
    { name: "nil node topology", capacities: [cap("c1", { capacity: "1Gi", nodeTopology: null })], reasons: [R.NotEnoughSpace] },
    { name: "no capacity objects", capacities: [], reasons: [R.NotEnoughSpace] },
    { name: "no CSIDriver", capacities: [], drivers: [], reasons: [] },
    {
      name: "CSIDriver without storageCapacity",
      capacities: [],
      drivers: [{ metadata: { name: provisioner }, spec: { storageCapacity: false } }],
      reasons: [],
    },
  ];
  it.each(cases)("$name", (c) => {
    const cl = cluster({
      claims: [provisionedPVC],
      csiDrivers: (c.drivers ?? [driver]) as never,
      csiStorageCapacities: c.capacities as never,
    });
    const r = findPodVolumes(pod(["provisioned-pvc"]), "node1", cl);
    expect(r.reasons).toEqual(c.reasons);
    expect(r.provisions).toEqual(c.reasons.length === 0 ? ["testns/provisioned-pvc"] : []);
  });
});

describe("PreFilter texts (volume_binding_test.go)", () => {
  it("no volumes: Skip", () => {
    expect(preFilterPodVolumes(pod([]), cluster({}))).toEqual({ code: "Skip", reasons: [] });
    expect(findPodVolumes(pod([]), "node1", cluster({})).feasible).toBe(true);
  });
  it("missing claim", () => {
    expect(preFilterPodVolumes(pod(["pvc-a"]), cluster({}))).toEqual({
      code: "UnschedulableAndUnresolvable",
      reasons: ['persistentvolumeclaim "pvc-a" not found'],
    });
  });
  it("missing ephemeral claim", () => {
    expect(preFilterPodVolumes(pod([], { ephemeral: ["scratch"] }), cluster({})).reasons).toEqual([
      'waiting for ephemeral volume controller to create the persistentvolumeclaim "test-pod-scratch"',
    ]);
  });
  it("ephemeral claim not owned by the pod", () => {
    const c = pvc("test-pod-scratch", "1Gi");
    expect(preFilterPodVolumes(pod([], { ephemeral: ["scratch"] }), cluster({ claims: [c] })).reasons).toEqual([
      "PVC testns/test-pod-scratch was not created for pod testns/test-pod (pod is not owner)",
    ]);
  });
  it("Lost claim", () => {
    const c = pvc("pvc-a", "1Gi", { volumeName: "pv-a", phase: "Lost" });
    expect(preFilterPodVolumes(pod(["pvc-a"]), cluster({ claims: [c] })).reasons).toEqual([
      'persistentvolumeclaim "pvc-a" bound to non-existent persistentvolume "pv-a"',
    ]);
  });
  it("claim being deleted", () => {
    const c = pvc("pvc-a", "1Gi");
    c.metadata!.deletionTimestamp = "2026-01-01T00:00:00Z";
    c.metadata!.finalizers = ["kubernetes.io/pvc-protection"];
    expect(preFilterPodVolumes(pod(["pvc-a"]), cluster({ claims: [c] })).reasons).toEqual([
      'persistentvolumeclaim "pvc-a" is being deleted',
    ]);
  });
  it("class without binding mode: Error", async () => {
    const { createCluster } = await import("../../src/lifecycle/index.js");
    const cl = createCluster(
      { classes: [{ metadata: { name: "nomode" }, provisioner: "p" }], claims: [pvc("pvc-a", "1Gi", { class: "nomode" })] },
      { defaulting: false },
    );
    expect(preFilterPodVolumes(pod(["pvc-a"]), cl)).toEqual({
      code: "Error",
      reasons: ['VolumeBindingMode not set for StorageClass "nomode"'],
    });
  });
  it("unknown node: Error", () => {
    expect(findPodVolumes(pod([]), "nope", cluster({})).code).toBe("Error");
  });
  it("garbage pod: typed error with a field path", () => {
    expect(() => findPodVolumes(42 as never, "node1", cluster({}))).toThrow(/^pod: /);
    expect(() => findPodVolumes({ metadata: {}, spec: { volumes: 3 } } as never, "node1", cluster({}))).toThrow(/^pod\.spec\.volumes: /);
    expect(() => findPodVolumes(pod([]), "node1", {} as never)).toThrow(/^cluster: /);
    expect(
      findPodVolumes({ metadata: { name: "x" }, spec: { volumes: [null, 3, { name: "a" }] } } as never, "node1", cluster({})).feasible,
    ).toBe(true);
  });
  it("node labels are what matter", () => {
    const cl = cluster({ claims: [unboundPVC], volumes: [pvNode1a], nodes: [node("nodeX", { nodeKey: "node1" })] });
    expect(findPodVolumes(pod(["unbound-pvc"]), "nodeX", cl).bindings).toEqual([{ claim: "testns/unbound-pvc", volume: "pv-node1a" }]);
  });
});
