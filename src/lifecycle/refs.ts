/**
 * Event object references. Internal.
 *
 * @module
 */
import type { StoredClaim, StoredVolume } from "./stored.js";
import type { EventObjectRef } from "./event.js";
import { nameOf, namespaceOf } from "./object-meta.js";

/**
 * Event reference to a claim.
 *
 * @example
 * ```ts
 * claimEventRef(pvc); // { kind: "PersistentVolumeClaim", namespace: "default", name: "data" }
 * ```
 */
export function claimEventRef(claim: StoredClaim): EventObjectRef {
  return { kind: "PersistentVolumeClaim", namespace: namespaceOf(claim), name: nameOf(claim) };
}

/**
 * Event reference to a volume.
 *
 * @example
 * ```ts
 * volumeEventRef(pv); // { kind: "PersistentVolume", name: "pv1" }
 * ```
 */
export function volumeEventRef(volume: StoredVolume): EventObjectRef {
  return { kind: "PersistentVolume", name: nameOf(volume) };
}
