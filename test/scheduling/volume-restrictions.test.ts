/**
 * Tables ported from kubernetes/kubernetes
 * `pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions_test.go`.
 */
import { describe, expect, it } from "vitest";
import type { Pod, Volume } from "../../src/api/index.js";
import { createCluster } from "../../src/lifecycle/index.js";
import { SchedulingReasons as R, volumeRestrictionsFilter } from "../../src/scheduling/index.js";

const n1 = { metadata: { name: "node-1" } };
let seq = 0;
function podWith(volumes: Volume[], nodeName?: string, name = `p${seq++}`): Pod {
  return { metadata: { name, namespace: "default" }, spec: { volumes, ...(nodeName ? { nodeName } : {}) } };
}
const disk = (src: Partial<Volume>): Volume => ({ name: "v", ...src }) as Volume;

const conflictTables: [string, Volume, Volume][] = [
  ["GCE", disk({ gcePersistentDisk: { pdName: "foo" } }), disk({ gcePersistentDisk: { pdName: "bar" } })],
  ["AWS", disk({ awsElasticBlockStore: { volumeID: "foo" } }), disk({ awsElasticBlockStore: { volumeID: "bar" } })],
  [
    "RBD",
    disk({ rbd: { monitors: ["a", "b"], pool: "foo", image: "bar", fsType: "ext4" } }),
    disk({ rbd: { monitors: ["c", "d"], pool: "foo", image: "bar", fsType: "ext4" } }),
  ],
  [
    "ISCSI",
    disk({ iscsi: { targetPortal: "127.0.0.1:3260", iqn: "iqn.2016-12.server:storage.target01", fsType: "ext4", lun: 0 } }),
    disk({ iscsi: { targetPortal: "127.0.0.1:3260", iqn: "iqn.2017-12.server:storage.target01", fsType: "ext4", lun: 0 } }),
  ],
];

describe.each(conflictTables)("%s disk conflicts", (_kind, volState, volState2) => {
  const check = (pod: Pod, existing: Pod[]) =>
    volumeRestrictionsFilter(
      pod,
      "node-1",
      createCluster({ nodes: [n1], pods: existing.map((p) => ({ ...p, spec: { ...p.spec, nodeName: "node-1" } })) }),
    );
  it("nothing", () => expect(check(podWith([]), [])).toEqual({ code: "Skip", reasons: [] }));
  it("one state", () => expect(check(podWith([]), [podWith([volState])])).toEqual({ code: "Skip", reasons: [] }));
  it("same state", () =>
    expect(check(podWith([volState]), [podWith([volState])])).toEqual({ code: "Unschedulable", reasons: [R.DiskConflict] }));
  it("different state", () => expect(check(podWith([volState2]), [podWith([volState])])).toEqual({ code: "Success", reasons: [] }));
  it("no conflict with a pod on another node", () => {
    const cl = createCluster({ nodes: [n1, { metadata: { name: "node-2" } }], pods: [podWith([volState], "node-2")] });
    expect(volumeRestrictionsFilter(podWith([volState]), "node-1", cl).code).toBe("Success");
  });
});

describe("GCE read-only mounts do not conflict", () => {
  it("both read-only", () => {
    const ro = disk({ gcePersistentDisk: { pdName: "foo", readOnly: true } });
    const cl = createCluster({ nodes: [n1], pods: [podWith([ro], "node-1")] });
    expect(volumeRestrictionsFilter(podWith([ro]), "node-1", cl).code).toBe("Success");
  });
});

describe("access mode conflicts (TestAccessModeConflicts)", () => {
  const claim = (name: string, mode: string) => ({
    metadata: { name, namespace: "default" },
    spec: { accessModes: [mode], resources: { requests: { storage: "1Gi" } }, storageClassName: "" },
  });
  const pvcVol = (c: string): Volume => ({ name: c, persistentVolumeClaim: { claimName: c } });
  const podWithOnePVC = podWith([pvcVol("claim-with-rwop-1")], "node-1", "pod-with-one-pvc");
  const podWithTwoPVCs = podWith([pvcVol("claim-with-rwop-1"), pvcVol("claim-with-rwop-2")], "node-1", "pod-with-two-pvcs");
  const podWithOneConflict = podWith([pvcVol("claim-with-rwop-1")], "node-1", "pod-with-one-conflict");
  const podWithTwoConflicts = podWith([pvcVol("claim-with-rwop-1"), pvcVol("claim-with-rwop-2")], "node-1", "pod-with-two-conflicts");
  const podWithRWX = podWith([pvcVol("claim-with-rwx")], "node-1", "pod-with-rwx");
  const rwop1 = claim("claim-with-rwop-1", "ReadWriteOncePod");
  const rwop2 = claim("claim-with-rwop-2", "ReadWriteOncePod");
  const rwx = claim("claim-with-rwx", "ReadWriteMany");
  const cases: [string, Pod, Pod[], unknown[], { code: string; reasons: string[] }][] = [
    ["nothing", podWith([]), [], [], { code: "Skip", reasons: [] }],
    [
      "failed to get PVC",
      podWithOnePVC,
      [],
      [],
      { code: "UnschedulableAndUnresolvable", reasons: ['persistentvolumeclaim "claim-with-rwop-1" not found'] },
    ],
    ["no access mode conflict", podWithOnePVC, [podWithRWX], [rwop1, rwx], { code: "Skip", reasons: [] }],
    [
      "access mode conflict, unschedulable",
      podWithOneConflict,
      [podWithOnePVC, podWithRWX],
      [rwop1, rwx],
      { code: "Unschedulable", reasons: [R.ReadWriteOncePodConflict] },
    ],
    [
      "two conflicts, unschedulable",
      podWithTwoConflicts,
      [podWithTwoPVCs, podWithRWX],
      [rwop1, rwop2, rwx],
      { code: "Unschedulable", reasons: [R.ReadWriteOncePodConflict] },
    ],
  ];
  it.each(cases)("%s", (_name, pod, existing, claims, want) => {
    const cl = createCluster({ nodes: [n1], pods: existing, claims: claims as never });
    const p = { ...pod, spec: { ...pod.spec } };
    delete p.spec!.nodeName;
    expect(volumeRestrictionsFilter(p, "node-1", cl)).toEqual(want);
  });
  it("a terminated holder does not conflict", () => {
    const done = { ...podWithOnePVC, status: { phase: "Succeeded" as const } };
    const cl = createCluster({ nodes: [n1], pods: [done], claims: [rwop1] as never });
    expect(volumeRestrictionsFilter(podWith([pvcVol("claim-with-rwop-1")]), "node-1", cl).code).toBe("Skip");
  });
  it("the conflict is reported on every node", () => {
    const cl = createCluster({ nodes: [n1, { metadata: { name: "node-2" } }], pods: [podWithOnePVC], claims: [rwop1] as never });
    expect(volumeRestrictionsFilter(podWith([pvcVol("claim-with-rwop-1")]), "node-2", cl).code).toBe("Unschedulable");
  });
});
