/**
 * `IsDelayBindingMode` (kubernetes/component-helpers storage/volume/pv_helpers.go).
 *
 * @module
 */
import { claimClass } from "../api/helpers/index.js";
import type { PersistentVolumeClaim, StorageClass } from "../api/index.js";

/**
 * Whether binding of the claim waits for a consumer: false for class-less claims and unknown
 * classes; the class's `volumeBindingMode == WaitForFirstConsumer` otherwise. A class without a
 * binding mode (impossible after API defaulting) is an error, returned as `error`.
 *
 * @example
 * ```ts
 * isDelayBindingMode(pvc, cluster.classes); // { delay: true } for a WaitForFirstConsumer class
 * ```
 */
export function isDelayBindingMode(
  claim: PersistentVolumeClaim,
  classes: ReadonlyMap<string, StorageClass>,
): { delay: boolean; error?: string } {
  const name = claimClass(claim);
  if (name === "") return { delay: false };
  const sc = classes.get(name);
  if (sc === undefined) return { delay: false };
  if (sc.volumeBindingMode === undefined || sc.volumeBindingMode === null) {
    return { delay: false, error: `VolumeBindingMode not set for StorageClass "${name}"` };
  }
  return { delay: sc.volumeBindingMode === "WaitForFirstConsumer" };
}
