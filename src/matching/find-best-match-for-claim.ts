/**
 * The PV controller's `findBestMatchForClaim` (`index.go`).
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import { groupByAccessModes, matchingGroupKeys } from "./access-mode-groups.js";
import { checkContext } from "./checks.js";
import type { DecodedClaim } from "./decoded-claim.js";
import type { DecodedVolume } from "./decoded-volume.js";
import { decodeSearchableClaim, decodeUniqueVolumes, findMatchingDecoded } from "./find-matching-volume.js";

/**
 * `findBestMatchForClaim` over pre-grouped decoded volumes (the reference the VolumeIndex must
 * agree with): for each group whose modes contain the requested ones, fewest modes first (ties:
 * ascending key), run `findMatchingDecoded` with no node and no exclusions; the first group with a
 * match wins.
 *
 * @param groups - decoded volumes keyed by canonical access-mode key (see `groupByAccessModes`);
 *   names must be unique across groups.
 *
 * @example
 * ```ts
 * const v = findBestMatchDecoded(decodeClaim(pvc), groupByAccessModes(pool.map(decodeVolume)), false);
 * ```
 */
export function findBestMatchDecoded(
  c: DecodedClaim,
  groups: ReadonlyMap<string, Iterable<DecodedVolume>>,
  delayBinding: boolean,
): DecodedVolume | undefined {
  const ctx = checkContext({ delayBinding });
  for (const key of matchingGroupKeys(groups.keys(), c.accessModes)) {
    const found = findMatchingDecoded(c, groups.get(key) ?? [], ctx);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The PV controller's search for an unbound claim without `spec.volumeName`: the volumes are split
 * into access-mode groups (by canonical key); only groups offering every requested mode are
 * searched, fewest modes first; in each, `FindMatchingVolume` runs with no node; the **first group
 * with any match wins** — a tighter group beats a smaller volume in a looser group (a 1Gi `RWO`
 * claim takes a 100Gi `RWO` volume over a 2Gi `RWO,ROX` one). A volume pre-bound to the claim is
 * found only in a searched group, and only if no earlier group matched.
 *
 * Determinism (Kubernetes iterates maps): groups with the same number of modes are tried in
 * ascending key order (`"RWO,ROX"` before `"RWO,RWX"`); inside a group equal capacities go to the
 * smaller name, and among volumes pre-bound to the claim the smallest name decides; volumes with
 * the same name: the last one wins (store semantics). The answer never depends on input order.
 *
 * @param claim - the PersistentVolumeClaim.
 * @param volumes - the pool; malformed volumes are skipped, never thrown on.
 * @param opts - `delayBinding`: the claim's class is WaitForFirstConsumer (only pre-bound volumes
 *   are returned). Default `false`.
 * @returns the volume to bind (the object from `volumes`), or `undefined`.
 * @throws {@link MatchingError} when the claim itself is unusable.
 *
 * @example
 * ```ts
 * const pv = findBestMatchForClaim(claim, volumes, { delayBinding: false });
 * if (pv) console.log(`bind ${claim.metadata.name} to ${pv.metadata.name}`);
 * ```
 */
export function findBestMatchForClaim(
  claim: PersistentVolumeClaim,
  volumes: Iterable<PersistentVolume>,
  opts?: { delayBinding?: boolean },
): PersistentVolume | undefined {
  const c = decodeSearchableClaim(claim);
  const groups = groupByAccessModes(decodeUniqueVolumes(volumes));
  return findBestMatchDecoded(c, groups, opts?.delayBinding === true)?.pv;
}
