/**
 * component-helpers' `FindMatchingVolume`, with a documented deterministic order.
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import type { CheckContext, MatchOptions } from "./checks.js";
import { checkContext, nodeAffinityFits, passesCommonChecks, passesUnboundChecks } from "./checks.js";
import type { DecodedClaim } from "./decoded-claim.js";
import { decodeClaim } from "./decoded-claim.js";
import type { DecodedVolume } from "./decoded-volume.js";
import { decodeVolume } from "./decoded-volume.js";
import { MatchingError } from "./matching-error.js";

/**
 * Whether candidate `a` beats the current best `b`: strictly smaller capacity, or equal capacity
 * (exact comparison) and a smaller name (UTF-16 code-unit order, i.e. byte order for the ASCII names
 * Kubernetes allows). Kubernetes keeps the first of equal capacities in map iteration order, which
 * is not deterministic; kubevol picks the smaller name.
 *
 * @example
 * ```ts
 * isBetterCandidate(decodeVolume(pvA1Gi), decodeVolume(pvB1Gi)); // true: "pv-a" < "pv-b"
 * ```
 */
export function isBetterCandidate(a: DecodedVolume, b: DecodedVolume): boolean {
  // Both passed the capacity check, so both capacities are defined.
  const c = a.capacity!.cmp(b.capacity!);
  return c < 0 || (c === 0 && a.name < b.name);
}

/**
 * `FindMatchingVolume` over decoded volumes: the reference linear scan the VolumeIndex must agree
 * with. Names are assumed unique (decode through {@link decodeUniqueVolumes} otherwise).
 *
 * Semantics (Kubernetes' order of checks): skip excluded names, volumes claimed by another claim,
 * too small, volume-mode mismatch, VolumeAttributesClass mismatch, being deleted. A volume whose
 * `claimRef` points at this claim (pre-bound) then decides the search: it is returned if it fits
 * the node (or there is no node), otherwise the result is `undefined` — other volumes are not
 * considered. Other volumes are skipped when there is no node and binding is delayed, when not
 * `Available`, when the claim's selector (if any) does not match, when the class differs, when
 * node affinity does not fit, and — with a node — when access modes are missing. The smallest
 * remaining capacity wins (strict `<`).
 *
 * Determinism: equal capacities → the smaller name; several volumes pre-bound to the claim → the
 * one with the smallest name decides (Kubernetes: the first in map order). The result never depends
 * on the order of `volumes`.
 *
 * @param c - the decoded claim; must have no `problems`.
 * @returns the chosen decoded volume, or `undefined`.
 *
 * @example
 * ```ts
 * const c = decodeClaim(pvc);
 * const v = findMatchingDecoded(c, pool.map(decodeVolume), checkContext({ node }));
 * ```
 */
export function findMatchingDecoded(c: DecodedClaim, volumes: Iterable<DecodedVolume>, ctx: CheckContext): DecodedVolume | undefined {
  let best: DecodedVolume | undefined;
  let preBound: DecodedVolume | undefined;
  for (const v of volumes) {
    if (!passesCommonChecks(v, c, ctx)) continue;
    // Passing claimed-by-other with a claimRef means the claimRef points at this claim.
    if (v.claimRef !== undefined) {
      if (preBound === undefined || v.name < preBound.name) preBound = v;
      continue;
    }
    if (!passesUnboundChecks(v, c, ctx)) continue;
    if (best === undefined || isBetterCandidate(v, best)) best = v;
  }
  // The pre-bound short-circuit: the claim is committed to this volume; a node it does not fit
  // yields no volume at all, even when another volume would fit.
  if (preBound !== undefined) return nodeAffinityFits(preBound, ctx) ? preBound : undefined;
  return best;
}

/**
 * Decodes volumes and keeps, per name, the last one — the semantics of Kubernetes' stores, which
 * are keyed by name (a later object with the same name replaces the earlier one).
 *
 * @example
 * ```ts
 * decodeUniqueVolumes([pvA, pvAv2]).length; // 1, and it is pvAv2
 * ```
 */
export function decodeUniqueVolumes(volumes: Iterable<PersistentVolume>): DecodedVolume[] {
  const byName = new Map<string, DecodedVolume>();
  for (const pv of volumes) {
    const d = decodeVolume(pv);
    byName.set(d.name, d);
  }
  return [...byName.values()];
}

/**
 * Decodes a claim and throws a {@link MatchingError} when it cannot be searched for.
 *
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
 *   (the scheduler's `unboundVolumesDelayBinding[class]`; pass the same to reproduce it). Node affinity and access modes are checked (access
 *   modes not for a pre-bound volume); a pre-bound volume that does not fit the node makes the
 *   result `undefined` at once.
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
export function findMatchingVolume(
  claim: PersistentVolumeClaim,
  volumes: Iterable<PersistentVolume>,
  opts?: MatchOptions,
): PersistentVolume | undefined {
  const c = decodeSearchableClaim(claim);
  return findMatchingDecoded(c, decodeUniqueVolumes(volumes), checkContext(opts))?.pv;
}
