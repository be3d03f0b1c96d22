/**
 * `corev1.PersistentVolume`.
 *
 * @module
 */
import type { NodeSelector } from "../../labels/index.js";
import type { AccessMode, EnumValue, PersistentVolumeMode, PersistentVolumePhase, PersistentVolumeReclaimPolicy } from "./enums.js";
import type { ObjectMeta, ObjectReference, ResourceList, Time } from "./meta.js";
import type { PersistentVolumeSource } from "./volume-sources.js";

/**
 * `spec.nodeAffinity` of a PV: the nodes the volume can be used from.
 *
 * @example
 * ```ts
 * const affinity: VolumeNodeAffinity = {
 *   required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node-1"] }] }] },
 * };
 * ```
 */
export interface VolumeNodeAffinity {
  required?: NodeSelector | null;
}

/**
 * `corev1.PersistentVolumeSpec`: capacity, access modes, the claim pointer, and exactly one volume
 * source (the fields of {@link PersistentVolumeSource}, inlined as in the API).
 *
 * Enum-typed fields are typed by their enum, but a parsed (not yet validated) object may carry any
 * string there: schemas check shape, validation checks values.
 *
 * @example
 * ```ts
 * const spec: PersistentVolumeSpec = {
 *   capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"], persistentVolumeReclaimPolicy: "Retain",
 *   storageClassName: "fast", hostPath: { path: "/mnt/data" },
 * };
 * ```
 */
export interface PersistentVolumeSpec extends PersistentVolumeSource {
  capacity?: ResourceList;
  accessModes?: EnumValue<AccessMode>[];
  claimRef?: ObjectReference | null;
  /** Defaults to `Retain` in the API server. */
  persistentVolumeReclaimPolicy?: EnumValue<PersistentVolumeReclaimPolicy>;
  /** `""` or absent: no class. The beta annotation takes precedence (see `volumeClass`). */
  storageClassName?: string;
  mountOptions?: string[];
  /** Absent means `Filesystem`. */
  volumeMode?: EnumValue<PersistentVolumeMode> | null;
  nodeAffinity?: VolumeNodeAffinity | null;
  volumeAttributesClassName?: string | null;
}

/**
 * `corev1.PersistentVolumeStatus`.
 *
 * @example
 * ```ts
 * const status: PersistentVolumeStatus = { phase: "Bound", lastPhaseTransitionTime: "2024-05-01T10:00:00Z" };
 * ```
 */
export interface PersistentVolumeStatus {
  phase?: EnumValue<PersistentVolumePhase>;
  message?: string;
  reason?: string;
  lastPhaseTransitionTime?: Time | null;
}

/**
 * A PersistentVolume (cluster-scoped).
 *
 * Every field is as optional as in `@kubernetes/client-node` and `kubernetes-types`, so their
 * objects (and plain JSON) fit without a cast; `apiVersion` and `kind` take any string. A stored
 * object always has `metadata` and `spec`: `createCluster` refuses one without them (a
 * `LifecycleError` naming the field), and the matching functions skip a volume without them as
 * malformed.
 *
 * @example
 * ```ts
 * const pv: PersistentVolume = {
 *   apiVersion: "v1", kind: "PersistentVolume", metadata: { name: "pv-1" },
 *   spec: { capacity: { storage: "10Gi" }, accessModes: ["ReadWriteOnce"], nfs: { server: "nfs.local", path: "/exports/1" } },
 * };
 * ```
 */
export interface PersistentVolume {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: PersistentVolumeSpec;
  status?: PersistentVolumeStatus;
}
