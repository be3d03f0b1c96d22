/**
 * `matchVolume`: Kubernetes' per-volume matching verdict for one (claim, volume) pair.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import { checkContext, evaluateVolume, type MatchOptions } from "./checks.js";
import { decodeVolume } from "./decoded-volume.js";
import { decodeSearchableClaim } from "./find-matching-volume.js";
import type { ReasonCode } from "./reason-code.js";

/**
 * The verdict of {@link matchVolume}: whether the volume is pre-bound to the claim (its
 * `claimRef` names it), and every check it fails in Kubernetes' order (empty: the volume is a
 * candidate for the claim).
 *
 * @example
 * ```ts
 * const m: VolumeMatch = { preBound: false, failed: ["too-small"] };
 * ```
 */
export interface VolumeMatch {
  readonly preBound: boolean;
  readonly failed: readonly ReasonCode[];
}

/**
 * Options of {@link matchVolume}: those of `findMatchingVolume` (`node`, `excluded`,
 * `delayBinding`), plus `path`: `"controller"` (default without a node) checks access modes as
 * the PV controller's access-mode groups do; `"scheduler"` (default with a node) as
 * `FindMatchingVolume` does with a node (containment, not for pre-bound volumes).
 *
 * @example
 * ```ts
 * const opts: MatchVolumeOptions = { path: "controller" };
 * ```
 */
export interface MatchVolumeOptions extends MatchOptions {
  readonly path?: "controller" | "scheduler";
}

/**
 * The per-volume checks of component-helpers' `FindMatchingVolume` for one pair, with the access
 * modes the volume must offer (every mode the claim requests): the rule "may this volume be bound
 * to this claim", written once in the matching layer and shared by every user of it. A volume
 * pre-bound to the claim skips phase, selector and class (as upstream); a pre-bound pair is
 * compatible when `failed` is empty.
 *
 * @throws {@link MatchingError} when the claim itself cannot be matched (malformed, invalid
 *   selector or request), as `findMatchingVolume` does.
 * @example
 * ```ts
 * const m = matchVolume(claim, pv);
 * if (m.failed.length === 0) console.log(`${pv.metadata.name} may bind ${claim.metadata.name}`);
 * ```
 */
export function matchVolume(claim: PersistentVolumeClaim, volume: PersistentVolume, opts: MatchVolumeOptions = {}): VolumeMatch {
  const c = decodeSearchableClaim(claim);
  const ctx = checkContext(opts);
  const path = opts.path ?? (ctx.hasNode ? "scheduler" : "controller");
  return evaluateVolume(decodeVolume(volume), c, ctx, path);
}
