/**
 * A bucket: the matchable volumes sharing everything a claim must equal exactly — storage class,
 * volume mode, VolumeAttributesClass and access modes — in capacity order, with the secondary
 * structures that keep selector and node queries from scanning.
 *
 * @module
 */
import type { BucketGroup } from "./bucket-group.js";
import { OrderedEntries } from "./ordered-entries.js";
import type { VolumeEntry } from "./volume-entry.js";

/**
 * One bucket of matchable volumes (Available, no claimRef, not being deleted, well-formed):
 *
 * - `all`: every volume of the bucket, capacity order (PV-controller queries: no node).
 * - `unpinned`: the volumes without a node pin (no node affinity, or one that is not a single
 *   term with an `In` expression); a node query walks these with the full affinity check. Kept
 *   only while the bucket holds pinned volumes: otherwise it would equal `all` (see
 *   {@link Bucket.unpinnedEntries}), and every update would pay for a second copy.
 * - `pins`: label key → label value → the volumes pinned to nodes carrying that label value
 *   (local volumes: `kubernetes.io/hostname` → node name); a node query walks only the trees
 *   of the node's own label values.
 * - `postings`: label key → label value → the volumes carrying that label, capacity order; a
 *   selector with an `=`, `in` or `exists` requirement walks the smallest of these instead of
 *   `all`.
 *
 * @example
 * ```ts
 * const b = new Bucket(groups.getOrCreate("fast", "Filesystem", ""), "RWO", ["ReadWriteOnce"]);
 * b.add(entry);
 * ```
 */
export class Bucket {
  readonly all = new OrderedEntries();
  private unpinned: OrderedEntries | undefined = undefined;
  readonly pins = new Map<string, Map<string, OrderedEntries>>();
  readonly postings = new Map<string, Map<string, OrderedEntries>>();
  /** Number of pinned entries (in `pins`). */
  pinned = 0;

  constructor(
    /** The group (class, volume mode, VAC) this bucket belongs to. */
    readonly group: BucketGroup,
    /** The canonical access-mode key (`"RWO,ROX"`): the PV controller's group. */
    readonly modesKey: string,
    /** The distinct access-mode strings of the volumes, as written (scheduler containment). */
    readonly modes: readonly string[],
  ) {}

  /**
   * Adds an entry to every structure it belongs to. `bulk`: entries arrive in index order.
   *
   * @example
   * ```ts
   * bucket.add(entry, false);
   * ```
   */
  add(e: VolumeEntry, bulk: boolean): void {
    put(this.all, e, bulk);
    if (e.pin === undefined) {
      if (this.unpinned !== undefined) put(this.unpinned, e, bulk);
    } else {
      if (this.pinned++ === 0) {
        // The first pinned volume: from now on the unpinned ones need their own list.
        this.unpinned = new OrderedEntries();
        for (const x of this.all) if (x.pin === undefined) this.unpinned.append(x);
      }
      for (const v of e.pin.values) put(subtree(this.pins, e.pin.key, v), e, bulk);
    }
    const labels = e.labels;
    if (labels !== undefined) {
      for (const k of Object.keys(labels)) {
        const v = labels[k];
        if (typeof v === "string") put(subtree(this.postings, k, v), e, bulk);
      }
    }
  }

  /**
   * Removes an entry from every structure (empty sub-structures are dropped).
   *
   * @example
   * ```ts
   * bucket.remove(entry);
   * ```
   */
  remove(e: VolumeEntry): void {
    this.all.remove(e);
    if (e.pin === undefined) this.unpinned?.remove(e);
    else {
      if (--this.pinned === 0) this.unpinned = undefined;
      for (const v of e.pin.values) drop(this.pins, e.pin.key, v, e);
    }
    const labels = e.labels;
    if (labels !== undefined) {
      for (const k of Object.keys(labels)) {
        const v = labels[k];
        if (typeof v === "string") drop(this.postings, k, v, e);
      }
    }
  }

  /**
   * The volumes without a node pin, in capacity order (`all` while nothing is pinned).
   *
   * @example
   * ```ts
   * bucket.unpinnedEntries().firstFrom(cap, request, exact, filter, undefined);
   * ```
   */
  unpinnedEntries(): OrderedEntries {
    return this.unpinned ?? this.all;
  }
}

function put(s: OrderedEntries, e: VolumeEntry, bulk: boolean): void {
  if (bulk) s.append(e);
  else s.insert(e);
}

function subtree(map: Map<string, Map<string, OrderedEntries>>, key: string, value: string): OrderedEntries {
  let byValue = map.get(key);
  if (byValue === undefined) {
    byValue = new Map();
    map.set(key, byValue);
  }
  let s = byValue.get(value);
  if (s === undefined) {
    s = new OrderedEntries();
    byValue.set(value, s);
  }
  return s;
}

function drop(map: Map<string, Map<string, OrderedEntries>>, key: string, value: string, e: VolumeEntry): void {
  const byValue = map.get(key);
  const s = byValue?.get(value);
  if (byValue === undefined || s === undefined) return;
  s.remove(e);
  if (s.size === 0) {
    byValue.delete(value);
    if (byValue.size === 0) map.delete(key);
  }
}
