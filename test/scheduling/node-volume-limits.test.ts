/**
 * Cases ported from kubernetes/kubernetes `pkg/scheduler/framework/plugins/nodevolumelimits/csi_test.go`
 * (`TestCSILimits`), with fixtures built like its `getFakeCSIPVLister` / `getFakeCSIPVCLister` /
 * `getNodeWithPodAndVolumeLimits`: per driver, bound claims `csi-<driver>-<i>` on volumes of the same
 * name and handle; `csi-4` unbound in class `csi-sc`, `csi-5` without class, `csi-6` naming a
 * missing volume.
 */
import { describe, expect, it } from "vitest";
import type { Pod, Volume } from "../../src/api/index.js";
import { createCluster } from "../../src/lifecycle/index.js";
import { nodeVolumeLimitsFilter, SchedulingReasons as R } from "../../src/scheduling/index.js";

const EBS = "ebs.csi.aws.com";
const GCE = "pd.csi.storage.gke.io";
const INTREE_EBS = "kubernetes.io/aws-ebs";
const HOSTPATH = "kubernetes.io/hostpath";

function volumesFor(driver: string) {
  const pvs: unknown[] = [];
  const pvcs: unknown[] = [];
  for (let i = 0; i < 4; i++) {
    const name = `csi-${driver}-${i}`;
    let source: Record<string, unknown> = { csi: { driver, volumeHandle: name } };
    if (driver === INTREE_EBS) source = { awsElasticBlockStore: { volumeID: name } };
    if (driver === HOSTPATH) source = { hostPath: { path: `/tmp/${i}` } };
    pvs.push({ metadata: { name }, spec: { capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"], ...source } });
    pvcs.push({
      metadata: { name, namespace: "default" },
      spec: { volumeName: name, accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
    });
  }
  return { pvs, pvcs };
}

const all = [EBS, GCE, INTREE_EBS, HOSTPATH].map(volumesFor);
const extraClaims = [
  {
    metadata: { name: "csi-4", namespace: "default" },
    spec: { storageClassName: "csi-sc", accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
  },
  {
    metadata: { name: "csi-5", namespace: "default" },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
  },
  {
    metadata: { name: "csi-6", namespace: "default" },
    spec: {
      volumeName: "missing-pv",
      storageClassName: "csi-sc",
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: "1Gi" } },
    },
  },
];
const classes = [{ metadata: { name: "csi-sc" }, provisioner: EBS, volumeBindingMode: "Immediate" }];

let seq = 0;
const podOf = (claims: string[], inline: Partial<Volume>[] = []): Pod => ({
  metadata: { name: `p${seq++}`, namespace: "default" },
  spec: {
    volumes: [
      ...claims.map((c, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName: c } })),
      ...inline.map((v, i) => ({ name: `i${i}`, ...v }) as Volume),
    ],
  },
});
const csiEBSOneVolPod = () => podOf([`csi-${EBS}-0`]);
const csiEBSTwoVolPod = () => podOf([`csi-${EBS}-1`, `csi-${EBS}-2`]);
const runningPod = () => podOf([`csi-${EBS}-3`]);
const pendingVolumePod = () => podOf(["csi-4"]);
const missingPVPod = () => podOf(["csi-6"]);
const noSCPVCPod = () => podOf(["csi-5"]);
const gceTwoVolPod = () => podOf([`csi-${GCE}-1`, `csi-${GCE}-2`]);
const inTreeOneVolPod = () => podOf([`csi-${INTREE_EBS}-0`]);
const inTreeTwoVolPod = () => podOf([`csi-${INTREE_EBS}-1`, `csi-${INTREE_EBS}-2`]);
const inTreeNonMigratable = () => podOf([`csi-${HOSTPATH}-0`]);
const inlinePod = () => podOf([], [{ awsElasticBlockStore: { volumeID: "aws-inline1" } }]);
const inlineSameIdPod = () => podOf([], [{ awsElasticBlockStore: { volumeID: `csi-${EBS}-1` } }]);

interface Case {
  test: string;
  newPod: Pod;
  existing: Pod[];
  maxVols?: number;
  drivers: string[];
  limitSource?: "csinode" | "csinode-with-no-limit" | "none";
  migration?: boolean;
  vaCount?: number;
  fails?: boolean;
}

function run(c: Case) {
  const drivers = c.drivers.map((name) => ({
    name,
    nodeID: "n",
    ...(c.limitSource === "csinode" ? { allocatable: { count: c.maxVols ?? 0 } } : {}),
  }));
  const csiNodes =
    c.limitSource === "none" || c.limitSource === undefined
      ? []
      : [
          {
            metadata: {
              name: "node-1",
              ...(c.migration
                ? {
                    annotations: {
                      "storage.alpha.kubernetes.io/migrated-plugins": c.drivers.filter((d) => d.startsWith("kubernetes.io/")).join(","),
                    },
                  }
                : {}),
            },
            spec: { drivers },
          },
        ];
  const vas = Array.from({ length: c.vaCount ?? 0 }, (_, i) => ({
    metadata: { name: `va-${i}` },
    spec: { attacher: EBS, nodeName: "node-1", source: { persistentVolumeName: `csi-${EBS}-${i + 1}` } },
  }));
  const cl = createCluster({
    nodes: [{ metadata: { name: "node-1" } }],
    volumes: all.flatMap((a) => a.pvs) as never,
    claims: [...all.flatMap((a) => a.pvcs), ...extraClaims] as never,
    classes: classes as never,
    pods: c.existing.map((p) => ({ ...p, spec: { ...p.spec, nodeName: "node-1" } })),
    csiNodes: csiNodes as never,
    volumeAttachments: vas as never,
  });
  return nodeVolumeLimitsFilter(c.newPod, "node-1", cl);
}

const cases: Case[] = [
  {
    test: "should count VolumeAttachments towards volume limit when no pods exist",
    newPod: csiEBSOneVolPod(),
    existing: [],
    maxVols: 2,
    drivers: [EBS],
    vaCount: 2,
    limitSource: "csinode",
    fails: true,
  },
  {
    test: "should schedule pod when VolumeAttachments count does not exceed limit",
    newPod: csiEBSOneVolPod(),
    existing: [],
    maxVols: 2,
    drivers: [EBS],
    vaCount: 1,
    limitSource: "csinode",
  },
  {
    test: "fits when node volume limit >= new pods CSI volume",
    newPod: csiEBSOneVolPod(),
    existing: [runningPod(), csiEBSTwoVolPod()],
    maxVols: 4,
    drivers: [EBS],
    limitSource: "csinode",
  },
  {
    test: "doesn't when node volume limit <= pods CSI volume",
    newPod: csiEBSOneVolPod(),
    existing: [runningPod(), csiEBSTwoVolPod()],
    maxVols: 2,
    drivers: [EBS],
    limitSource: "csinode",
    fails: true,
  },
  {
    test: "should when driver does not support volume limits",
    newPod: csiEBSOneVolPod(),
    existing: [runningPod(), csiEBSTwoVolPod()],
    maxVols: 2,
    drivers: [EBS],
    limitSource: "csinode-with-no-limit",
  },
  {
    test: "count pending PVCs towards volume limit <= pods CSI volume",
    newPod: csiEBSOneVolPod(),
    existing: [pendingVolumePod(), csiEBSTwoVolPod()],
    maxVols: 2,
    drivers: [EBS],
    limitSource: "csinode",
    fails: true,
  },
  {
    test: "count multiple pending pvcs towards volume limit >= pods CSI volume",
    newPod: csiEBSOneVolPod(),
    existing: [pendingVolumePod(), pendingVolumePod(), csiEBSTwoVolPod()],
    maxVols: 4,
    drivers: [EBS],
    limitSource: "csinode",
  },
  {
    test: "should count PVCs with invalid PV name but valid SC",
    newPod: csiEBSOneVolPod(),
    existing: [missingPVPod(), csiEBSTwoVolPod()],
    maxVols: 2,
    drivers: [EBS],
    limitSource: "csinode",
    fails: true,
  },
  {
    test: "don't count pvcs with missing SC towards volume limit",
    newPod: csiEBSOneVolPod(),
    existing: [runningPod(), noSCPVCPod()],
    maxVols: 2,
    drivers: [EBS],
    limitSource: "csinode",
  },
  {
    test: "count pvcs with the same type towards volume limit",
    newPod: csiEBSOneVolPod(),
    existing: [gceTwoVolPod(), csiEBSTwoVolPod()],
    maxVols: 2,
    drivers: [EBS, GCE],
    limitSource: "csinode",
    fails: true,
  },
  {
    test: "don't count pvcs with different type towards volume limit",
    newPod: gceTwoVolPod(),
    existing: [csiEBSTwoVolPod(), runningPod()],
    maxVols: 2,
    drivers: [EBS, GCE],
    limitSource: "csinode",
  },
  {
    test: "should count in-tree volumes if migration is enabled",
    newPod: inTreeOneVolPod(),
    existing: [inTreeTwoVolPod()],
    maxVols: 2,
    drivers: [INTREE_EBS, EBS],
    migration: true,
    limitSource: "csinode",
    fails: true,
  },
  {
    test: "nil csi node",
    newPod: inlinePod(),
    existing: [inTreeTwoVolPod()],
    drivers: [INTREE_EBS, EBS],
    migration: true,
    limitSource: "none",
  },
  {
    test: "should count unbound in-tree volumes if migration is enabled",
    newPod: pendingVolumePod(),
    existing: [inTreeTwoVolPod()],
    maxVols: 2,
    drivers: [INTREE_EBS, EBS],
    migration: true,
    limitSource: "csinode",
    fails: true,
  },
  {
    test: "should not limit pod if volume used does not report limits",
    newPod: inTreeOneVolPod(),
    existing: [inTreeTwoVolPod()],
    maxVols: 2,
    drivers: [INTREE_EBS, EBS],
    migration: true,
    limitSource: "csinode-with-no-limit",
  },
  {
    test: "should not count non-migratable in-tree volumes",
    newPod: inTreeNonMigratable(),
    existing: [csiEBSTwoVolPod()],
    maxVols: 2,
    drivers: [HOSTPATH, EBS],
    migration: true,
    limitSource: "csinode",
  },
  {
    test: "should count in-tree inline volumes if migration is enabled",
    newPod: inlinePod(),
    existing: [inTreeTwoVolPod()],
    maxVols: 2,
    drivers: [INTREE_EBS, EBS],
    migration: true,
    limitSource: "csinode",
    fails: true,
  },
  {
    test: "should count in-tree and csi volumes if migration is enabled (when scheduling in-tree volumes)",
    newPod: inTreeOneVolPod(),
    existing: [csiEBSTwoVolPod()],
    maxVols: 2,
    drivers: [INTREE_EBS, EBS],
    migration: true,
    limitSource: "csinode",
    fails: true,
  },
  {
    test: "should count in-tree, inline and csi volumes if migration is enabled (when scheduling in-tree volumes)",
    newPod: inlinePod(),
    existing: [csiEBSTwoVolPod(), inTreeOneVolPod()],
    maxVols: 3,
    drivers: [INTREE_EBS, EBS],
    migration: true,
    limitSource: "csinode",
    fails: true,
  },
  {
    test: "should not count in-tree, inline and csi volumes if migration is enabled (when scheduling in-tree volumes)",
    newPod: inlineSameIdPod(),
    existing: [csiEBSTwoVolPod(), inTreeOneVolPod()],
    maxVols: 3,
    drivers: [INTREE_EBS, EBS],
    migration: true,
    limitSource: "csinode",
  },
  {
    test: "should count in-tree and csi volumes if migration is enabled (when scheduling csi volumes)",
    newPod: csiEBSOneVolPod(),
    existing: [inTreeTwoVolPod()],
    maxVols: 2,
    drivers: [INTREE_EBS, EBS],
    migration: true,
    limitSource: "csinode",
    fails: true,
  },
  {
    test: "should not count in-tree volumes if migration is disabled on the node",
    newPod: csiEBSOneVolPod(),
    existing: [inTreeTwoVolPod()],
    maxVols: 2,
    drivers: [INTREE_EBS, EBS],
    migration: false,
    limitSource: "csinode",
  },
];

describe("NodeVolumeLimits CSI (csi_test.go TestCSILimits)", () => {
  it.each(cases)("$test", (c) => {
    expect(run(c)).toEqual(c.fails ? { code: "Unschedulable", reasons: [R.MaxVolumeCountExceeded] } : { code: "Success", reasons: [] });
  });
  it("PreFilter skips pods without claims or migratable inline volumes", () => {
    expect(
      run({ test: "", newPod: podOf([], [{ configMap: {} }]), existing: [], drivers: [EBS], limitSource: "csinode", maxVols: 0 }),
    ).toEqual({ code: "Skip", reasons: [] });
  });
  it("a missing claim is unresolvable", () => {
    expect(run({ test: "", newPod: podOf(["nope"]), existing: [], drivers: [EBS], limitSource: "csinode", maxVols: 1 })).toEqual({
      code: "UnschedulableAndUnresolvable",
      reasons: ['looking up PVC default/nope: persistentvolumeclaim "nope" not found'],
    });
  });
  it("node allocatable attachable-volumes-csi-* limits without CSINode counts", () => {
    const cl = createCluster({
      nodes: [{ metadata: { name: "node-1" }, status: { allocatable: { [`attachable-volumes-csi-${EBS}`]: "1" } } } as never],
      volumes: all[0]!.pvs as never,
      claims: all[0]!.pvcs as never,
      pods: [{ ...runningPod(), spec: { ...runningPod().spec, nodeName: "node-1" } }],
    });
    expect(nodeVolumeLimitsFilter(csiEBSOneVolPod(), "node-1", cl).code).toBe("Unschedulable");
  });
});
