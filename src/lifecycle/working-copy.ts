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
const open = new WeakMap<object, { version: number }>();

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
  const copy: Cluster = {
    volumes: new Map(cluster.volumes),
    claims: new Map(cluster.claims),
    classes: new Map(cluster.classes),
    pods: new Map(cluster.pods),
    nodes: new Map(cluster.nodes),
    operations: new Map(cluster.operations),
    revision: cluster.revision,
  };
  for (const m of mapsOf(copy)) open.set(m, { version: 0 });
  return copy;
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
  for (const m of mapsOf(cluster)) open.delete(m);
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
  const state = open.get(map);
  if (state === undefined) return undefined;
  state.version++;
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
  return open.get(map)?.version ?? 0;
}
