/**
 * component-helpers' `FindMatchingVolume` (kubernetes/component-helpers
 * `storage/volume/pv_helpers.go`), with a documented deterministic order.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import type { MatchOptions } from "./checks.js";
import { checkContext } from "./checks.js";
import type { DecodedClaim } from "./decoded-claim.js";
import { decodeClaim } from "./decoded-claim.js";
import { LinearSource } from "./linear-source.js";
import { MatchingError } from "./matching-error.js";
import { searchScheduler } from "./search.js";

/**
 * Decodes a claim and throws a {@link MatchingError} when it cannot be searched for.
 *
 * @internal
 * @example
 * ```ts
 * const c = decodeSearchableClaim(pvc); // throws MatchingError for an invalid selector
 * ```
 */
export function decodeSearchableClaim(claim: PersistentVolumeClaim): DecodedClaim {
  const c = decodeClaim(claim);
  if (c.problems.length > 0) throw new MatchingError(c.problems);
  return c;
}

/**
 * Kubernetes' `FindMatchingVolume` (component-helpers `storage/volume`), exactly: the volume a
 * claim would be matched with, or `undefined`.
 *
 * - PV-controller path: no `node`, `excluded` empty, `delayBinding` = the claim's class is
 *   WaitForFirstConsumer (then only a volume pre-bound to the claim can be returned).
 * - Scheduler path: `node` = the candidate node, `excluded` = volumes already chosen for other
 *   claims of the pod, `delayBinding: true`, and `volumes` = the volumes of the claim's class only
 *   (the scheduler's `unboundVolumesDelayBinding[class]`; pass the same to reproduce it). Node
 *   affinity and access modes are checked (access modes not for a pre-bound volume); a pre-bound
 *   volume that does not fit the node makes the result `undefined` at once.
 *
 * Not checked for a volume pre-bound to the claim (`claimRef` naming it, uid empty or equal):
 * phase, selector, class and (scheduler) access modes. Checked: excluded, capacity, volume mode,
 * VolumeAttributesClass, deletion — a pre-bound volume failing those is skipped silently and
 * another volume may be chosen.
 *
 * Determinism (Kubernetes iterates a map): among equal capacities the smaller name wins; among
 * several volumes pre-bound to the claim the smallest name decides; volumes with the same name:
 * the last one in `volumes` replaces the earlier ones (store semantics). The answer never depends
 * on the order of `volumes`.
 *
 * Cost: one pass over `volumes`, reading each volume's fields in place (no allocation per volume;
 * each distinct capacity text is parsed once). For many queries over one pool, build a
 * `VolumeIndex` instead: it answers in microseconds.
 *
 * @param claim - the PersistentVolumeClaim.
 * @param volumes - the candidate volumes; malformed ones are skipped, never thrown on.
 * @param opts - `node`, `excluded`, `delayBinding` (default `false`).
 * @returns the matching volume (the object from `volumes`), or `undefined`.
 * @throws {@link MatchingError} when the claim itself is unusable (malformed, invalid selector,
 *   unparsable request) — Kubernetes returns an error for an invalid selector too.
 *
 * @example
 * ```ts
 * const pv = findMatchingVolume(claim, volumes, {
 *   node: { name: "node-1", labels: { "kubernetes.io/hostname": "node-1" } },
 *   excluded: new Set(["pv-already-taken"]),
 *   delayBinding: true,
 * });
 * ```
 */
export function findMatchingVolume<V extends PersistentVolume>(
  claim: PersistentVolumeClaim,
  volumes: Iterable<V>,
  opts?: MatchOptions,
): V | undefined {
  const c = decodeSearchableClaim(claim);
  const ctx = checkContext(opts);
  return searchScheduler(c, ctx, new LinearSource(volumes, c, ctx, "scheduler"))?.pv as V | undefined;
}
