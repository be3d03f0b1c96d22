/**
 * Tables ported from kubernetes/kubernetes `pkg/scheduler/framework/plugins/volumezone/volume_zone_test.go`
 * (`TestSingleZone`, `TestMultiZone`, `TestWithBinding`).
 */
import { describe, expect, it } from "vitest";
import type { Node, Pod } from "../../src/api/index.js";
import { createCluster } from "../../src/lifecycle/index.js";
import { SchedulingReasons as R, volumeZoneFilter } from "../../src/scheduling/index.js";

const BZ = "failure-domain.beta.kubernetes.io/zone";
const BR = "failure-domain.beta.kubernetes.io/region";
const Z = "topology.kubernetes.io/zone";
const RG = "topology.kubernetes.io/region";

const vol = (name: string, labels: Record<string, string>) => ({ metadata: { name, labels }, spec: {} });
const claim = (name: string, spec: Record<string, unknown>) => ({ metadata: { name, namespace: "default" }, spec });
const podWith = (pvc?: string): Pod => ({
  metadata: { name: "pod_1", namespace: "default" },
  spec: { volumes: pvc === undefined ? [] : [{ name: "v", persistentVolumeClaim: { claimName: pvc } }] },
});
const host = (labels?: Record<string, string>): Node => ({ metadata: { name: "host1", ...(labels ? { labels } : {}) } });
const conflict = { code: "UnschedulableAndUnresolvable", reasons: [R.VolumeZoneConflict] };
const ok = { code: "Success", reasons: [] };

function run(volumes: unknown[], claims: unknown[], pod: Pod, node: Node, classes: unknown[] = []) {
  const cl = createCluster(
    { volumes: volumes as never, claims: claims as never, classes: classes as never, nodes: [node] },
    { defaulting: false },
  );
  return volumeZoneFilter(pod, "host1", cl);
}

describe("TestSingleZone", () => {
  const volumes = [
    vol("Vol_1", { [BZ]: "us-west1-a" }),
    vol("Vol_2", { [BR]: "us-west1", uselessLabel: "none" }),
    vol("Vol_3", { [BR]: "us-west1" }),
    vol("Vol_Stable_1", { [Z]: "us-west1-a" }),
    vol("Vol_Stable_2", { [RG]: "us-west1", uselessLabel: "none" }),
    vol("Vol_Stable_3", { [Z]: "us-west1-a", [RG]: "us-west1-a" }),
  ];
  const claims = ["1", "2", "3", "Stable_1", "Stable_2", "Stable_3"].map((s) => claim(`PVC_${s}`, { volumeName: `Vol_${s}` }));
  claims.push(claim("PVC_4", { volumeName: "Vol_not_exist" }));
  it.each([
    ["pod without volume", undefined, host({ [BZ]: "us-west1-a" }), { code: "Skip", reasons: [] }],
    ["node without labels", "PVC_1", host(), ok],
    ["beta zone label matched", "PVC_1", host({ [BZ]: "us-west1-a", uselessLabel: "none" }), ok],
    ["beta region label matched", "PVC_2", host({ [BR]: "us-west1", uselessLabel: "none" }), ok],
    ["beta region label doesn't match", "PVC_2", host({ [BR]: "no_us-west1", uselessLabel: "none" }), conflict],
    ["beta zone label doesn't match", "PVC_1", host({ [BZ]: "no_us-west1-a", uselessLabel: "none" }), conflict],
    ["zone label matched", "PVC_Stable_1", host({ [Z]: "us-west1-a", uselessLabel: "none" }), ok],
    ["region label matched", "PVC_Stable_2", host({ [RG]: "us-west1", uselessLabel: "none" }), ok],
    ["region label doesn't match", "PVC_Stable_2", host({ [RG]: "no_us-west1", uselessLabel: "none" }), conflict],
    ["zone label doesn't match", "PVC_Stable_1", host({ [Z]: "no_us-west1-a", uselessLabel: "none" }), conflict],
    ["pv with zone and region, node with only zone", "PVC_Stable_3", host({ [Z]: "us-west1-a" }), conflict],
    ["pv with zone,node with beta zone", "PVC_Stable_1", host({ [BZ]: "us-west1-a" }), conflict],
    ["pv with beta label,node with ga label, matched", "PVC_1", host({ [Z]: "us-west1-a" }), ok],
    ["pv with beta label,node with ga label, don't match", "PVC_1", host({ [Z]: "us-west1-b" }), conflict],
    [
      "bound to a missing volume",
      "PVC_4",
      host({ [Z]: "us-west1-b" }),
      { code: "UnschedulableAndUnresolvable", reasons: ['persistentvolume "Vol_not_exist" not found'] },
    ],
  ] as const)("%s", (_n, pvc, node, want) => expect(run(volumes, claims, podWith(pvc), node)).toEqual(want));
});

describe("TestMultiZone", () => {
  const volumes = [
    vol("Vol_1", { [BZ]: "us-west1-a" }),
    vol("Vol_2", { [BZ]: "us-west1-b", uselessLabel: "none" }),
    vol("Vol_3", { [BZ]: "us-west1-c__us-west1-a" }),
    vol("Vol_Stable_1", { [Z]: "us-west1-a" }),
    vol("Vol_Stable_2", { [Z]: "us-west1-c__us-west1-a" }),
    vol("Vol_bad", { [Z]: "us-west1-c__" }),
  ];
  const claims = ["1", "2", "3", "Stable_1", "Stable_2", "bad"].map((s) => claim(`PVC_${s}`, { volumeName: `Vol_${s}` }));
  it.each([
    ["node without labels", "PVC_3", host(), ok],
    ["beta zone label matched", "PVC_3", host({ [BZ]: "us-west1-a", uselessLabel: "none" }), ok],
    ["beta zone label doesn't match", "PVC_1", host({ [BZ]: "us-west1-b", uselessLabel: "none" }), conflict],
    ["zone label matched", "PVC_Stable_2", host({ [Z]: "us-west1-a", uselessLabel: "none" }), ok],
    ["zone label doesn't match", "PVC_Stable_1", host({ [Z]: "us-west1-b", uselessLabel: "none" }), conflict],
    ["an unparsable zone list is ignored", "PVC_bad", host({ [Z]: "us-west1-b" }), { code: "Skip", reasons: [] }],
  ] as const)("%s", (_n, pvc, node, want) => expect(run(volumes, claims, podWith(pvc), node)).toEqual(want));
});

describe("TestWithBinding", () => {
  const classes = [
    { metadata: { name: "Class_Immediate" } },
    { metadata: { name: "Class_Wait" }, volumeBindingMode: "WaitForFirstConsumer" },
  ];
  const volumes = [vol("Vol_1", { [BZ]: "us-west1-a" })];
  const claims = [
    claim("PVC_1", { volumeName: "Vol_1" }),
    claim("PVC_NoSC", { storageClassName: "Class_0" }),
    claim("PVC_EmptySC", {}),
    claim("PVC_WaitSC", { storageClassName: "Class_Wait" }),
    claim("PVC_ImmediateSC", { storageClassName: "Class_Immediate" }),
  ];
  const node = host({ [BZ]: "us-west1-a", uselessLabel: "none" });
  const uu = (m: string) => ({ code: "UnschedulableAndUnresolvable", reasons: [m] });
  it.each([
    ["label zone failure domain matched", "PVC_1", ok],
    ["unbound volume empty storage class", "PVC_EmptySC", uu("PersistentVolumeClaim had no pv name and storageClass name")],
    // upstream's fake lister says "storageclasses.storage.k8s.io"; the informer lister the scheduler uses says the singular
    ["unbound volume no storage class", "PVC_NoSC", uu('storageclass.storage.k8s.io "Class_0" not found')],
    ["unbound volume immediate binding mode", "PVC_ImmediateSC", uu('VolumeBindingMode not set for StorageClass "Class_Immediate"')],
    ["unbound volume wait binding mode", "PVC_WaitSC", { code: "Skip", reasons: [] }],
  ] as const)("%s", (_n, pvc, want) => expect(run(volumes, claims, podWith(pvc), node, classes)).toEqual(want));
  it("missing claim", () =>
    expect(run(volumes, claims, podWith("nope"), node, classes)).toEqual(uu('persistentvolumeclaim "nope" not found')));
});
