/**
 * Validation throughput for typical objects: what an admission webhook or `kubevol lint` pays per
 * object. Sub-microsecond-to-microsecond operations are timed in batches.
 */
import { claims, pool } from "../src/testing/index.js";
import {
  toStatus,
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
  validateStorageClass,
  persistentVolumeWarnings,
} from "../src/validation/index.js";
import { timeBatched, type BenchResult, type BenchSuite } from "./harness.js";

const nfsPv = {
  apiVersion: "v1",
  kind: "PersistentVolume",
  metadata: { name: "pv-nfs-0001", labels: { zone: "us-east-1a", disktype: "ssd" }, resourceVersion: "12" },
  spec: {
    capacity: { storage: "100Gi" },
    accessModes: ["ReadWriteMany", "ReadOnlyMany"],
    persistentVolumeReclaimPolicy: "Retain",
    storageClassName: "nfs",
    mountOptions: ["hard", "nfsvers=4.1"],
    nfs: { server: "nfs.example.com", path: "/exports/pv-0001" },
  },
};
const localPv = {
  apiVersion: "v1",
  kind: "PersistentVolume",
  metadata: { name: "local-pv-node-17-ssd1", resourceVersion: "40" },
  spec: {
    capacity: { storage: "375Gi" },
    accessModes: ["ReadWriteOnce"],
    persistentVolumeReclaimPolicy: "Delete",
    storageClassName: "local-storage",
    volumeMode: "Filesystem",
    local: { path: "/mnt/disks/ssd1" },
    nodeAffinity: {
      required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node-17"] }] }] },
    },
  },
};
const csiPv = {
  apiVersion: "v1",
  kind: "PersistentVolume",
  metadata: {
    name: "pvc-3f2a9c1e-7d41-4b8e-9a55-0c6f1e2d3b4a",
    annotations: { "pv.kubernetes.io/provisioned-by": "ebs.csi.aws.com" },
    finalizers: ["kubernetes.io/pv-protection"],
    resourceVersion: "7",
  },
  spec: {
    capacity: { storage: "20Gi" },
    accessModes: ["ReadWriteOnce"],
    persistentVolumeReclaimPolicy: "Delete",
    storageClassName: "gp3",
    volumeMode: "Filesystem",
    claimRef: { apiVersion: "v1", kind: "PersistentVolumeClaim", namespace: "default", name: "data", uid: "u-1" },
    csi: {
      driver: "ebs.csi.aws.com",
      volumeHandle: "vol-0abc",
      fsType: "ext4",
      volumeAttributes: { "storage.kubernetes.io/csiProvisionerIdentity": "x" },
    },
    nodeAffinity: {
      required: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.ebs.csi.aws.com/zone", operator: "In", values: ["us-east-1a"] }] }],
      },
    },
  },
};
const pvc = {
  apiVersion: "v1",
  kind: "PersistentVolumeClaim",
  metadata: {
    name: "data",
    namespace: "default",
    labels: { app: "db" },
    finalizers: ["kubernetes.io/pvc-protection"],
    resourceVersion: "5",
  },
  spec: {
    accessModes: ["ReadWriteOnce"],
    resources: { requests: { storage: "10Gi" } },
    storageClassName: "gp3",
    volumeMode: "Filesystem",
    selector: {
      matchLabels: { disktype: "ssd" },
      matchExpressions: [{ key: "zone", operator: "In", values: ["us-east-1a", "us-east-1b"] }],
    },
  },
  status: { phase: "Bound", capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"] },
};
const pvcGrown = { ...pvc, spec: { ...pvc.spec, resources: { requests: { storage: "20Gi" } } } };
const sc = {
  apiVersion: "storage.k8s.io/v1",
  kind: "StorageClass",
  metadata: { name: "gp3", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
  provisioner: "ebs.csi.aws.com",
  parameters: { type: "gp3", iops: "3000", throughput: "125", encrypted: "true" },
  reclaimPolicy: "Delete",
  volumeBindingMode: "WaitForFirstConsumer",
  allowVolumeExpansion: true,
  allowedTopologies: [
    { matchLabelExpressions: [{ key: "topology.ebs.csi.aws.com/zone", values: ["us-east-1a", "us-east-1b", "us-east-1c"] }] },
  ],
};
const invalidPv = {
  metadata: { name: "data" },
  spec: { capacity: {}, accessModes: [], hostPath: { path: "/" }, persistentVolumeReclaimPolicy: "Recycle" },
};

const suite: BenchSuite = (): BenchResult[] => {
  const rows: BenchResult[] = [];
  const B = 2000;
  const N = 200;
  rows.push(timeBatched("validatePersistentVolume (NFS)", 1, N, B, () => validatePersistentVolume(nfsPv)));
  rows.push(timeBatched("validatePersistentVolume (local + node affinity)", 1, N, B, () => validatePersistentVolume(localPv)));
  rows.push(timeBatched("validatePersistentVolume (CSI, provisioned)", 1, N, B, () => validatePersistentVolume(csiPv)));
  rows.push(timeBatched("validatePersistentVolume (invalid, 4 errors)", 1, N, B, () => validatePersistentVolume(invalidPv)));
  rows.push(timeBatched("validatePersistentVolumeClaim (selector)", 1, N, B, () => validatePersistentVolumeClaim(pvc)));
  rows.push(timeBatched("validateStorageClass", 1, N, B, () => validateStorageClass(sc)));
  rows.push(
    timeBatched("validatePersistentVolumeUpdate (CSI, unchanged)", 1, N, B / 2, () => validatePersistentVolumeUpdate(csiPv, csiPv)),
  );
  rows.push(
    timeBatched("validatePersistentVolumeClaimUpdate (resize)", 1, N, B / 2, () => validatePersistentVolumeClaimUpdate(pvcGrown, pvc)),
  );
  rows.push(timeBatched("persistentVolumeWarnings (CSI)", 1, N, B, () => persistentVolumeWarnings(csiPv)));
  const errs = validatePersistentVolume(invalidPv);
  rows.push(timeBatched("toStatus (4 errors)", 1, N, B, () => toStatus(errs, "PersistentVolume", "data")));

  const n = 100_000;
  const pvs = pool(n, 1);
  const cs = claims(n, 1);
  rows.push(timeBatched("validatePersistentVolume over pool(100k)", n, 100, 1000, (i) => validatePersistentVolume(pvs[i % n])));
  rows.push(timeBatched("validatePersistentVolumeClaim over claims(100k)", n, 100, 1000, (i) => validatePersistentVolumeClaim(cs[i % n])));
  return rows;
};
export default suite;
