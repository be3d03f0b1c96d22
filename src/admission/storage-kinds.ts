/**
 * The storage kinds the review answers for, how to recognise them in a request, and how to decode
 * and default their JSON the way the API server does before admission.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../api/index.js";
import type { GroupVersionKind } from "./admission-review.js";

/**
 * The kinds {@link reviewAdmission} reviews.
 *
 * @example
 * ```ts
 * const k: StorageKind | undefined = storageKindOf(review.request!.kind);
 * ```
 */
export type StorageKind = "PersistentVolume" | "PersistentVolumeClaim" | "StorageClass";

/**
 * The decoded object of each kind.
 *
 * @example
 * ```ts
 * const pv: StorageObjectOf["PersistentVolume"] = { metadata: { name: "pv1" }, spec: {} };
 * ```
 */
export interface StorageObjectOf {
  PersistentVolume: PersistentVolume;
  PersistentVolumeClaim: PersistentVolumeClaim;
  StorageClass: StorageClass;
}

/**
 * The API group, resource plural and scope of one storage kind.
 *
 * @example
 * ```ts
 * const info: StorageKindInfo = STORAGE_KINDS.PersistentVolumeClaim; // { group: "", resource: "persistentvolumeclaims", namespaced: true }
 * ```
 */
export interface StorageKindInfo {
  group: string;
  resource: string;
  namespaced: boolean;
}

/**
 * Group, resource plural (as 403 messages name it) and scope of each storage kind.
 *
 * @example
 * ```ts
 * STORAGE_KINDS.StorageClass.resource; // "storageclasses"
 * ```
 */
export const STORAGE_KINDS: Readonly<Record<StorageKind, StorageKindInfo>> = {
  PersistentVolume: { group: "", resource: "persistentvolumes", namespaced: false },
  PersistentVolumeClaim: { group: "", resource: "persistentvolumeclaims", namespaced: true },
  StorageClass: { group: "storage.k8s.io", resource: "storageclasses", namespaced: false },
};

/**
 * Which storage kind a request's `kind` names (`undefined` for anything else, e.g. a Pod or a
 * `storage.k8s.io/v1beta1` class with a different group).
 *
 * @example
 * ```ts
 * storageKindOf({ group: "storage.k8s.io", version: "v1", kind: "StorageClass" }); // "StorageClass"
 * storageKindOf({ group: "", version: "v1", kind: "Pod" });                        // undefined
 * ```
 */
export function storageKindOf(gvk: GroupVersionKind): StorageKind | undefined {
  if (gvk.group === "" && gvk.kind === "PersistentVolume") return "PersistentVolume";
  if (gvk.group === "" && gvk.kind === "PersistentVolumeClaim") return "PersistentVolumeClaim";
  if (gvk.group === "storage.k8s.io" && gvk.kind === "StorageClass") return "StorageClass";
  return undefined;
}

/**
 * A readable object, or the reason it is not one.
 *
 * @example
 * ```ts
 * const r: DecodeResult<"StorageClass"> = decodeStorageObject("StorageClass", raw);
 * if (!r.ok) console.log(r.message);
 * ```
 */
export type DecodeResult<K extends StorageKind> = { ok: true; value: StorageObjectOf[K] } | { ok: false; message: string };

/**
 * Accept raw request JSON as `kind` when it is a JSON object. Field shapes are the validation
 * layer's business (it reports wrong types as field errors, so users get a 422 with a path
 * rather than a decoding error); only a non-object is refused here.
 *
 * @example
 * ```ts
 * decodeStorageObject("PersistentVolume", [1]); // { ok: false, message: "decoding PersistentVolume: expected a JSON object, got an array" }
 * ```
 */
export function decodeStorageObject<K extends StorageKind>(kind: K, raw: unknown): DecodeResult<K> {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    const got = raw === null ? "null" : Array.isArray(raw) ? "an array" : typeof raw;
    return { ok: false, message: `decoding ${kind}: expected a JSON object, got ${got}` };
  }
  return { ok: true, value: raw as StorageObjectOf[K] };
}

/**
 * Apply the API server's defaults that validation depends on (a fixture written by hand, or by a
 * tool that does not default, would otherwise fail with `volumeBindingMode: Required value`):
 * PV reclaim policy `Retain`, PV/PVC volume mode `Filesystem`, class reclaim policy `Delete` and
 * binding mode `Immediate`. Returns a new object.
 *
 * @example
 * ```ts
 * applyStorageDefaults("StorageClass", { metadata: { name: "x" }, provisioner: "p" }).volumeBindingMode; // "Immediate"
 * ```
 */
export function applyStorageDefaults<K extends StorageKind>(kind: K, obj: StorageObjectOf[K]): StorageObjectOf[K] {
  switch (kind) {
    case "PersistentVolume": {
      const pv = obj as PersistentVolume;
      const spec = { ...(pv.spec ?? {}) };
      if (spec.persistentVolumeReclaimPolicy === undefined || (spec.persistentVolumeReclaimPolicy as string) === "")
        spec.persistentVolumeReclaimPolicy = "Retain";
      if (spec.volumeMode === undefined || spec.volumeMode === null) spec.volumeMode = "Filesystem";
      return { ...pv, spec } as StorageObjectOf[K];
    }
    case "PersistentVolumeClaim": {
      const pvc = obj as PersistentVolumeClaim;
      const spec = { ...(pvc.spec ?? {}) };
      if (spec.volumeMode === undefined || spec.volumeMode === null) spec.volumeMode = "Filesystem";
      return { ...pvc, spec } as StorageObjectOf[K];
    }
    default: {
      const sc = { ...(obj as StorageClass) };
      if (sc.reclaimPolicy === undefined || sc.reclaimPolicy === null) sc.reclaimPolicy = "Delete";
      if (sc.volumeBindingMode === undefined || sc.volumeBindingMode === null) sc.volumeBindingMode = "Immediate";
      return sc as StorageObjectOf[K];
    }
  }
}
