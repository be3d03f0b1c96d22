/**
 * The volume as the PV controller's `bind()` leaves it.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import { getBindVolumeToClaim } from "../lifecycle/index.js";

/**
 * The volume bound to the claim: `claimRef` pointing at the claim (with its uid) and phase
 * `Bound`, as the lifecycle's `bind()` writes it. A new object; the input is not changed.
 *
 * @internal
 * @example
 * ```ts
 * index.upsert(boundCopy(pv, claim)); // pv leaves the pool of unbound volumes
 * ```
 */
export function boundCopy(volume: PersistentVolume, claim: PersistentVolumeClaim): PersistentVolume {
  const next = getBindVolumeToClaim(volume, claim).volume;
  return { ...next, status: { ...next.status, phase: "Bound" } };
}
