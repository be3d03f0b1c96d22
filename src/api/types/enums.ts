/**
 * String enums of the storage API (`corev1` / `storagev1` constants).
 *
 * @module
 */

/**
 * A PV/PVC access mode.
 *
 * @example
 * ```ts
 * const mode: AccessMode = "ReadWriteOnce";
 * ```
 */
export type AccessMode = "ReadWriteOnce" | "ReadOnlyMany" | "ReadWriteMany" | "ReadWriteOncePod";

/**
 * The short form of an {@link AccessMode} used by kubectl and the PV controller's index keys.
 *
 * @example
 * ```ts
 * const abbr: AccessModeAbbreviation = "RWOP";
 * ```
 */
export type AccessModeAbbreviation = "RWO" | "ROX" | "RWX" | "RWOP";

/**
 * `spec.volumeMode` of a PV or PVC (absent means `Filesystem`).
 *
 * @example
 * ```ts
 * const mode: PersistentVolumeMode = "Block";
 * ```
 */
export type PersistentVolumeMode = "Filesystem" | "Block";

/**
 * What happens to a released PV (`spec.persistentVolumeReclaimPolicy`; StorageClass `reclaimPolicy`).
 *
 * @example
 * ```ts
 * const policy: PersistentVolumeReclaimPolicy = "Delete";
 * ```
 */
export type PersistentVolumeReclaimPolicy = "Retain" | "Delete" | "Recycle";

/**
 * StorageClass `volumeBindingMode` (absent means `Immediate`).
 *
 * @example
 * ```ts
 * const mode: VolumeBindingMode = "WaitForFirstConsumer";
 * ```
 */
export type VolumeBindingMode = "Immediate" | "WaitForFirstConsumer";

/**
 * PV `status.phase`.
 *
 * @example
 * ```ts
 * const phase: PersistentVolumePhase = "Released";
 * ```
 */
export type PersistentVolumePhase = "Pending" | "Available" | "Bound" | "Released" | "Failed";

/**
 * PVC `status.phase`.
 *
 * @example
 * ```ts
 * const phase: PersistentVolumeClaimPhase = "Lost";
 * ```
 */
export type PersistentVolumeClaimPhase = "Pending" | "Bound" | "Lost";

/**
 * PVC condition types (`status.conditions[].type`).
 *
 * @example
 * ```ts
 * const t: PersistentVolumeClaimConditionType = "FileSystemResizePending";
 * ```
 */
export type PersistentVolumeClaimConditionType =
  | "Resizing"
  | "FileSystemResizePending"
  | "ControllerResizeError"
  | "NodeResizeError"
  | "ModifyVolumeError"
  | "ModifyingVolume";

/**
 * Per-resource resize status in PVC `status.allocatedResourceStatuses`.
 *
 * @example
 * ```ts
 * const s: ClaimResourceStatus = "NodeResizePending";
 * ```
 */
export type ClaimResourceStatus =
  | "ControllerResizeInProgress"
  | "ControllerResizeInfeasible"
  | "NodeResizePending"
  | "NodeResizeInProgress"
  | "NodeResizeInfeasible";

/**
 * PVC `status.modifyVolumeStatus.status`.
 *
 * @example
 * ```ts
 * const s: PersistentVolumeClaimModifyVolumeStatus = "InProgress";
 * ```
 */
export type PersistentVolumeClaimModifyVolumeStatus = "Pending" | "InProgress" | "Infeasible";

/**
 * `hostPath.type`.
 *
 * @example
 * ```ts
 * const t: HostPathType = "DirectoryOrCreate";
 * ```
 */
export type HostPathType = "" | "DirectoryOrCreate" | "Directory" | "FileOrCreate" | "File" | "Socket" | "CharDevice" | "BlockDevice";

/**
 * `VolumeSnapshotContent.spec.deletionPolicy` / `VolumeSnapshotClass.deletionPolicy`.
 *
 * @example
 * ```ts
 * const p: DeletionPolicy = "Retain";
 * ```
 */
export type DeletionPolicy = "Delete" | "Retain";

/**
 * The type of an enum-valued field: one of the enum's values `E` (editors offer them) or any
 * other string. Objects arrive from JSON, YAML or a client library (`@kubernetes/client-node` and
 * `kubernetes-types` type these fields as `string`) before anything has checked them, so the
 * object types accept every string here; validation (`validatePersistentVolume` and friends)
 * rejects the values the API server rejects, and every rule treats an unknown value the way
 * Kubernetes does (usually as "not equal to any known value").
 *
 * @example
 * ```ts
 * const known: EnumValue<AccessMode> = "ReadWriteOnce";
 * const fromJson: EnumValue<AccessMode> = JSON.parse('"ReadWriteMany"') as string;
 * ```
 */
export type EnumValue<E extends string> = E | (string & {});
