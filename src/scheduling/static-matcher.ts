/**
 * How the VolumeBinding Filter finds a static volume for one unbound WaitForFirstConsumer claim on
 * one node: component-helpers' `FindMatchingVolume` over the volumes of the claim's class
 * (the scheduler's `ListPVs(class)`), with the node and the volumes already chosen for the pod's
 * other claims excluded.
 *
 * @module
 */
import { claimClass, volumeClass } from "../api/helpers/index.js";
import type { Node, PersistentVolume, PersistentVolumeClaim } from "../api/index.js";
import type { Cluster } from "../lifecycle/index.js";
import { findMatchingVolume } from "../matching/index.js";

/**
 * A static matcher: `FindMatchingVolume(claim, ListPVs(class(claim)), node, excluded,
 * delayBinding=true)`. Implementations must give the same answers (the linear one is the
 * reference; `filterNodes` uses an indexed one).
 *
 * @example
 * ```ts
 * const pv = matcher.match(pvc, node, new Set(["pv-taken"]));
 * ```
 */
export interface StaticMatcher {
  /** @throws MatchingError when the claim cannot be searched for (invalid selector, …). */
  match(claim: PersistentVolumeClaim, node: Node, excluded: ReadonlySet<string>): PersistentVolume | undefined;
  /**
   * Optional: the claims the pod will match (all of them, in order), before any `match`.
   *
   * @throws MatchingError when a claim cannot be searched for.
   */
  prepare?(claims: readonly PersistentVolumeClaim[]): void;
}

/**
 * The volumes of a snapshot grouped by class (`volumeClass`: beta annotation first), each in the
 * snapshot's order; entries that are not objects are dropped.
 *
 * @example
 * ```ts
 * volumesByClass(cluster).get("local-storage")?.length;
 * ```
 */
export function volumesByClass(cluster: Cluster): Map<string, PersistentVolume[]> {
  const m = new Map<string, PersistentVolume[]>();
  for (const pv of cluster.volumes.values()) {
    if (typeof pv !== "object" || pv === null) continue;
    const cls = volumeClass(pv);
    let list = m.get(cls);
    if (list === undefined) m.set(cls, (list = []));
    list.push(pv);
  }
  return m;
}

/**
 * The reference matcher: `findMatchingVolume` (one linear pass) over the class's volumes, per
 * query — what calling `findPodVolumes` node by node does.
 *
 * @example
 * ```ts
 * const m = new LinearStaticMatcher(cluster);
 * m.match(pvc, node, new Set());
 * ```
 */
export class LinearStaticMatcher implements StaticMatcher {
  private byClass: Map<string, PersistentVolume[]> | undefined;

  constructor(private readonly cluster: Cluster) {}

  match(claim: PersistentVolumeClaim, node: Node, excluded: ReadonlySet<string>): PersistentVolume | undefined {
    this.byClass ??= volumesByClass(this.cluster);
    const volumes = this.byClass.get(claimClass(claim)) ?? [];
    return findMatchingVolume(claim, volumes, { node, excluded, delayBinding: true });
  }
}
