/**
 * Buckets: the matchable volumes (Available, no claimRef, not being deleted, well-formed) sharing a
 * signature — storage class, volume mode, VolumeAttributesClass and access modes, all a claim must
 * equal or contain — in capacity order, with node-pin lists for node queries; and the groups of
 * buckets a claim's class, volume mode and VolumeAttributesClass select.
 *
 * @module
 */
import { modeBitsOfKey } from "../access-mode-bits.js";
import { compareGroupKeys } from "../access-mode-groups.js";
import type { DecodedVolume } from "../decoded-volume.js";
import type { ListArenas } from "./block-arena.js";
import { SlotList } from "./slot-list.js";
import type { Signature, VolumeStore } from "./volume-store.js";

/**
 * One bucket:
 * - `all`: every slot, capacity order (PV-controller queries: no node).
 * - `unpinned`: the slots without a node pin; a node query walks these with the full affinity
 *   check. Kept only while the bucket holds pinned slots (otherwise it would equal `all`).
 * - `pins`: label key → label value → the slots pinned to nodes carrying that value (local
 *   volumes: `kubernetes.io/hostname` → node); a node query walks only its own values' lists.
 * - `labelCounts`: how many slots carry each label set, so a selector that matches no label set
 *   of the bucket skips it without a walk.
 *
 * @example
 * ```ts
 * const b = new Bucket(store, signature, listArenas());
 * b.add(slot);
 * ```
 */
export class Bucket {
  all: SlotList;
  private unpinned: SlotList | undefined = undefined;
  readonly pins = new Map<string, Map<string, SlotList>>();
  readonly labelCounts = new Map<number, number>();
  /** Number of pinned slots. */
  pinned = 0;
  /** What `accessModesFit` reads of the bucket's volumes (they all share it). */
  readonly modes: Pick<DecodedVolume, "modeBits" | "unknownModes" | "accessModes">;

  constructor(
    private readonly store: VolumeStore,
    readonly signature: Signature,
    /** Where the bucket's lists keep their blocks (shared by the index's buckets). */
    private readonly arena: ListArenas,
  ) {
    this.all = new SlotList(store, arena);
    this.modes = { modeBits: signature.modeBits, unknownModes: signature.unknownModes, accessModes: signature.accessModes };
  }

  private pinOf(slot: number) {
    return this.store.affinities[this.store.affinityIdOf(slot)]?.pin;
  }

  /**
   * Adds a slot to every list it belongs to. `bulk`: slots arrive in index order.
   *
   * @example
   * ```ts
   * bucket.add(slot, false);
   * ```
   */
  add(slot: number, bulk = false): void {
    put(this.all, slot, bulk);
    const pin = this.pinOf(slot);
    if (pin === undefined) {
      if (this.unpinned !== undefined) put(this.unpinned, slot, bulk);
    } else {
      if (this.pinned++ === 0) {
        // The first pinned slot: from now on the unpinned ones need their own list.
        this.unpinned = new SlotList(this.store, this.arena);
        for (const s of this.all) if (this.pinOf(s) === undefined) this.unpinned.append(s);
      }
      for (const v of pin.values) put(subList(this.store, this.arena, this.pins, pin.key, v), slot, bulk);
    }
    const l = this.store.labelIdOf(slot);
    this.labelCounts.set(l, (this.labelCounts.get(l) ?? 0) + 1);
  }

  /**
   * Fills an empty bucket with `slots`, which must be in index order: each list is cut into
   * blocks at once instead of slot by slot.
   *
   * @example
   * ```ts
   * bucket.addSorted(sortedSlots, nameKeys);
   * ```
   */
  addSorted(slots: ArrayLike<number> & Iterable<number>, nameKeys?: Float64Array): void {
    const store = this.store;
    this.all = SlotList.fromSorted(store, slots, this.arena, nameKeys);
    const counts = this.labelCounts;
    let last = -1;
    let run = 0;
    let pinnedSlots: number[] | undefined;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const l = store.labelIdOf(slot);
      // Consecutive slots often share a label set: count runs, not slots.
      if (l !== last) {
        if (run > 0) counts.set(last, (counts.get(last) ?? 0) + run);
        last = l;
        run = 0;
      }
      run++;
      if (store.affinityIdOf(slot) !== 0 && this.pinOf(slot) !== undefined) (pinnedSlots ??= []).push(slot);
    }
    if (run > 0) counts.set(last, (counts.get(last) ?? 0) + run);
    if (pinnedSlots === undefined) return;
    const unpinned: number[] = [];
    const byKey = new Map<string, Map<string, number[]>>();
    for (const slot of slots) {
      const pin = this.pinOf(slot);
      if (pin === undefined) {
        unpinned.push(slot);
        continue;
      }
      this.pinned++;
      let byValue = byKey.get(pin.key);
      if (byValue === undefined) byKey.set(pin.key, (byValue = new Map()));
      for (const v of pin.values) {
        const list = byValue.get(v);
        if (list === undefined) byValue.set(v, [slot]);
        else list.push(slot);
      }
    }
    this.unpinned = SlotList.fromSorted(store, unpinned, this.arena, nameKeys);
    for (const [key, byValue] of byKey) {
      const lists = new Map<string, SlotList>();
      for (const [v, list] of byValue) lists.set(v, SlotList.fromSorted(store, list, this.arena, nameKeys));
      this.pins.set(key, lists);
    }
  }

  /**
   * Removes a slot from every list (empty lists are dropped).
   *
   * @example
   * ```ts
   * bucket.remove(slot);
   * ```
   */
  remove(slot: number): void {
    this.all.remove(slot);
    const pin = this.pinOf(slot);
    if (pin === undefined) this.unpinned?.remove(slot);
    else {
      if (--this.pinned === 0) {
        // Nothing pinned any more: `all` serves unpinned walks again.
        this.unpinned?.clear();
        this.unpinned = undefined;
      }
      for (const v of pin.values) dropFrom(this.pins, pin.key, v, slot);
    }
    const l = this.store.labelIdOf(slot);
    const n = (this.labelCounts.get(l) ?? 0) - 1;
    if (n > 0) this.labelCounts.set(l, n);
    else this.labelCounts.delete(l);
  }

  /**
   * The slots without a node pin, capacity order (`all` while nothing is pinned).
   *
   * @example
   * ```ts
   * bucket.unpinnedSlots().size;
   * ```
   */
  unpinnedSlots(): SlotList {
    return this.unpinned ?? this.all;
  }
}

function put(list: SlotList, slot: number, bulk: boolean): void {
  if (bulk) list.append(slot);
  else list.insert(slot);
}

function subList(store: VolumeStore, arena: ListArenas, map: Map<string, Map<string, SlotList>>, key: string, value: string): SlotList {
  let byValue = map.get(key);
  if (byValue === undefined) map.set(key, (byValue = new Map()));
  let list = byValue.get(value);
  if (list === undefined) byValue.set(value, (list = new SlotList(store, arena)));
  return list;
}

function dropFrom(map: Map<string, Map<string, SlotList>>, key: string, value: string, slot: number): void {
  const byValue = map.get(key);
  const list = byValue?.get(value);
  if (byValue === undefined || list === undefined) return;
  list.remove(slot);
  if (list.size === 0) {
    byValue.delete(value);
    if (byValue.size === 0) map.delete(key);
  }
}

/**
 * The buckets of one (class, volume mode, VolumeAttributesClass), with the access-mode keys
 * present and the buckets of each key memoised until the set of buckets changes.
 *
 * @example
 * ```ts
 * group.bucketsOf("RWO"); // the buckets whose volumes are in access-mode group RWO
 * ```
 */
export class BucketGroup {
  readonly buckets = new Map<number, Bucket>();
  private byKey: Map<string, Bucket[]> | undefined;
  /** Search orders by requested mode bits (claims requesting only known modes). */
  private orders: (readonly string[] | undefined)[] = [];

  constructor(
    readonly cls: string,
    readonly volumeMode: string,
    readonly vac: string,
  ) {}

  /** The buckets by access-mode key (memoised). */
  private keyed(): Map<string, Bucket[]> {
    if (this.byKey === undefined) {
      this.byKey = new Map();
      for (const b of this.buckets.values()) {
        const list = this.byKey.get(b.signature.modesKey);
        if (list === undefined) this.byKey.set(b.signature.modesKey, [b]);
        else list.push(b);
      }
    }
    return this.byKey;
  }

  /**
   * The access-mode keys present.
   *
   * @example
   * ```ts
   * [...group.keys()]; // ["RWO", "RWO,ROX"]
   * ```
   */
  keys(): Iterable<string> {
    return this.keyed().keys();
  }

  /**
   * The buckets of one access-mode key.
   *
   * @example
   * ```ts
   * group.bucketsOf("RWX").length;
   * ```
   */
  bucketsOf(key: string): readonly Bucket[] {
    return this.keyed().get(key) ?? [];
  }

  /**
   * Forgets the memo (a bucket was added or removed).
   *
   * @example
   * ```ts
   * group.changed();
   * ```
   */
  changed(): void {
    this.byKey = undefined;
    this.orders = [];
  }

  /**
   * The keys present whose modes contain `requestedBits`, in the PV controller's search order
   * (fewest modes first, then ascending key); memoised until the set of buckets changes.
   *
   * @example
   * ```ts
   * group.searchOrder(1); // e.g. ["RWO", "RWO,ROX"] for a ReadWriteOnce claim
   * ```
   */
  searchOrder(requestedBits: number): readonly string[] {
    let order = this.orders[requestedBits];
    if (order === undefined) {
      order = [...this.keys()].filter((k) => (requestedBits & ~modeBitsOfKey(k)) === 0).sort(compareGroupKeys);
      this.orders[requestedBits] = order;
    }
    return order;
  }
}

/**
 * class → volume mode → VolumeAttributesClass → {@link BucketGroup}: three map lookups on a claim's
 * own strings, no key building per query.
 *
 * @example
 * ```ts
 * const table = new GroupTable();
 * table.getOrCreate("fast", "Filesystem", "").buckets.size; // 0
 * ```
 */
export class GroupTable {
  private readonly byClass = new Map<string, Map<string, Map<string, BucketGroup>>>();

  /**
   * The group of a (class, volume mode, VAC), if it exists.
   *
   * @example
   * ```ts
   * table.get(c.class, c.volumeMode, c.vac);
   * ```
   */
  get(cls: string, volumeMode: string, vac: string): BucketGroup | undefined {
    return this.byClass.get(cls)?.get(volumeMode)?.get(vac);
  }

  /**
   * The group of a (class, volume mode, VAC), created when missing.
   *
   * @example
   * ```ts
   * table.getOrCreate(s.cls, s.volumeMode, s.vac);
   * ```
   */
  getOrCreate(cls: string, volumeMode: string, vac: string): BucketGroup {
    let byMode = this.byClass.get(cls);
    if (byMode === undefined) this.byClass.set(cls, (byMode = new Map()));
    let byVac = byMode.get(volumeMode);
    if (byVac === undefined) byMode.set(volumeMode, (byVac = new Map()));
    let g = byVac.get(vac);
    if (g === undefined) byVac.set(vac, (g = new BucketGroup(cls, volumeMode, vac)));
    return g;
  }

  /**
   * Removes a group (when its last bucket is gone).
   *
   * @example
   * ```ts
   * if (group.buckets.size === 0) table.delete(group);
   * ```
   */
  delete(g: BucketGroup): void {
    const byMode = this.byClass.get(g.cls);
    const byVac = byMode?.get(g.volumeMode);
    if (byMode === undefined || byVac === undefined) return;
    byVac.delete(g.vac);
    if (byVac.size === 0) byMode.delete(g.volumeMode);
    if (byMode.size === 0) this.byClass.delete(g.cls);
  }

  /**
   * Every group.
   *
   * @example
   * ```ts
   * for (const g of table.groups()) console.log(g.cls, g.buckets.size);
   * ```
   */
  *groups(): IterableIterator<BucketGroup> {
    for (const byMode of this.byClass.values()) for (const byVac of byMode.values()) yield* byVac.values();
  }
}
