import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../../src/api/index.js";

export function claim(
  name: string,
  spec: Record<string, unknown> = {},
  meta: Record<string, unknown> = {},
  status?: Record<string, unknown>,
): PersistentVolumeClaim {
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name, namespace: "default", ...meta },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } }, ...spec },
    ...(status ? { status } : {}),
  } as PersistentVolumeClaim;
}

export function volume(
  name: string,
  spec: Record<string, unknown> = {},
  meta: Record<string, unknown> = {},
  status?: Record<string, unknown>,
): PersistentVolume {
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name, ...meta },
    spec: { capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"], nfs: { server: "nfs.example", path: "/exports/a" }, ...spec },
    ...(status ? { status } : {}),
  } as PersistentVolume;
}

export function storageClass(
  name: string,
  fields: Record<string, unknown> = {},
  opts: { default?: boolean; created?: string } = {},
): StorageClass {
  const metadata: Record<string, unknown> = { name };
  if (opts.default) metadata.annotations = { "storageclass.kubernetes.io/is-default-class": "true" };
  if (opts.created) metadata.creationTimestamp = opts.created;
  return { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata, provisioner: "ebs.csi.aws.com", ...fields } as StorageClass;
}
