/**
 * `corev1.PersistentVolumeClaim`.
 *
 * @module
 */
import type { LabelSelector } from "../../labels/index.js";
import type {
  AccessMode,
  ClaimResourceStatus,
  EnumValue,
  PersistentVolumeClaimConditionType,
  PersistentVolumeClaimModifyVolumeStatus,
  PersistentVolumeClaimPhase,
  PersistentVolumeMode,
} from "./enums.js";
import type { ObjectMeta, ResourceList, Time, TypedLocalObjectReference, TypedObjectReference } from "./meta.js";

/**
 * `corev1.VolumeResourceRequirements`: a claim's `spec.resources`.
 *
 * @example
 * ```ts
 * const r: VolumeResourceRequirements = { requests: { storage: "5Gi" } };
 * ```
 */
export interface VolumeResourceRequirements {
  limits?: ResourceList;
  requests?: ResourceList;
}

/**
 * `corev1.PersistentVolumeClaimSpec`. `storageClassName`: `null`/absent means "use the default
 * class"; `""` means "no class" (see `claimClass`, `claimHasClass`).
 *
 * @example
 * ```ts
 * const spec: PersistentVolumeClaimSpec = {
 *   accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } }, storageClassName: "fast",
 *   selector: { matchLabels: { tier: "gold" } },
 * };
 * ```
 */
export interface PersistentVolumeClaimSpec {
  accessModes?: EnumValue<AccessMode>[];
  selector?: LabelSelector | null;
  resources?: VolumeResourceRequirements;
  volumeName?: string;
  storageClassName?: string | null;
  volumeMode?: EnumValue<PersistentVolumeMode> | null;
  dataSource?: TypedLocalObjectReference | null;
  dataSourceRef?: TypedObjectReference | null;
  volumeAttributesClassName?: string | null;
}

/**
 * One entry of a claim's `status.conditions`.
 *
 * @example
 * ```ts
 * const c: PersistentVolumeClaimCondition = { type: "FileSystemResizePending", status: "True", lastTransitionTime: "2024-05-01T10:00:00Z" };
 * ```
 */
export interface PersistentVolumeClaimCondition {
  type: EnumValue<PersistentVolumeClaimConditionType>;
  /** `"True"`, `"False"` or `"Unknown"`. */
  status: string;
  lastProbeTime?: Time | null;
  lastTransitionTime?: Time | null;
  reason?: string;
  message?: string;
}

/**
 * `corev1.ModifyVolumeStatus`: progress of a VolumeAttributesClass change.
 *
 * @example
 * ```ts
 * const m: ModifyVolumeStatus = { targetVolumeAttributesClassName: "gold", status: "InProgress" };
 * ```
 */
export interface ModifyVolumeStatus {
  targetVolumeAttributesClassName?: string;
  status: EnumValue<PersistentVolumeClaimModifyVolumeStatus>;
}

/**
 * `corev1.PersistentVolumeClaimStatus`.
 *
 * @example
 * ```ts
 * const s: PersistentVolumeClaimStatus = { phase: "Bound", accessModes: ["ReadWriteOnce"], capacity: { storage: "10Gi" } };
 * ```
 */
export interface PersistentVolumeClaimStatus {
  phase?: EnumValue<PersistentVolumeClaimPhase>;
  accessModes?: EnumValue<AccessMode>[];
  capacity?: ResourceList;
  conditions?: PersistentVolumeClaimCondition[];
  allocatedResources?: ResourceList;
  allocatedResourceStatuses?: Record<string, EnumValue<ClaimResourceStatus>>;
  currentVolumeAttributesClassName?: string | null;
  modifyVolumeStatus?: ModifyVolumeStatus | null;
}

/**
 * A PersistentVolumeClaim (namespaced).
 *
 * Every field is as optional as in `@kubernetes/client-node` and `kubernetes-types`, so their
 * objects (and plain JSON) fit without a cast; `apiVersion` and `kind` take any string. A stored
 * object always has `metadata` and `spec`: `createCluster` refuses one without them (a
 * `LifecycleError` naming the field), and the matching functions refuse a claim without them
 * (`MatchingError`).
 *
 * @example
 * ```ts
 * const pvc: PersistentVolumeClaim = {
 *   apiVersion: "v1", kind: "PersistentVolumeClaim", metadata: { name: "data", namespace: "default" },
 *   spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "5Gi" } } },
 * };
 * ```
 */
export interface PersistentVolumeClaim {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: PersistentVolumeClaimSpec;
  status?: PersistentVolumeClaimStatus;
}

/**
 * The `volumeClaimTemplate` of an ephemeral pod volume: a claim without apiVersion/kind/status.
 *
 * @example
 * ```ts
 * const t: PersistentVolumeClaimTemplate = { metadata: { labels: { app: "x" } }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } };
 * ```
 */
export interface PersistentVolumeClaimTemplate {
  metadata?: ObjectMeta;
  spec?: PersistentVolumeClaimSpec;
}
