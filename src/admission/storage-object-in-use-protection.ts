/**
 * The StorageObjectInUseProtection admission plugin: every new claim gets the
 * `kubernetes.io/pvc-protection` finalizer and every new volume `kubernetes.io/pv-protection`, so
 * a claim in use by a scheduled pod, or a Bound volume, is not removed under it.
 *
 * @module
 */
import { FinalizerPVCProtection, FinalizerPVProtection } from "../api/index.js";
import type { JsonPatchBuilder } from "./json-patch.js";

/**
 * The protection finalizer a new object of this kind gets, if any.
 *
 * @example
 * ```ts
 * protectionFinalizerFor("PersistentVolumeClaim"); // "kubernetes.io/pvc-protection"
 * protectionFinalizerFor("StorageClass");          // undefined
 * ```
 */
export function protectionFinalizerFor(kind: string): string | undefined {
  if (kind === "PersistentVolumeClaim") return FinalizerPVCProtection;
  if (kind === "PersistentVolume") return FinalizerPVProtection;
  return undefined;
}

/**
 * Add to `patch` what makes `finalizer` present on the object as received: nothing when it is
 * already there, an append when `metadata.finalizers` is a list, otherwise a new list (and a
 * new `metadata` when even that is missing). Returns whether an operation was added.
 *
 * @example
 * ```ts
 * addFinalizerPatch(b, { metadata: { finalizers: ["a"] } }, "kubernetes.io/pv-protection");
 * // add /metadata/finalizers/- "kubernetes.io/pv-protection"
 * ```
 */
export function addFinalizerPatch(patch: JsonPatchBuilder, original: unknown, finalizer: string): boolean {
  const metadata = (original as { metadata?: unknown } | null)?.metadata;
  if (!metadata || typeof metadata !== "object" || Array.isArray(metadata)) {
    patch.add(["metadata"], { finalizers: [finalizer] });
    return true;
  }
  const finalizers = (metadata as { finalizers?: unknown }).finalizers;
  if (Array.isArray(finalizers)) {
    if (finalizers.includes(finalizer)) return false;
    patch.add(["metadata", "finalizers", "-"], finalizer);
    return true;
  }
  patch.add(["metadata", "finalizers"], [finalizer]);
  return true;
}
