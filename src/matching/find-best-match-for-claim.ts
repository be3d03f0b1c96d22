/**
 * The PV controller's `findBestMatchForClaim` (kubernetes/kubernetes
 * `pkg/controller/volume/persistentvolume/index.go`).
 *
 * @module
 */
import type { PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import { checkContext } from "./checks.js";
import { decodeSearchableClaim } from "./find-matching-volume.js";
import { LinearSource } from "./linear-source.js";
import { searchController } from "./search.js";

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
 * Cost: one pass over `volumes` without an allocation per volume (about the cost of Kubernetes'
 * own loop over its cache). For many claims over one pool, build a `VolumeIndex` once and ask it:
 * a query then costs microseconds instead of a pass.
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
 * if (pv) console.log(`bind ${claim.metadata?.name} to ${pv.metadata?.name}`);
 * ```
 */
export function findBestMatchForClaim<V extends PersistentVolume>(
  claim: PersistentVolumeClaim,
  volumes: Iterable<V>,
  opts?: { readonly delayBinding?: boolean },
): V | undefined {
  const c = decodeSearchableClaim(claim);
  const ctx = checkContext({ delayBinding: opts?.delayBinding === true });
  return searchController(c, ctx, new LinearSource(volumes, c, ctx, "controller"))?.pv as V | undefined;
}
