/**
 * The scheduling benchmark's cluster (shared by bench/scheduling.bench.ts and its test): `nodes`
 * nodes over three zones (`node-00000` …, hostname and `topology.kubernetes.io/zone` labels),
 * 1,000 local volumes per zone (class `local-wffc`, WaitForFirstConsumer, no provisioner, each pinned
 * to one node of its zone by `kubernetes.io/hostname`), and network volumes up to `volumes` in
 * total (zone-pinned CSI volumes: a third in `network-wffc`, WaitForFirstConsumer with a
 * provisioner; the rest in `standard`, Immediate; 30% of all bound to other claims). The pod
 * `db-0` has three WaitForFirstConsumer claims: two local ones (data 50Gi, wal 10Gi) and one network
 * one (backup 100Gi). Deterministic (seeded).
 */
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../src/api/index.js";
import { type Cluster, createCluster } from "../src/lifecycle/index.js";
import { Prng } from "../src/testing/index.js";

const ZONES = ["zone-a", "zone-b", "zone-c"];
const SIZES = [10, 20, 50, 100, 200, 500, 1000];

export interface SchedulingWorkload {
  readonly cluster: Cluster;
  readonly pod: Pod;
}

export function schedulingWorkload(nodeCount: number, volumeCount: number, seed = 1): SchedulingWorkload {
  const rng = new Prng(seed);
  const nodes: Node[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const name = `node-${String(i).padStart(5, "0")}`;
    nodes.push({ metadata: { name, labels: { "kubernetes.io/hostname": name, "topology.kubernetes.io/zone": ZONES[i % 3]! } } });
  }
  const volumes: PersistentVolume[] = [];
  const pinned = (key: string, value: string) => ({
    required: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: "In", values: [value] }] }] },
  });
  const local = Math.min(volumeCount, 3000);
  for (let i = 0; i < local; i++) {
    const zone = i % 3;
    const nodeIndex = zone + 3 * rng.int(Math.ceil(nodeCount / 3));
    const node = nodes[Math.min(nodeIndex, nodeCount - 1)]!;
    volumes.push({
      metadata: { name: `local-${String(i).padStart(6, "0")}` },
      spec: {
        capacity: { storage: `${SIZES[rng.int(SIZES.length)]}Gi` },
        accessModes: ["ReadWriteOnce"],
        storageClassName: "local-wffc",
        persistentVolumeReclaimPolicy: "Retain",
        local: { path: "/mnt/disks/ssd0" },
        nodeAffinity: pinned("kubernetes.io/hostname", node.metadata!.name!),
      },
      status: { phase: "Available" },
    });
  }
  for (let i = local; i < volumeCount; i++) {
    const bound = rng.chance(0.3);
    const name = `net-${String(i).padStart(6, "0")}`;
    const pv: PersistentVolume = {
      metadata: { name },
      spec: {
        capacity: { storage: `${SIZES[rng.int(SIZES.length)]}Gi` },
        accessModes: ["ReadWriteOnce"],
        storageClassName: i % 3 === 0 ? "network-wffc" : "standard",
        csi: { driver: "pd.csi.example.com", volumeHandle: name },
        nodeAffinity: pinned("topology.kubernetes.io/zone", ZONES[rng.int(3)]!),
      },
      status: { phase: bound ? "Bound" : "Available" },
    };
    if (bound) pv.spec!.claimRef = { namespace: "other", name: `data-${name}`, uid: `uid-${name}` };
    volumes.push(pv);
  }
  const classes: StorageClass[] = [
    { metadata: { name: "local-wffc" }, provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer" },
    { metadata: { name: "network-wffc" }, provisioner: "pd.csi.example.com", volumeBindingMode: "WaitForFirstConsumer" },
    { metadata: { name: "standard" }, provisioner: "pd.csi.example.com", volumeBindingMode: "Immediate" },
  ];
  const claim = (name: string, size: string, cls: string): PersistentVolumeClaim => ({
    metadata: { name, namespace: "shop" },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: size } }, storageClassName: cls },
  });
  const claims = [
    claim("data-db-0", "50Gi", "local-wffc"),
    claim("wal-db-0", "10Gi", "local-wffc"),
    claim("backup-db-0", "100Gi", "network-wffc"),
  ];
  const pod: Pod = {
    metadata: { name: "db-0", namespace: "shop" },
    spec: {
      volumes: claims.map((c) => ({ name: c.metadata!.name!.split("-")[0]!, persistentVolumeClaim: { claimName: c.metadata!.name! } })),
    },
  };
  return { cluster: createCluster({ nodes, volumes, classes, claims, pods: [pod] }), pod };
}
