/** Small builders for matching tests (not a test file itself). */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../../src/api/index.js";
import type { LabelSelector, NodeSelector } from "../../src/labels/index.js";

export const RWO = "ReadWriteOnce";
export const ROX = "ReadOnlyMany";
export const RWX = "ReadWriteMany";
export const RWOP = "ReadWriteOncePod";
export const BETA_CLASS = "volume.beta.kubernetes.io/storage-class";
export const HOSTNAME = "kubernetes.io/hostname";

export interface PvOpts {
  cap?: string | null;
  modes?: string[];
  cls?: string;
  betaClass?: string;
  phase?: string | null;
  claimRef?: { namespace?: string; name?: string; uid?: string } | null;
  volumeMode?: string;
  vac?: string | null;
  labels?: Record<string, string>;
  deleting?: boolean;
  host?: string;
  affinity?: NodeSelector;
}

export function pv(name: string, o: PvOpts = {}): PersistentVolume {
  const annotations = o.betaClass !== undefined ? { [BETA_CLASS]: o.betaClass } : undefined;
  const affinity =
    o.affinity ??
    (o.host !== undefined
      ? { nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTNAME, operator: "In", values: [o.host] }] }] }
      : undefined);
  return {
    metadata: {
      name,
      ...(o.labels ? { labels: o.labels } : {}),
      ...(annotations ? { annotations } : {}),
      ...(o.deleting ? { deletionTimestamp: "2026-01-01T00:00:00Z" } : {}),
    },
    spec: {
      ...(o.cap === null ? {} : { capacity: { storage: o.cap ?? "10Gi" } }),
      accessModes: (o.modes ?? [RWO]) as NonNullable<PersistentVolume["spec"]>["accessModes"],
      ...(o.cls !== undefined ? { storageClassName: o.cls } : {}),
      ...(o.claimRef ? { claimRef: { kind: "PersistentVolumeClaim", ...o.claimRef } } : {}),
      ...(o.volumeMode !== undefined ? { volumeMode: o.volumeMode as "Block" } : {}),
      ...(o.vac !== undefined ? { volumeAttributesClassName: o.vac } : {}),
      ...(affinity ? { nodeAffinity: { required: affinity } } : {}),
      hostPath: { path: `/mnt/${name}` },
    },
    ...(o.phase === null ? {} : { status: { phase: (o.phase ?? "Available") as "Available" } }),
  } as PersistentVolume;
}

export interface PvcOpts {
  ns?: string;
  uid?: string;
  req?: string | null;
  modes?: string[];
  cls?: string | null;
  betaClass?: string;
  volumeMode?: string;
  vac?: string | null;
  selector?: LabelSelector | null;
  volumeName?: string;
}

export function pvc(name: string, o: PvcOpts = {}): PersistentVolumeClaim {
  const annotations = o.betaClass !== undefined ? { [BETA_CLASS]: o.betaClass } : undefined;
  return {
    metadata: {
      name,
      namespace: o.ns ?? "default",
      uid: o.uid ?? `uid-${name}`,
      ...(annotations ? { annotations } : {}),
    },
    spec: {
      accessModes: (o.modes ?? [RWO]) as NonNullable<PersistentVolumeClaim["spec"]>["accessModes"],
      ...(o.req === null ? {} : { resources: { requests: { storage: o.req ?? "1Gi" } } }),
      ...(o.cls !== undefined ? { storageClassName: o.cls } : {}),
      ...(o.volumeMode !== undefined ? { volumeMode: o.volumeMode as "Block" } : {}),
      ...(o.vac !== undefined ? { volumeAttributesClassName: o.vac } : {}),
      ...(o.selector !== undefined ? { selector: o.selector } : {}),
      ...(o.volumeName !== undefined ? { volumeName: o.volumeName } : {}),
    },
  } as PersistentVolumeClaim;
}

/** A claimRef pointing at `pvc(name)` in namespace default, by name only or with its uid. */
export function refTo(name: string, withUid = false, ns = "default"): { namespace: string; name: string; uid?: string } {
  return withUid ? { namespace: ns, name, uid: `uid-${name}` } : { namespace: ns, name };
}

export function node(name: string, labels: Record<string, string> = {}): { name: string; labels: Record<string, string> } {
  return { name, labels: { [HOSTNAME]: name, ...labels } };
}

export function sc(name: string, provisioner: string, o: { wffc?: boolean; isDefault?: boolean; created?: string } = {}): StorageClass {
  return {
    metadata: {
      name,
      ...(o.isDefault ? { annotations: { "storageclass.kubernetes.io/is-default-class": "true" } } : {}),
      ...(o.created ? { creationTimestamp: o.created } : {}),
    },
    provisioner,
    volumeBindingMode: o.wffc ? "WaitForFirstConsumer" : "Immediate",
  } as StorageClass;
}

export const nameOf = (v: PersistentVolume | undefined): string | undefined => v?.metadata?.name;
