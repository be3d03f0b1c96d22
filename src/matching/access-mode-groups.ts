/**
 * The PV controller's access-mode groups (`persistentVolumeOrderedIndex`, index `accessmodes`).
 *
 * @module
 */
import { modeBitsOf, modeBitsOfKey, modeCount } from "./access-mode-bits.js";
import type { DecodedVolume } from "./decoded-volume.js";

/**
 * Orders access-mode group keys as kubevol searches them: fewer modes first (Kubernetes), then —
 * where Kubernetes' order is unspecified (map iteration, unstable sort) — ascending canonical key
 * string (`"RWO,ROX"` < `"RWO,RWX"`).
 *
 * @example
 * ```ts
 * ["RWO,ROX", "RWX", "RWO"].sort(compareGroupKeys); // ["RWO", "RWX", "RWO,ROX"]
 * ```
 */
export function compareGroupKeys(a: string, b: string): number {
  const d = modeCount(modeBitsOfKey(a)) - modeCount(modeBitsOfKey(b));
  if (d !== 0) return d;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `allPossibleMatchingAccessModes`: of the group keys present, those whose modes contain every
 * requested mode, in search order ({@link compareGroupKeys}). Requesting no modes keeps every group.
 *
 * @example
 * ```ts
 * matchingGroupKeys(["RWO", "RWO,ROX", "RWO,ROX,RWX", "RWX"], ["ReadOnlyMany"]); // ["RWO,ROX", "RWO,ROX,RWX"]
 * ```
 */
export function matchingGroupKeys(keys: Iterable<string>, requested: readonly string[]): string[] {
  // Bits instead of mode lists (this runs for every explained claim): a key holds only the four
  // known modes, so a request naming any other mode is contained in no group.
  const wanted = Array.isArray(requested) ? modeBitsOf(requested) : { bits: 0, unknown: false };
  const kept: string[] = [];
  if (wanted.unknown) return kept;
  for (const k of keys) if ((modeBitsOfKey(k) & wanted.bits) === wanted.bits) kept.push(k);
  return kept.sort(compareGroupKeys);
}

/**
 * Groups decoded volumes by their canonical access-mode key (`listByAccessModes`). Every volume is
 * in exactly one group; a volume without (known) modes is in group `""`.
 *
 * @example
 * ```ts
 * groupByAccessModes(pool.map(decodeVolume)).get("RWO")?.length;
 * ```
 */
export function groupByAccessModes(volumes: Iterable<DecodedVolume>): Map<string, DecodedVolume[]> {
  const groups = new Map<string, DecodedVolume[]>();
  for (const v of volumes) {
    const g = groups.get(v.modesKey);
    if (g) g.push(v);
    else groups.set(v.modesKey, [v]);
  }
  return groups;
}
