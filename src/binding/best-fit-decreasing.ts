/**
 * The `best-fit-decreasing` strategy.
 *
 * @module
 */
import type { FreePool } from "./free-pool.js";
import type { FreeClaim } from "./prepare.js";
import type { ProposedAssignment } from "./problem.js";

/**
 * Best fit decreasing: the largest requests first (exact comparison; equal requests in the PV
 * controller's claim order), each to the smallest free compatible volume in any access-mode group
 * (ties: smaller name); a class-less claim takes a class-less volume if one fits, else one of the
 * default class (as the PV controller retries it). Cost: O(c log c + c · t · log n) for c claims, n free volumes and t volume
 * types (class × mode × VolumeAttributesClass × access modes × labels) of the claim's partition.
 *
 * @internal
 * @example
 * ```ts
 * const pairs = bestFitDecreasing(freeClaims, new FreePool(freeVolumes, freeClaims.flatMap((c) => c.variants)));
 * ```
 */
export function bestFitDecreasing(claims: readonly FreeClaim[], pool: FreePool): ProposedAssignment[] {
  const order = claims.map((c, i) => ({ c, i }));
  order.sort((a, b) => b.c.decoded.request!.cmp(a.c.decoded.request!) || a.i - b.i);
  const out: ProposedAssignment[] = [];
  for (const { c } of order) {
    // As the PV controller: the claim as it is first; a class-less claim then with the default class.
    let v: ReturnType<FreePool["smallestFree"]>;
    for (const d of c.variants) if ((v = pool.smallestFree(d)) !== undefined) break;
    if (v === undefined) continue;
    pool.take(v.name);
    out.push({ claim: c.key, volume: v.name });
  }
  return out;
}
