/**
 * Plugin-level cases ported from kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/volumebinding/volume_binding_test.go` (`TestVolumeBinding`: PreFilter,
 * Filter and Score on every node) and the CSI-migration cases of `binder_test.go`
 * (`TestFindPodVolumesWithCSIMigration`).
 */
import { describe, expect, it } from "vitest";
import type { CSINode, Node, PersistentVolume } from "../../src/api/index.js";
import { createCluster } from "../../src/lifecycle/index.js";
import { filterNodes, findPodVolumes, preFilterPodVolumes, SchedulingReasons as R } from "../../src/scheduling/index.js";
import { pod, pv, pvc } from "./builders.js";

const wffc = (name: string) => ({
  metadata: { name },
  provisioner: "kubernetes.io/no-provisioner",
  volumeBindingMode: "WaitForFirstConsumer" as const,
});
const immediate = {
  metadata: { name: "immediate-sc" },
  provisioner: "kubernetes.io/no-provisioner",
  volumeBindingMode: "Immediate" as const,
};
const host = (name: string, extra: Record<string, string> = {}): Node => ({
  metadata: { name, labels: { "kubernetes.io/hostname": name, ...extra } },
});
const onHost = (h: string): NonNullable<PersistentVolume["spec"]>["nodeAffinity"] => ({
  required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [h] }] }] },
});
const nodes = [host("node-a"), host("node-b"), host("node-c")];
const scoring = { features: { VolumeCapacityPriority: true } };

function scores(cl: ReturnType<typeof createCluster>, claims: string[], opts = scoring) {
  return filterNodes(pod(claims), cl, opts).map((n) => (n.feasible ? n.score : 0));
}

describe("TestVolumeBinding (volume_binding_test.go)", () => {
  const classes = [wffc("wait-sc"), immediate, wffc("local-sc-ssd"), wffc("local-sc-hdd")];
  it("pod has not pvcs", () => {
    const cl = createCluster({ nodes, classes });
    expect(preFilterPodVolumes(pod([]), cl).code).toBe("Skip");
    expect(filterNodes(pod([]), cl).every((n) => n.feasible)).toBe(true);
  });
  it("all bound", () => {
    const c = pvc("pvc-a", "1Gi", { class: "wait-sc", volumeName: "pv-a", bound: true });
    const cl = createCluster({ nodes, classes, claims: [c], volumes: [pv("pv-a", "1Gi", { class: "wait-sc", claim: c })] });
    expect(filterNodes(pod(["pvc-a"]), cl).map((n) => n.statuses.VolumeBinding.code)).toEqual(["Success", "Success", "Success"]);
  });
  it("PVC does not exist", () => {
    const cl = createCluster({ nodes, classes });
    expect(preFilterPodVolumes(pod(["pvc-a"]), cl)).toEqual({
      code: "UnschedulableAndUnresolvable",
      reasons: ['persistentvolumeclaim "pvc-a" not found'],
    });
  });
  it("Part of PVCs do not exist", () => {
    const c = pvc("pvc-a", "1Gi", { class: "wait-sc", volumeName: "pv-a", bound: true });
    const cl = createCluster({ nodes, classes, claims: [c], volumes: [pv("pv-a", "1Gi", { class: "wait-sc", claim: c })] });
    expect(preFilterPodVolumes(pod(["pvc-a", "pvc-b"]), cl).reasons).toEqual(['persistentvolumeclaim "pvc-b" not found']);
  });
  it("immediate claims not bound", () => {
    const cl = createCluster({ nodes, classes, claims: [pvc("pvc-a", "1Gi", { class: "immediate-sc" })] });
    expect(preFilterPodVolumes(pod(["pvc-a"]), cl).reasons).toEqual([R.UnboundImmediate]);
  });
  it("unbound claims no matches", () => {
    const cl = createCluster({ nodes, classes, claims: [pvc("pvc-a", "1Gi", { class: "wait-sc" })] });
    expect(filterNodes(pod(["pvc-a"]), cl).map((n) => n.statuses.VolumeBinding)).toEqual(
      Array(3).fill({ code: "UnschedulableAndUnresolvable", reasons: [R.BindConflict] }),
    );
  });
  it("bound and unbound unsatisfied", () => {
    const bound = pvc("pvc-a", "1Gi", { class: "wait-sc", volumeName: "pv-a", bound: true });
    const cl = createCluster({
      nodes: [host("node-a", { foo: "barbar" }), host("node-b"), host("node-c")],
      classes,
      claims: [bound, pvc("pvc-b", "1Gi", { class: "wait-sc" })],
      volumes: [
        pv("pv-a", "1Gi", {
          class: "wait-sc",
          claim: bound,
          affinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "foo", operator: "In", values: ["bar"] }] }] } },
        }),
      ],
    });
    expect(filterNodes(pod(["pvc-a", "pvc-b"]), cl)[0]!.statuses.VolumeBinding).toEqual({
      code: "UnschedulableAndUnresolvable",
      reasons: [R.NodeConflict, R.BindConflict],
    });
  });
  it("pv not found", () => {
    const c = pvc("pvc-a", "1Gi", { class: "wait-sc", volumeName: "pv-a", bound: true });
    const cl = createCluster({ nodes, classes, claims: [c] });
    expect(filterNodes(pod(["pvc-a"]), cl)[0]!.statuses.VolumeBinding).toEqual({
      code: "UnschedulableAndUnresolvable",
      reasons: [R.PVNotExist],
    });
  });
  it("local volumes with close capacity are preferred", () => {
    const cl = createCluster({
      nodes,
      classes,
      claims: [pvc("pvc-a", "50Gi", { class: "wait-sc" })],
      volumes: [
        pv("pv-a-0", "200Gi", { class: "wait-sc", affinity: onHost("node-a") }),
        pv("pv-a-1", "200Gi", { class: "wait-sc", affinity: onHost("node-a") }),
        pv("pv-b-0", "100Gi", { class: "wait-sc", affinity: onHost("node-b") }),
        pv("pv-b-1", "100Gi", { class: "wait-sc", affinity: onHost("node-b") }),
      ],
    });
    expect(scores(cl, ["pvc-a"])).toEqual([25, 50, 0]);
    expect(filterNodes(pod(["pvc-a"]), cl)[2]!.reasons).toEqual([R.BindConflict]);
  });
  it("local volumes with close capacity are preferred (multiple pvcs)", () => {
    const cl = createCluster({
      nodes,
      classes,
      claims: [pvc("pvc-0", "50Gi", { class: "local-sc-ssd" }), pvc("pvc-1", "100Gi", { class: "local-sc-hdd" })],
      volumes: [
        pv("pv-a-0", "200Gi", { class: "local-sc-ssd", affinity: onHost("node-a") }),
        pv("pv-a-1", "200Gi", { class: "local-sc-hdd", affinity: onHost("node-a") }),
        pv("pv-b-0", "100Gi", { class: "local-sc-ssd", affinity: onHost("node-b") }),
        pv("pv-b-1", "100Gi", { class: "local-sc-hdd", affinity: onHost("node-b") }),
      ],
    });
    expect(scores(cl, ["pvc-0", "pvc-1"])).toEqual([38, 75, 0]);
  });
  it("zonal volumes with close capacity are preferred", () => {
    const zone = (z: string, r: string): NonNullable<PersistentVolume["spec"]>["nodeAffinity"] => ({
      required: {
        nodeSelectorTerms: [
          {
            matchExpressions: [
              { key: "topology.kubernetes.io/region", operator: "In", values: [r] },
              { key: "topology.kubernetes.io/zone", operator: "In", values: [z] },
            ],
          },
        ],
      },
    });
    const zn = (name: string, z: string, r: string) => host(name, { "topology.kubernetes.io/region": r, "topology.kubernetes.io/zone": z });
    const cl = createCluster({
      nodes: [
        zn("zone-a-node-a", "zone-a", "region-a"),
        zn("zone-a-node-b", "zone-a", "region-a"),
        zn("zone-b-node-a", "zone-b", "region-b"),
        zn("zone-b-node-b", "zone-b", "region-b"),
        zn("zone-c-node-a", "zone-c", "region-c"),
        zn("zone-c-node-b", "zone-c", "region-c"),
      ],
      classes,
      claims: [pvc("pvc-a", "50Gi", { class: "wait-sc" })],
      volumes: [
        pv("pv-a-0", "200Gi", { class: "wait-sc", affinity: zone("zone-a", "region-a") }),
        pv("pv-a-1", "200Gi", { class: "wait-sc", affinity: zone("zone-a", "region-a") }),
        pv("pv-b-0", "100Gi", { class: "wait-sc", affinity: zone("zone-b", "region-b") }),
        pv("pv-b-1", "100Gi", { class: "wait-sc", affinity: zone("zone-b", "region-b") }),
      ],
    });
    expect(scores(cl, ["pvc-a"])).toEqual([25, 25, 50, 50, 0, 0]);
  });
  it("without a scoring gate every score is 0", () => {
    const cl = createCluster({
      nodes,
      classes,
      claims: [pvc("pvc-a", "50Gi", { class: "wait-sc" })],
      volumes: [pv("pv-b-0", "100Gi", { class: "wait-sc", affinity: onHost("node-b") })],
    });
    expect(scores(cl, ["pvc-a"], {} as never)).toEqual([0, 0, 0]);
  });
});

describe("CSI migration (binder_test.go TestFindPodVolumesWithCSIMigration)", () => {
  const gceZone = (z: string): NonNullable<PersistentVolume["spec"]>["nodeAffinity"] => ({
    required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: [z] }] }] },
  });
  const bound = pvc("pvc-migrated", "1G", { volumeName: "pv-bound-migrated", bound: true });
  const migratedPV = pv("pv-bound-migrated", "1G", {
    claim: bound,
    affinity: gceZone("us-east-1"),
    source: { gcePersistentDisk: { pdName: "disk" } },
  });
  const node1Zone1: Node = { metadata: { name: "node1", labels: { "topology.gke.io/zone": "us-east-1" } } };
  const node1Zone2: Node = { metadata: { name: "node1", labels: { "topology.gke.io/zone": "us-east-2" } } };
  const csiNode = (migrated: boolean): CSINode => ({
    metadata: {
      name: "node1",
      ...(migrated ? { annotations: { "storage.alpha.kubernetes.io/migrated-plugins": "kubernetes.io/gce-pd" } } : {}),
    },
    spec: { drivers: [] },
  });
  const run = (node: Node, csiNodes: CSINode[]) =>
    findPodVolumes(
      pod(["pvc-migrated"]),
      "node1",
      createCluster({ nodes: [node], claims: [bound], volumes: [migratedPV], classes: [wffc("waitClass")], csiNodes }),
    );
  it.each([
    ["pvc-bound", node1Zone1, [csiNode(true)], []],
    ["pvc-bound,csinode-not-migrated", node1Zone1, [csiNode(false)], [R.NodeConflict]],
    ["pvc-bound,missing-csinode", node1Zone1, [], [R.NodeConflict]],
    ["pvc-bound,node-different-zone", node1Zone2, [csiNode(true)], [R.NodeConflict]],
  ] as const)("%s", (_n, node, csiNodes, reasons) => expect(run(node, [...csiNodes]).reasons).toEqual(reasons));
  it("a beta zone label becomes the driver's key too, and a zone label without affinity becomes one", () => {
    const beta = pv("pv-bound-migrated", "1G", {
      claim: bound,
      affinity: {
        required: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: "failure-domain.beta.kubernetes.io/zone", operator: "In", values: ["us-east-1"] }] },
          ],
        },
      },
      source: { gcePersistentDisk: { pdName: "disk" } },
    });
    const labelled = pv("pv-bound-migrated", "1G", {
      claim: bound,
      labels: { "topology.kubernetes.io/zone": "us-east-2__us-east-1" },
      source: { awsElasticBlockStore: { volumeID: "vol" } },
    });
    const mk = (v: PersistentVolume, plugin: string, label: string) =>
      findPodVolumes(
        pod(["pvc-migrated"]),
        "node1",
        createCluster({
          nodes: [{ metadata: { name: "node1", labels: { [label]: "us-east-1" } } }],
          claims: [bound],
          volumes: [v],
          classes: [wffc("waitClass")],
          csiNodes: [
            { metadata: { name: "node1", annotations: { "storage.alpha.kubernetes.io/migrated-plugins": plugin } }, spec: { drivers: [] } },
          ],
        }),
      ).reasons;
    expect(mk(beta, "kubernetes.io/gce-pd", "topology.gke.io/zone")).toEqual([]);
    expect(mk(labelled, "kubernetes.io/aws-ebs", "topology.ebs.csi.aws.com/zone")).toEqual([]);
    expect(mk(labelled, "kubernetes.io/aws-ebs", "topology.kubernetes.io/zone")).toEqual([R.NodeConflict]);
  });
});
