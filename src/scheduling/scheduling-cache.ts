/**
 * `SchedulingCache`: what `filterNodes` and friends may keep between calls — only in an object the
 * caller creates, owns and drops.
 *
 * @module
 */
import type { PersistentVolume } from "../api/index.js";

/**
 * A cache the caller owns and passes as `opts.cache` to keep the per-snapshot work of the
 * scheduling functions between calls: the volumes grouped by class and, per claim, the candidate
 * volumes grouped by node affinity. Entries are keyed by the identity of the snapshot's `volumes`
 * map (snapshots are immutable: a snapshot with other volumes has another map) and of the claim
 * objects, held weakly, so dropping the snapshot frees them. A map still open for writes (the
 * lifecycle's working copy inside a reconcile step) is never cached. There is no module-level
 * state: without `opts.cache` every call starts from scratch.
 *
 * @example
 * ```ts
 * const cache = createSchedulingCache();
 * for (const pod of pendingPods) filterNodes(pod, cluster, { cache });
 * ```
 */
export class SchedulingCache {
  /** @internal per volumes map: class → volumes, and per-claim candidate structures. */
  readonly pools = new WeakMap<ReadonlyMap<string, PersistentVolume>, VolumePoolCache>();

  /** @internal the entry of a volumes map, or undefined when it must not be cached. */
  poolFor(volumes: ReadonlyMap<string, PersistentVolume>): VolumePoolCache | undefined {
    if ((volumes as { open?: unknown }).open === true) return undefined;
    let p = this.pools.get(volumes);
    if (p === undefined) {
      p = { byClass: undefined, candidates: new WeakMap() };
      this.pools.set(volumes, p);
    }
    return p;
  }
}

/**
 * @internal
 * @example
 * ```ts
 * const entry: VolumePoolCache = { byClass: undefined, candidates: new WeakMap() };
 * ```
 */
export interface VolumePoolCache {
  byClass: Map<string, PersistentVolume[]> | undefined;
  readonly candidates: WeakMap<object, unknown>;
}

/**
 * A new, empty {@link SchedulingCache}.
 *
 * @example
 * ```ts
 * filterNodes(pod, cluster, { cache: createSchedulingCache() });
 * ```
 */
export function createSchedulingCache(): SchedulingCache {
  return new SchedulingCache();
}
