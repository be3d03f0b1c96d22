/**
 * The effective volume mode of a PV or PVC.
 *
 * @module
 */
import type { PersistentVolumeMode } from "../types/enums.js";

/**
 * The least an object needs for {@link volumeModeOf}.
 *
 * @example
 * ```ts
 * const o: VolumeModeSource = { spec: { volumeMode: "Block" } };
 * ```
 */
export interface VolumeModeSource {
  spec?: { volumeMode?: string | null } | null;
}

/**
 * The volume mode of a volume or claim: `spec.volumeMode` when set, else `Filesystem` (the API
 * default). A set value is returned as it is, even when it is not a known mode, so that comparing
 * two objects' modes behaves as Kubernetes' `CheckVolumeModeMismatches` does on unvalidated input.
 *
 * @param obj - a PersistentVolume or PersistentVolumeClaim
 * @returns `Filesystem`, `Block` (or the unvalidated string)
 * @example
 * ```ts
 * volumeModeOf({ spec: {} });                      // "Filesystem"
 * volumeModeOf({ spec: { volumeMode: "Block" } }); // "Block"
 * ```
 */
export function volumeModeOf(obj: VolumeModeSource): PersistentVolumeMode {
  const mode = obj?.spec?.volumeMode;
  return typeof mode === "string" ? (mode as PersistentVolumeMode) : "Filesystem";
}
