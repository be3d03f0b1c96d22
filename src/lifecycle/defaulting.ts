/**
 * The API server's defaulting (not admission): what every stored object already has.
 *
 * @module
 */
import type {
  Node,
  ObjectMeta,
  PersistentVolume,
  PersistentVolumeClaim,
  PersistentVolumeClaimSpec,
  PersistentVolumeClaimStatus,
  PersistentVolumeSpec,
  PersistentVolumeStatus,
  Pod,
  StorageClass,
} from "../api/index.js";
import type { ObjectKind } from "./write.js";
import { copyWith } from "../api/copy-with.js";
import { expectObject } from "./errors.js";

/**
 * PV defaults: `persistentVolumeReclaimPolicy: Retain`, `volumeMode: Filesystem`, phase `Pending`.
 *
 * @example
 * ```ts
 * defaultVolume({ metadata: { name: "pv1" }, spec: {} }).spec.persistentVolumeReclaimPolicy; // "Retain"
 * ```
 */
export function defaultVolume<T extends PersistentVolume>(pv: T): T & { spec: PersistentVolumeSpec; status: PersistentVolumeStatus } {
  expectObject(pv, "volume");
  const spec = copyWith(pv.spec);
  if (spec.persistentVolumeReclaimPolicy === undefined || (spec.persistentVolumeReclaimPolicy as unknown) === "") {
    spec.persistentVolumeReclaimPolicy = "Retain";
  }
  if (spec.volumeMode === undefined || spec.volumeMode === null) spec.volumeMode = "Filesystem";
  const status = copyWith(pv.status);
  if (status.phase === undefined || (status.phase as unknown) === "") status.phase = "Pending";
  return copyWith(pv, { spec, status } as Partial<T>) as T & { spec: PersistentVolumeSpec; status: PersistentVolumeStatus };
}

/**
 * PVC defaults: namespace `default` when missing, `volumeMode: Filesystem`, phase `Pending`.
 *
 * @example
 * ```ts
 * defaultClaim({ metadata: { name: "data" }, spec: {} }).metadata.namespace; // "default"
 * ```
 */
export function defaultClaim<T extends PersistentVolumeClaim>(
  pvc: T,
): T & { metadata: ObjectMeta; spec: PersistentVolumeClaimSpec; status: PersistentVolumeClaimStatus } {
  expectObject(pvc, "claim");
  const metadata = pvc.metadata?.namespace ? pvc.metadata : copyWith(pvc.metadata, { namespace: "default" });
  const spec = copyWith(pvc.spec);
  if (spec.volumeMode === undefined || spec.volumeMode === null) spec.volumeMode = "Filesystem";
  const status = copyWith(pvc.status);
  if (status.phase === undefined || (status.phase as unknown) === "") status.phase = "Pending";
  return copyWith(pvc, { metadata, spec, status } as Partial<T>) as T & {
    metadata: ObjectMeta;
    spec: PersistentVolumeClaimSpec;
    status: PersistentVolumeClaimStatus;
  };
}

/**
 * StorageClass defaults: `reclaimPolicy: Delete`, `volumeBindingMode: Immediate`.
 *
 * @example
 * ```ts
 * defaultStorageClassFields({ metadata: { name: "fast" }, provisioner: "x" }).volumeBindingMode; // "Immediate"
 * ```
 */
export function defaultStorageClassFields<T extends StorageClass>(sc: T): T {
  const out = { ...sc };
  if (out.reclaimPolicy === undefined || out.reclaimPolicy === null) out.reclaimPolicy = "Delete";
  if (out.volumeBindingMode === undefined || out.volumeBindingMode === null) out.volumeBindingMode = "Immediate";
  return out;
}

/**
 * Pod defaults relevant here: namespace `default` when missing.
 *
 * @example
 * ```ts
 * defaultPod({ metadata: { name: "web" } }).metadata.namespace; // "default"
 * ```
 */
export function defaultPod<T extends Pod>(pod: T): T & { metadata: ObjectMeta } {
  expectObject(pod, "pod");
  return pod.metadata?.namespace ? (pod as T & { metadata: ObjectMeta }) : { ...pod, metadata: { ...pod.metadata, namespace: "default" } };
}

/**
 * Nodes need no defaulting here; returned as is.
 *
 * @example
 * ```ts
 * defaultNode({ metadata: { name: "n1" } });
 * ```
 */
export function defaultNode<T extends Node>(node: T): T {
  return node;
}

/**
 * The API server's defaulting for an object of any kind the cluster holds.
 *
 * @example
 * ```ts
 * defaultObject("PersistentVolume", pv).spec.persistentVolumeReclaimPolicy; // "Retain" unless set
 * ```
 */
export function defaultObject<T extends PersistentVolume | PersistentVolumeClaim | StorageClass | Pod | Node>(kind: ObjectKind, obj: T): T {
  switch (kind) {
    case "PersistentVolume":
      return defaultVolume(obj as PersistentVolume) as T;
    case "PersistentVolumeClaim":
      return defaultClaim(obj as PersistentVolumeClaim) as T;
    case "StorageClass":
      return defaultStorageClassFields(obj as StorageClass) as T;
    case "Pod":
      return defaultPod(obj as Pod) as T;
    case "Node":
      return defaultNode(obj as Node) as T;
  }
}
