/**
 * The values of the storage API's string enums, as readonly arrays (in Kubernetes' declaration
 * order), plus the access-mode abbreviations.
 *
 * @module
 */
import type {
  AccessMode,
  AccessModeAbbreviation,
  PersistentVolumeClaimPhase,
  PersistentVolumeMode,
  PersistentVolumePhase,
  PersistentVolumeReclaimPolicy,
  VolumeBindingMode,
} from "../types/enums.js";

/**
 * Every access mode, in the canonical key order (RWO, ROX, RWX, RWOP).
 *
 * @example
 * ```ts
 * ACCESS_MODES.includes("ReadWriteMany"); // true
 * ```
 */
export const ACCESS_MODES: readonly AccessMode[] = Object.freeze([
  "ReadWriteOnce",
  "ReadOnlyMany",
  "ReadWriteMany",
  "ReadWriteOncePod",
] as const);

/**
 * Every volume mode.
 *
 * @example
 * ```ts
 * VOLUME_MODES; // ["Filesystem", "Block"]
 * ```
 */
export const VOLUME_MODES: readonly PersistentVolumeMode[] = Object.freeze(["Filesystem", "Block"] as const);

/**
 * Every PV reclaim policy (StorageClasses accept only `Delete` and `Retain`).
 *
 * @example
 * ```ts
 * RECLAIM_POLICIES; // ["Retain", "Delete", "Recycle"]
 * ```
 */
export const RECLAIM_POLICIES: readonly PersistentVolumeReclaimPolicy[] = Object.freeze(["Retain", "Delete", "Recycle"] as const);

/**
 * Every StorageClass volume binding mode.
 *
 * @example
 * ```ts
 * BINDING_MODES; // ["Immediate", "WaitForFirstConsumer"]
 * ```
 */
export const BINDING_MODES: readonly VolumeBindingMode[] = Object.freeze(["Immediate", "WaitForFirstConsumer"] as const);

/**
 * Every PV phase.
 *
 * @example
 * ```ts
 * PV_PHASES; // ["Pending", "Available", "Bound", "Released", "Failed"]
 * ```
 */
export const PV_PHASES: readonly PersistentVolumePhase[] = Object.freeze(["Pending", "Available", "Bound", "Released", "Failed"] as const);

/**
 * Every PVC phase.
 *
 * @example
 * ```ts
 * PVC_PHASES; // ["Pending", "Bound", "Lost"]
 * ```
 */
export const PVC_PHASES: readonly PersistentVolumeClaimPhase[] = Object.freeze(["Pending", "Bound", "Lost"] as const);

/**
 * Access mode → abbreviation (`ReadWriteOnce` → `RWO`, …).
 *
 * @example
 * ```ts
 * ACCESS_MODE_ABBREVIATIONS.ReadWriteOncePod; // "RWOP"
 * ```
 */
export const ACCESS_MODE_ABBREVIATIONS: Readonly<Record<AccessMode, AccessModeAbbreviation>> = Object.freeze({
  ReadWriteOnce: "RWO",
  ReadOnlyMany: "ROX",
  ReadWriteMany: "RWX",
  ReadWriteOncePod: "RWOP",
});

/**
 * Abbreviation → access mode (`RWO` → `ReadWriteOnce`, …).
 *
 * @example
 * ```ts
 * ACCESS_MODES_BY_ABBREVIATION.RWX; // "ReadWriteMany"
 * ```
 */
export const ACCESS_MODES_BY_ABBREVIATION: Readonly<Record<AccessModeAbbreviation, AccessMode>> = Object.freeze({
  RWO: "ReadWriteOnce",
  ROX: "ReadOnlyMany",
  RWX: "ReadWriteMany",
  RWOP: "ReadWriteOncePod",
});

/**
 * The API group of StorageClass, CSIDriver, CSINode, CSIStorageCapacity and VolumeAttributesClass.
 *
 * @example
 * ```ts
 * STORAGE_API_GROUP; // "storage.k8s.io"
 * ```
 */
export const STORAGE_API_GROUP = "storage.k8s.io";

/**
 * The API group of the VolumeSnapshot CRDs.
 *
 * @example
 * ```ts
 * SNAPSHOT_API_GROUP; // "snapshot.storage.k8s.io"
 * ```
 */
export const SNAPSHOT_API_GROUP = "snapshot.storage.k8s.io";
