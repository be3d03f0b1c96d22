/**
 * The 100,000-object cluster dump of the end-to-end `explain` benchmark: what
 * `kubectl get pv,pvc,sc -A -o json` returns for the seeded workload — 50,000 volumes, 50,000 claims,
 * the workload's StorageClasses — where `prebound` of the claims name a Released volume in
 * `spec.volumeName` (as real clusters have after an application was re-created), so the controller
 * leaves them Pending without ever searching the pool.
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../src/api/index.js";
import { runCluster } from "../src/engine/index.js";
import { createCluster } from "../src/lifecycle/index.js";
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

/**
 * The same workload as a running cluster lists it once its controllers have caught up: the engine's
 * end state of {@link clusterDump} (protection finalizers, bound pairs, provisioned volumes, deleted
 * ones gone; the claims that still wait stay Pending). `clusterDump` makes every object new to the
 * controllers (~284,000 writes before the run settles); here the run makes none.
 */
export function settledClusterDump(volumes = 50_000, prebound = 3_000): ClusterDump {
  const dump = clusterDump(volumes, prebound);
  const pick = <T>(kind: string) => dump.items.filter((o) => o.kind === kind) as T[];
  const input = createCluster({
    volumes: pick<PersistentVolume>("PersistentVolume"),
    claims: pick<PersistentVolumeClaim>("PersistentVolumeClaim"),
    classes: pick<StorageClass>("StorageClass"),
  });
  const end = runCluster(input, { now: "2026-01-01T00:00:00Z" }).cluster;
  return { apiVersion: "v1", kind: "List", items: [...end.classes.values(), ...end.volumes.values(), ...end.claims.values()] };
}
