/**
 * The phase state machines of the PV controller (kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go), as data.
 *
 * @module
 */
import type { PersistentVolumeClaimPhase, PersistentVolumePhase } from "../api/index.js";

/**
 * One allowed phase change and what causes it. `from: null` is the creation of the object.
 *
 * @example
 * ```ts
 * const t: PhaseTransition<PersistentVolumePhase> = { from: "Available", to: "Bound", trigger: "bind()" };
 * ```
 */
export interface PhaseTransition<P extends string> {
  readonly from: P | null;
  readonly to: P;
  readonly trigger: string;
}

/**
 * Every PV phase change the API server and the PV controller make.
 *
 * @example
 * ```ts
 * pvPhaseTransitions.filter((t) => t.to === "Failed").map((t) => t.from); // ["Released"]
 * ```
 */
export const pvPhaseTransitions: readonly PhaseTransition<PersistentVolumePhase>[] = Object.freeze([
  { from: null, to: "Pending", trigger: "create: the API server resets the status to Pending" },
  { from: "Pending", to: "Available", trigger: "syncVolume: no claimRef, or claimRef without UID" },
  { from: "Pending", to: "Bound", trigger: "bind(): a provisioned or pre-bound volume is bound" },
  { from: "Pending", to: "Released", trigger: "syncVolume: the claimRef's claim is gone" },
  { from: "Available", to: "Bound", trigger: "bind()" },
  { from: "Available", to: "Released", trigger: "syncVolume: the claimRef (with UID) names a missing claim" },
  { from: "Bound", to: "Released", trigger: "claim deleted, re-created with another UID, or bound elsewhere (provisioned + Delete)" },
  { from: "Bound", to: "Available", trigger: "unbindVolume: the claim is bound to another volume; or claimRef / its UID removed" },
  { from: "Released", to: "Available", trigger: "Recycle succeeded; or an admin removed claimRef / its UID" },
  { from: "Released", to: "Failed", trigger: "delete or recycle failed; unknown reclaim policy" },
  { from: "Failed", to: "Available", trigger: "Recycle succeeded on retry; or an admin removed claimRef / its UID" },
  {
    from: "Released",
    to: "Bound",
    trigger: "bind(): an admin removed claimRef / its UID and a claim binds before syncVolume marks it Available",
  },
  {
    from: "Failed",
    to: "Bound",
    trigger: "bind(): an admin removed claimRef / its UID and a claim binds before syncVolume marks it Available",
  },
] as const);

/**
 * Every PVC phase change the API server and the PV controller make.
 *
 * @example
 * ```ts
 * canTransition("PersistentVolumeClaim", "Lost", "Bound"); // true
 * ```
 */
export const pvcPhaseTransitions: readonly PhaseTransition<PersistentVolumeClaimPhase>[] = Object.freeze([
  { from: null, to: "Pending", trigger: "create" },
  { from: "Pending", to: "Bound", trigger: "bind()" },
  { from: "Bound", to: "Lost", trigger: "volumeName cleared, volume gone, or volume bound to another UID (ClaimLost / ClaimMisbound)" },
  { from: "Pending", to: "Lost", trigger: "bind-completed set but status not yet Bound (partial bind) when the volume goes away" },
  { from: "Lost", to: "Bound", trigger: "a volume with that name reappears with no claimRef or this claim's UID" },
  { from: "Bound", to: "Pending", trigger: "status Bound without bind-completed and nothing matches" },
] as const);

/**
 * Whether the phase machine allows `from → to` (`from: null` = creation). Staying in the same
 * phase is always allowed.
 *
 * @example
 * ```ts
 * canTransition("PersistentVolume", "Released", "Available"); // true (recycled)
 * canTransition("PersistentVolumeClaim", "Lost", "Pending"); // false
 * ```
 */
export function canTransition(kind: "PersistentVolume" | "PersistentVolumeClaim", from: string | null | undefined, to: string): boolean {
  if (from === to) return true;
  const table: readonly PhaseTransition<string>[] = kind === "PersistentVolume" ? pvPhaseTransitions : pvcPhaseTransitions;
  const f = from === undefined ? null : from;
  return table.some((t) => t.from === f && t.to === to);
}
