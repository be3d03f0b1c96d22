/**
 * The PersistentVolumeClaimResize admission plugin: growing a claim's storage request is allowed
 * only for Bound claims whose (unchanged, non-empty) StorageClass exists and sets
 * `allowVolumeExpansion: true`.
 *
 * @module
 */
import { claimClass, claimRequest, type PersistentVolumeClaim, type StorageClass } from "../api/index.js";

/**
 * Kubernetes' text when the old claim is not Bound.
 *
 * @example
 * ```ts
 * checkClaimResize(next, pendingPrev, classes) === RESIZE_NOT_BOUND_MESSAGE; // true
 * ```
 */
export const RESIZE_NOT_BOUND_MESSAGE = "Only bound persistent volume claims can be expanded";
/**
 * Kubernetes' text when the class does not allow expansion (or the claim has no class).
 *
 * @example
 * ```ts
 * checkClaimResize(next, boundPrev, []) === RESIZE_NOT_ALLOWED_MESSAGE; // true (no class allows it)
 * ```
 */
export const RESIZE_NOT_ALLOWED_MESSAGE =
  "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize";

function requestOrUndefined(claim: PersistentVolumeClaim) {
  try {
    return claimRequest(claim);
  } catch {
    return undefined; // a malformed request is validation's business, not the resize plugin's
  }
}

/**
 * Check a claim update the way PersistentVolumeClaimResize does. Returns `undefined` when the
 * update is allowed (including every update that does not grow the request), else the 403 text.
 * Only the main resource is checked; the caller skips subresources.
 *
 * @example
 * ```ts
 * checkClaimResize(grown, oldUnbound, classes); // "Only bound persistent volume claims can be expanded"
 * checkClaimResize(grown, oldBound, [{ metadata: { name: "fast" }, provisioner: "x", allowVolumeExpansion: true }]); // undefined
 * ```
 */
export function checkClaimResize(
  next: PersistentVolumeClaim,
  prev: PersistentVolumeClaim,
  classes: readonly StorageClass[],
): string | undefined {
  const newSize = requestOrUndefined(next);
  const oldSize = requestOrUndefined(prev);
  if (newSize === undefined || oldSize === undefined || newSize.cmp(oldSize) <= 0) return undefined;
  if (prev.status?.phase !== "Bound") return RESIZE_NOT_BOUND_MESSAGE;
  return allowResize(next, prev, classes) ? undefined : RESIZE_NOT_ALLOWED_MESSAGE;
}

function allowResize(next: PersistentVolumeClaim, prev: PersistentVolumeClaim, classes: readonly StorageClass[]): boolean {
  const name = claimClass(next);
  if (name === "" || name !== claimClass(prev)) return false;
  const sc = classes.find((c) => c?.metadata?.name === name);
  return sc?.allowVolumeExpansion === true;
}
