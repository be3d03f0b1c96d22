/**
 * The 100,000-object cluster dump of the end-to-end `explain` benchmark: what
 * `kubectl get pv,pvc,sc -A -o json` returns for the seeded workload — 50,000 volumes, 50,000 claims,
 * the workload's StorageClasses — where `prebound` of the claims name a Released volume in
 * `spec.volumeName` (as real clusters have after an application was re-created), so the controller
 * leaves them Pending without ever searching the pool.
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../src/api/index.js";
import { claims, LOCAL_CLASS, pool, STORAGE_CLASSES } from "../src/testing/index.js";

export interface ClusterDump {
  apiVersion: "v1";
  kind: "List";
  items: (PersistentVolume | PersistentVolumeClaim | StorageClass)[];
}

function storageClass(name: string): StorageClass {
  return {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name },
    provisioner: name === LOCAL_CLASS ? "kubernetes.io/no-provisioner" : "csi.example.com",
    volumeBindingMode: name === LOCAL_CLASS ? "WaitForFirstConsumer" : "Immediate",
  };
}

/**
 * @param volumes - number of PersistentVolumes (and of claims)
 * @param prebound - how many of the claims name a Released volume
 */
export function clusterDump(volumes = 50_000, prebound = 3_000): ClusterDump {
  const pvs = pool(volumes, 1);
  const pvcs = claims(volumes, 2);
  const released = pvs.filter((v) => v.status?.phase === "Released").map((v) => v.metadata?.name ?? "");
  for (let j = 0; j < prebound && released.length > 0; j++) {
    const c = pvcs[pvcs.length - 1 - j]!;
    pvcs[pvcs.length - 1 - j] = { ...c, spec: { ...c.spec, volumeName: released[j % released.length] } };
  }
  const classes = STORAGE_CLASSES.filter((n) => n !== "").map(storageClass);
  return { apiVersion: "v1", kind: "List", items: [...classes, ...pvs, ...pvcs] };
}
