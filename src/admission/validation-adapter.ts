/**
 * One place where the review calls the validation layer, per kind, so the review itself stays
 * kind-generic.
 *
 * @module
 */
import {
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
  validateStorageClass,
  validateStorageClassUpdate,
  persistentVolumeWarnings,
  persistentVolumeClaimWarnings,
  storageClassWarnings,
  type FieldError,
  type ValidationOptions,
} from "../validation/index.js";
import type { StorageKind, StorageObjectOf } from "./storage-kinds.js";

type AnyOpts = Partial<ValidationOptions> | undefined;

/**
 * Create-validation of a storage object by kind (the validation layer's `validate*`).
 *
 * @example
 * ```ts
 * validateStorageObject("StorageClass", sc).map(String); // ["provisioner: Required value"]
 * ```
 */
export function validateStorageObject<K extends StorageKind>(kind: K, obj: StorageObjectOf[K], opts?: AnyOpts): FieldError[] {
  switch (kind) {
    case "PersistentVolume":
      return validatePersistentVolume(obj, opts);
    case "PersistentVolumeClaim":
      return validatePersistentVolumeClaim(obj, opts);
    default:
      return validateStorageClass(obj);
  }
}

/**
 * Update-validation of a storage object by kind (the validation layer's `validate*Update`).
 *
 * @example
 * ```ts
 * validateStorageObjectUpdate("StorageClass", next, prev).map(String); // ["provisioner: Forbidden: updates to provisioner are forbidden."]
 * ```
 */
export function validateStorageObjectUpdate<K extends StorageKind>(
  kind: K,
  next: StorageObjectOf[K],
  prev: StorageObjectOf[K],
  opts?: AnyOpts,
): FieldError[] {
  switch (kind) {
    case "PersistentVolume":
      return validatePersistentVolumeUpdate(next, prev, opts);
    case "PersistentVolumeClaim":
      return validatePersistentVolumeClaimUpdate(next, prev, opts);
    default:
      return validateStorageClassUpdate(next, prev);
  }
}

/**
 * The API server's warnings for a storage object (deprecations and the like), from the
 * validation layer; `prev` is set for updates.
 *
 * @example
 * ```ts
 * storageObjectWarnings("PersistentVolume", recyclePv, undefined)[0];
 * // "spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. ..."
 * ```
 */
export function storageObjectWarnings<K extends StorageKind>(
  kind: K,
  obj: StorageObjectOf[K],
  prev: StorageObjectOf[K] | undefined,
): string[] {
  void prev; // the API server warns about the new object on update, as on create
  switch (kind) {
    case "PersistentVolume":
      return persistentVolumeWarnings(obj);
    case "PersistentVolumeClaim":
      return persistentVolumeClaimWarnings(obj);
    default:
      return storageClassWarnings(obj);
  }
}
