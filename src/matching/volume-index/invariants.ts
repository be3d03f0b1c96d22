/**
 * The `VolumeIndex`'s consistency checks (O(n), for tests).
 *
 * @module
 */
import type { PersistentVolume } from "../../api/index.js";
import type { Bucket, GroupTable } from "./bucket.js";
import type { NameGroups, NameTable } from "./name-table.js";
import { F_CLAIMED, F_MATCHABLE, type VolumeStore } from "./volume-store.js";

/**
 * What {@link checkIndexInvariants} inspects: the index's structures, and `refile`, which files a
 * volume object into a fresh slot (as `upsert` would) and returns that slot.
 *
 * @example
 * ```ts
 * checkIndexInvariants({ store, names, claimed, groups, buckets, counts, refile });
 * ```
 */
export interface IndexParts {
  readonly store: VolumeStore;
  readonly names: NameTable;
  readonly claimed: NameGroups;
  readonly groups: GroupTable;
  readonly buckets: ReadonlyMap<number, Bucket>;
  readonly counts: readonly number[];
  refile(pv: PersistentVolume): number;
}

/**
 * Every structure against the volumes: each slot filed as a fresh decode of its object files it,
 * found by its name, in its bucket's lists (sorted, complete, nothing stale), in the claim groups
 * when claimed; bucket and group bookkeeping in step. Returns the problems found.
 *
 * @example
 * ```ts
 * checkIndexInvariants(parts); // [] when healthy
 * ```
 */
export function checkIndexInvariants(p: IndexParts): string[] {
  const { store } = p;
  const problems: string[] = [];
  const live = [...store.slots()];
  if (live.length !== p.names.size) problems.push(`${live.length} live slots, ${p.names.size} names`);
  const fields = ["sigOf", "capIdOf", "labelIdOf", "affinityIdOf", "flagsOf"] as const;
  for (const slot of live) {
    const name = store.names[slot]!;
    if (p.names.get(name) !== slot) problems.push(`${name} not found by name`);
    const fresh = p.refile(store.pvs[slot]!);
    for (const f of fields) if (store[f](fresh) !== store[f](slot)) problems.push(`${name} is filed with a stale ${f.slice(0, -2)}`);
    if (!Object.is(store.capKeyOf(fresh), store.capKeyOf(slot))) problems.push(`${name} is filed with a stale capacity`);
    for (const f of ["refNamespace", "refName", "refUid"] as const)
      if (store[f][fresh] !== store[f][slot]) problems.push(`${name} is filed with a stale ${f}`);
    store.release(fresh);
    const flags = store.flagsOf(slot);
    if ((flags & F_CLAIMED) !== 0 && ![...p.claimed.slots(store.refName[slot]!)].includes(slot))
      problems.push(`${name} missing from the claim groups`);
    const b = p.buckets.get(store.sigOf(slot));
    if ((flags & F_MATCHABLE) !== 0 && (b === undefined || ![...b.all].includes(slot))) problems.push(`${name} missing from its bucket`);
  }
  let inBuckets = 0;
  for (const [sig, b] of p.buckets) {
    problems.push(...b.all.checkInvariants(), ...b.unpinnedSlots().checkInvariants());
    if (b.all.size === 0) problems.push(`empty bucket ${sig}`);
    inBuckets += b.all.size;
    for (const s of b.all)
      if ((store.flagsOf(s) & F_MATCHABLE) === 0 || store.sigOf(s) !== sig) problems.push(`stale slot ${store.names[s]} in bucket ${sig}`);
    const g = p.groups.get(b.signature.cls, b.signature.volumeMode, b.signature.vac);
    if (g?.buckets.get(sig) !== b) problems.push(`bucket ${sig} missing from its group`);
    let pinned = 0;
    for (const byValue of b.pins.values())
      for (const list of byValue.values()) {
        problems.push(...list.checkInvariants());
        pinned += list.size;
      }
    let expected = 0;
    let unpinned = 0;
    const labels = new Map<number, number>();
    for (const s of b.all) {
      const pin = store.affinities[store.affinityIdOf(s)]?.pin;
      if (pin !== undefined) expected += pin.values.length;
      else unpinned++;
      labels.set(store.labelIdOf(s), (labels.get(store.labelIdOf(s)) ?? 0) + 1);
    }
    if (pinned !== expected) problems.push(`pins hold ${pinned}, expected ${expected}`);
    if (b.unpinnedSlots().size !== unpinned) problems.push(`unpinned list holds ${b.unpinnedSlots().size}, expected ${unpinned}`);
    if (labels.size !== b.labelCounts.size || [...labels].some(([l, n]) => b.labelCounts.get(l) !== n))
      problems.push(`label counts of bucket ${sig} drifted`);
  }
  const matchable = live.filter((s) => (store.flagsOf(s) & F_MATCHABLE) !== 0).length;
  if (matchable !== inBuckets) problems.push(`${matchable} matchable slots, buckets hold ${inBuckets}`);
  if (p.counts[0] !== matchable) problems.push(`stats counters drifted: matchable ${p.counts[0]} vs ${matchable}`);
  const claimed = live.filter((s) => (store.flagsOf(s) & F_CLAIMED) !== 0).length;
  if (p.claimed.size !== claimed) problems.push(`claim groups hold ${p.claimed.size}, ${claimed} slots are claimed`);
  return problems;
}
