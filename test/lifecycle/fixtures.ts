/**
 * Builders shared by the lifecycle tests.
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../../src/api/index.js";
import type { LifecycleContext, LifecycleEvent, LifecycleResult, StoredClaim, StoredVolume } from "../../src/lifecycle/index.js";

export const NOW = "2026-03-01T10:00:00Z";
export const ctx: LifecycleContext = { now: NOW };
export const LATER = "2026-03-01T11:00:00Z";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | T[K] : T[K] };

export interface PvOptions {
  size?: string;
  modes?: NonNullable<PersistentVolume["spec"]>["accessModes"];
  phase?: NonNullable<PersistentVolume["status"]>["phase"];
  claimRef?: { name: string; namespace?: string; uid?: string } | null;
  policy?: string;
  className?: string;
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  finalizers?: string[];
  volumeMode?: "Filesystem" | "Block";
  deleting?: boolean;
  source?: "nfs" | "csi" | "hostPath" | "local";
  uid?: string;
  spec?: DeepPartial<NonNullable<PersistentVolume["spec"]>>;
}

export function pv(name: string, o: PvOptions = {}): StoredVolume {
  const source =
    o.source === "csi"
      ? { csi: { driver: "csi.example.com", volumeHandle: name } }
      : o.source === "hostPath"
        ? { hostPath: { path: `/tmp/${name}` } }
        : o.source === "local"
          ? { local: { path: `/mnt/${name}` } }
          : { nfs: { server: "nfs.example.com", path: `/${name}` } };
  return {
    metadata: {
      name,
      uid: o.uid ?? `uid-${name}`,
      ...(o.annotations ? { annotations: o.annotations } : {}),
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.finalizers ? { finalizers: o.finalizers } : {}),
      ...(o.deleting ? { deletionTimestamp: "2026-02-01T00:00:00Z" } : {}),
    },
    spec: {
      capacity: { storage: o.size ?? "10Gi" },
      accessModes: o.modes ?? ["ReadWriteOnce"],
      persistentVolumeReclaimPolicy: (o.policy ?? "Retain") as "Retain",
      storageClassName: o.className ?? "",
      volumeMode: o.volumeMode ?? "Filesystem",
      ...(o.claimRef
        ? {
            claimRef: {
              kind: "PersistentVolumeClaim",
              apiVersion: "v1",
              namespace: o.claimRef.namespace ?? "default",
              name: o.claimRef.name,
              ...(o.claimRef.uid !== undefined ? { uid: o.claimRef.uid } : {}),
            },
          }
        : {}),
      ...source,
      ...(o.spec as object),
    } as NonNullable<PersistentVolume["spec"]>,
    status: { phase: o.phase ?? "Available" },
  };
}

export interface PvcOptions {
  size?: string;
  modes?: NonNullable<PersistentVolumeClaim["spec"]>["accessModes"];
  phase?: NonNullable<PersistentVolumeClaim["status"]>["phase"];
  volumeName?: string;
  className?: string | null;
  annotations?: Record<string, string>;
  finalizers?: string[];
  volumeMode?: "Filesystem" | "Block";
  selector?: NonNullable<PersistentVolumeClaim["spec"]>["selector"];
  uid?: string;
  namespace?: string;
  deleting?: boolean;
  status?: PersistentVolumeClaim["status"];
}

export function pvc(name: string, o: PvcOptions = {}): StoredClaim {
  const spec: NonNullable<PersistentVolumeClaim["spec"]> = {
    accessModes: o.modes ?? ["ReadWriteOnce"],
    resources: { requests: { storage: o.size ?? "5Gi" } },
    volumeMode: o.volumeMode ?? "Filesystem",
  };
  if (o.className !== undefined) spec.storageClassName = o.className;
  else spec.storageClassName = "";
  if (o.volumeName !== undefined) spec.volumeName = o.volumeName;
  if (o.selector !== undefined) spec.selector = o.selector;
  return {
    metadata: {
      name,
      namespace: o.namespace ?? "default",
      uid: o.uid ?? `uid-${name}`,
      ...(o.annotations ? { annotations: o.annotations } : {}),
      ...(o.finalizers ? { finalizers: o.finalizers } : {}),
      ...(o.deleting ? { deletionTimestamp: "2026-02-01T00:00:00Z" } : {}),
    },
    spec,
    status: o.status ?? { phase: o.phase ?? "Pending" },
  };
}

/** A claim whose class field is absent (nil), for default-class tests. */
export function pvcNoClass(name: string, o: PvcOptions = {}): StoredClaim {
  const c = pvc(name, o);
  const spec = { ...c.spec };
  delete spec.storageClassName;
  return { ...c, spec };
}

export function sc(name: string, o: Partial<StorageClass> & { isDefault?: boolean; created?: string } = {}): StorageClass {
  const { isDefault, created, ...rest } = o;
  return {
    metadata: {
      name,
      ...(isDefault ? { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } : {}),
      ...(created ? { creationTimestamp: created } : {}),
    },
    provisioner: "csi.example.com",
    reclaimPolicy: "Delete",
    volumeBindingMode: "Immediate",
    ...rest,
  };
}

export function pod(name: string, claims: string[], o: { node?: string; phase?: string; namespace?: string } = {}): Pod {
  return {
    metadata: { name, namespace: o.namespace ?? "default", uid: `uid-pod-${name}` },
    spec: {
      ...(o.node ? { nodeName: o.node } : {}),
      volumes: claims.map((c, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName: c } })),
    },
    ...(o.phase ? { status: { phase: o.phase } } : {}),
  };
}

export function summary(r: LifecycleResult): string[] {
  return r.writes.map((w) => `${w.verb} ${w.kind} ${w.name}`);
}

export function reasons(events: readonly LifecycleEvent[]): string[] {
  return events.map((e) => `${e.type} ${e.reason}: ${e.message}`);
}

/** Deep-freezes an object graph so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

import type { Cluster } from "../../src/lifecycle/index.js";

/** Freezes every object held by the cluster (maps are never mutated by the library). */
export function freezeCluster(c: Cluster): Cluster {
  for (const m of [c.volumes, c.claims, c.classes, c.pods, c.nodes, c.operations] as ReadonlyMap<string, unknown>[]) {
    for (const v of m.values()) deepFreeze(v);
  }
  return c;
}
