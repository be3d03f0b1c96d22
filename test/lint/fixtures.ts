import type { Node, PersistentVolume, PersistentVolumeClaim, StorageClass } from "../../src/api/index.js";

type Spec = Record<string, unknown>;

export function pv(
  name: string,
  spec: Spec,
  extra: { status?: Record<string, unknown>; annotations?: Record<string, string>; labels?: Record<string, string> } = {},
): PersistentVolume {
  const metadata: Record<string, unknown> = { name };
  if (extra.annotations) metadata.annotations = extra.annotations;
  if (extra.labels) metadata.labels = extra.labels;
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata,
    spec: { capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"], persistentVolumeReclaimPolicy: "Retain", ...spec },
    ...(extra.status ? { status: extra.status } : { status: { phase: "Available" } }),
  } as PersistentVolume;
}

export function pvc(
  name: string,
  spec: Spec,
  extra: { namespace?: string; status?: Record<string, unknown>; annotations?: Record<string, string> } = {},
): PersistentVolumeClaim {
  const metadata: Record<string, unknown> = { name, namespace: extra.namespace ?? "default" };
  if (extra.annotations) metadata.annotations = extra.annotations;
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata,
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } }, ...spec },
    ...(extra.status ? { status: extra.status } : {}),
  } as PersistentVolumeClaim;
}

export function sc(name: string, fields: Record<string, unknown> = {}, extra: { default?: boolean; created?: string } = {}): StorageClass {
  const metadata: Record<string, unknown> = { name };
  if (extra.default) metadata.annotations = { "storageclass.kubernetes.io/is-default-class": "true" };
  if (extra.created) metadata.creationTimestamp = extra.created;
  return {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata,
    provisioner: "ebs.csi.aws.com",
    volumeBindingMode: "Immediate",
    reclaimPolicy: "Delete",
    ...fields,
  } as StorageClass;
}

export function node(name: string, hostname = name): Node {
  return { apiVersion: "v1", kind: "Node", metadata: { name, labels: { "kubernetes.io/hostname": hostname } } } as Node;
}

export const hostAffinity = (host: string) => ({
  required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [host] }] }] },
});
