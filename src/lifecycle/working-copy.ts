/**
 * Working copies: the private, mutable snapshots a driver such as {@link reconcile} runs its
 * steps on, so a write costs O(1) instead of a copy of the whole collection.
 *
 * Snapshots are immutable for everybody else. A driver that runs many steps and hands none of
 * the intermediate snapshots out copies the maps of its input once ({@link openWorkingCopy});
 * while open, {@link putObject} and {@link withOperations} change those maps in place (each
 * change bumps the map's version), and {@link closeWorkingCopy} makes them ordinary immutable
 * maps again before the driver returns. The input snapshot is never touched.
 *
 * @module
 */
import type { Cluster } from "./cluster.js";

/** Maps of open working copies → how many in-place changes they have had. */
/**
 * A map of a working copy: it knows whether its run is still open (then the run's steps change it
 * in place) and how often it was changed. The state lives on the map the run owns, not in a
 * module-level table.
 */
class WorkingMap<K, V> extends Map<K, V> {
  open = true;
  version = 0;
}

function mapsOf(c: Cluster): object[] {
  return [c.volumes, c.claims, c.classes, c.pods, c.nodes, c.operations];
}

/**
 * A copy of `cluster` whose maps later writes change in place (until closed).
 *
 * @example
 * ```ts
 * const work = openWorkingCopy(cluster);
 * try { ...run steps on work... } finally { closeWorkingCopy(work); }
 * ```
 */
export function openWorkingCopy(cluster: Cluster): Cluster {
  return {
    ...cluster,
    volumes: new WorkingMap(cluster.volumes),
    claims: new WorkingMap(cluster.claims),
    classes: new WorkingMap(cluster.classes),
    pods: new WorkingMap(cluster.pods),
    nodes: new WorkingMap(cluster.nodes),
    operations: new WorkingMap(cluster.operations),
  };
}

/**
 * Ends in-place changes to the maps of `cluster` (a snapshot descended from an open working
 * copy); from now on they are immutable like every snapshot's.
 *
 * @example
 * ```ts
 * closeWorkingCopy(result.cluster);
 * ```
 */
export function closeWorkingCopy(cluster: Cluster): void {
  for (const m of mapsOf(cluster)) if (m instanceof WorkingMap) m.open = false;
}

/**
 * The mutable map when `map` belongs to an open working copy (its version is bumped: the caller
 * is about to change it), else undefined.
 *
 * @example
 * ```ts
 * const inPlace = mutableMap(cluster.volumes); // undefined for an ordinary snapshot
 * ```
 */
export function mutableMap<K, V>(map: ReadonlyMap<K, V>): Map<K, V> | undefined {
  if (!(map instanceof WorkingMap) || !map.open) return undefined;
  map.version++;
  return map as Map<K, V>;
}

/**
 * How many in-place changes the map has had (0 for immutable maps, which never change).
 *
 * @example
 * ```ts
 * const v = mapVersion(cluster.volumes);
 * ```
 */
export function mapVersion(map: ReadonlyMap<unknown, unknown>): number {
  return map instanceof WorkingMap && map.open ? map.version : 0;
}
