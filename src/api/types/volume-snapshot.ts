/**
 * `snapshot.storage.k8s.io/v1` VolumeSnapshot, VolumeSnapshotContent and VolumeSnapshotClass
 * (the external-snapshotter CRDs).
 *
 * @module
 */
import type { DeletionPolicy, EnumValue, PersistentVolumeMode } from "./enums.js";
import type { ObjectMeta, ObjectReference, Time } from "./meta.js";

/**
 * `VolumeSnapshotError`.
 *
 * @example
 * ```ts
 * const e: VolumeSnapshotError = { message: "driver timed out", time: "2024-05-01T10:00:00Z" };
 * ```
 */
export interface VolumeSnapshotError {
  time?: Time | null;
  message?: string | null;
}

/**
 * `VolumeSnapshotSource`: exactly one of a claim (dynamic snapshot) or a pre-existing content.
 *
 * @example
 * ```ts
 * const s: VolumeSnapshotSource = { persistentVolumeClaimName: "data" };
 * ```
 */
export interface VolumeSnapshotSource {
  persistentVolumeClaimName?: string | null;
  volumeSnapshotContentName?: string | null;
}

/**
 * `VolumeSnapshotSpec`.
 *
 * @example
 * ```ts
 * const spec: VolumeSnapshotSpec = { source: { persistentVolumeClaimName: "data" }, volumeSnapshotClassName: "csi-snap" };
 * ```
 */
export interface VolumeSnapshotSpec {
  source: VolumeSnapshotSource;
  volumeSnapshotClassName?: string | null;
}

/**
 * `VolumeSnapshotStatus`. `restoreSize` is a quantity string.
 *
 * @example
 * ```ts
 * const s: VolumeSnapshotStatus = { boundVolumeSnapshotContentName: "snapcontent-1", readyToUse: true, restoreSize: "10Gi" };
 * ```
 */
export interface VolumeSnapshotStatus {
  boundVolumeSnapshotContentName?: string | null;
  creationTime?: Time | null;
  readyToUse?: boolean | null;
  restoreSize?: string | null;
  error?: VolumeSnapshotError | null;
  volumeGroupSnapshotName?: string | null;
}

/**
 * A VolumeSnapshot (namespaced).
 *
 * @example
 * ```ts
 * const snap: VolumeSnapshot = {
 *   apiVersion: "snapshot.storage.k8s.io/v1", kind: "VolumeSnapshot", metadata: { name: "snap-1", namespace: "default" },
 *   spec: { source: { persistentVolumeClaimName: "data" }, volumeSnapshotClassName: "csi-snap" },
 * };
 * ```
 */
export interface VolumeSnapshot {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: VolumeSnapshotSpec;
  status?: VolumeSnapshotStatus;
}

/**
 * `VolumeSnapshotContentSource`: exactly one of a volume handle (dynamic) or a snapshot handle
 * (pre-provisioned).
 *
 * @example
 * ```ts
 * const s: VolumeSnapshotContentSource = { snapshotHandle: "snap-0abc" };
 * ```
 */
export interface VolumeSnapshotContentSource {
  volumeHandle?: string | null;
  snapshotHandle?: string | null;
}

/**
 * `VolumeSnapshotContentSpec`.
 *
 * @example
 * ```ts
 * const spec: VolumeSnapshotContentSpec = {
 *   volumeSnapshotRef: { name: "snap-1", namespace: "default" }, deletionPolicy: "Delete",
 *   driver: "ebs.csi.aws.com", source: { snapshotHandle: "snap-0abc" },
 * };
 * ```
 */
export interface VolumeSnapshotContentSpec {
  volumeSnapshotRef: ObjectReference;
  deletionPolicy: EnumValue<DeletionPolicy>;
  driver: string;
  volumeSnapshotClassName?: string | null;
  source: VolumeSnapshotContentSource;
  sourceVolumeMode?: EnumValue<PersistentVolumeMode> | null;
}

/**
 * `VolumeSnapshotContentStatus`. Unlike the VolumeSnapshot, `creationTime` is Unix nanoseconds
 * and `restoreSize` is a byte count (both integers).
 *
 * @example
 * ```ts
 * const s: VolumeSnapshotContentStatus = { snapshotHandle: "snap-0abc", readyToUse: true, restoreSize: 10737418240, creationTime: 1714557600000000000 };
 * ```
 */
export interface VolumeSnapshotContentStatus {
  snapshotHandle?: string | null;
  creationTime?: number | null;
  restoreSize?: number | null;
  readyToUse?: boolean | null;
  error?: VolumeSnapshotError | null;
  volumeGroupSnapshotHandle?: string | null;
}

/**
 * A VolumeSnapshotContent (cluster-scoped).
 *
 * @example
 * ```ts
 * const c: VolumeSnapshotContent = {
 *   apiVersion: "snapshot.storage.k8s.io/v1", kind: "VolumeSnapshotContent", metadata: { name: "snapcontent-1" },
 *   spec: { volumeSnapshotRef: { name: "snap-1", namespace: "default" }, deletionPolicy: "Retain", driver: "ebs.csi.aws.com", source: { snapshotHandle: "snap-0abc" } },
 * };
 * ```
 */
export interface VolumeSnapshotContent {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: VolumeSnapshotContentSpec;
  status?: VolumeSnapshotContentStatus;
}

/**
 * A VolumeSnapshotClass (cluster-scoped, no `spec`).
 *
 * @example
 * ```ts
 * const c: VolumeSnapshotClass = {
 *   apiVersion: "snapshot.storage.k8s.io/v1", kind: "VolumeSnapshotClass", metadata: { name: "csi-snap" },
 *   driver: "ebs.csi.aws.com", deletionPolicy: "Delete",
 * };
 * ```
 */
export interface VolumeSnapshotClass {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  driver: string;
  parameters?: Record<string, string>;
  deletionPolicy: EnumValue<DeletionPolicy>;
}
