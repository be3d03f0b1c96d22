/**
 * Name → slot lookups over typed arrays: the index's volume names and the claim names its
 * `claimRef`s point at. A `Map` of a million string keys costs ~0.5 s to fill on this class of
 * machine (entry objects, rehashing, the hash of every fresh string); an open-addressing table of
 * slot numbers sized once costs a tenth of that.
 *
 * @module
 */
import { sortByUint32 } from "./radix-sort.js";

/**
 * FNV-1a over the UTF-16 code units of a name.
 *
 * @example
 * ```ts
 * nameHash("pv-0000042") === nameHash("pv-0000042"); // true
 * ```
 */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A set of slots keyed by the name `keyOf(slot)` returns, unique per name: open addressing with
 * linear probing over one `Int32Array` of (slot + 1, hash) pairs — 0 empty, −1 deleted — so a
 * probe compares hashes in the same cache line and reads a name only on a hash match; grown by
 * doubling at 50% load (tombstones count) so probes stay short.
 *
 * @example
 * ```ts
 * const names = ["a", "b"];
 * const t = new NameTable((s) => names[s]!, 2);
 * t.set(0); t.set(1);
 * t.get("b"); // 1
 * ```
 */
export class NameTable {
  private cells: Int32Array;
  private mask: number;
  private used = 0;
  /** Number of names held. */
  size = 0;

  constructor(
    private readonly keyOf: (slot: number) => string,
    expected = 16,
  ) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.cells = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  /**
   * The slot holding `name`, or −1.
   *
   * @example
   * ```ts
   * t.get("missing"); // -1
   * ```
   */
  get(name: string): number {
    const cells = this.cells;
    const h = nameHash(name) | 0;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const e = cells[2 * i]!;
      if (e === 0) return -1;
      if (e > 0 && cells[2 * i + 1] === h && this.keyOf(e - 1) === name) return e - 1;
    }
  }

  /**
   * Files `slot` under its name, replacing the slot held for that name (returned, or −1).
   *
   * @example
   * ```ts
   * t.set(2); // -1: a new name
   * ```
   */
  set(slot: number): number {
    if ((this.used + 1) * 2 > this.mask + 1) this.grow();
    const name = this.keyOf(slot);
    const h = nameHash(name) | 0;
    return this.place(slot, name, h);
  }

  /** Files `slot` with hash `h`; `name` is its name, or `undefined` to read it only on a hash match (bulk builds: no random read of every name). */
  private place(slot: number, name: string | undefined, h: number): number {
    const cells = this.cells;
    let free = -1;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const e = cells[2 * i]!;
      if (e === 0) {
        if (free < 0) {
          free = i;
          this.used++;
        }
        cells[2 * free] = slot + 1;
        cells[2 * free + 1] = h;
        this.size++;
        return -1;
      }
      if (e < 0) {
        if (free < 0) free = i;
      } else if (cells[2 * i + 1] === h && this.keyOf(e - 1) === (name ?? this.keyOf(slot))) {
        cells[2 * i] = slot + 1;
        return e - 1;
      }
    }
  }

  /**
   * Files every slot of `slots` (in order: a later slot with a known name replaces the earlier),
   * inserting in table order so that the writes sweep the table once instead of landing at random.
   * A name that comes again stays filed under its first slot; the pairs `[first, later]` are
   * returned in input order, so the caller can move each later volume into its first slot.
   *
   * @example
   * ```ts
   * t.bulkSet(Int32Array.of(0, 1, 2)); // [] when the names are distinct
   * ```
   */
  bulkSet(slots: Int32Array): [number, number][] {
    if ((this.used + slots.length) * 2 > this.mask + 1) this.grow((this.used + slots.length) * 2);
    const hashes = new Int32Array(slots.length);
    const cellOf = new Uint32Array(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const h = nameHash(this.keyOf(slots[i]!)) | 0;
      hashes[i] = h;
      cellOf[i] = h & this.mask;
    }
    const order = new Int32Array(slots.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const replaced: [number, number][] = [];
    for (const i of sortByUint32(order, cellOf, 2)) {
      const slot = slots[i]!;
      const prev = this.place(slot, undefined, hashes[i]!);
      if (prev >= 0) {
        replaced.push([prev, slot]);
        this.place(prev, undefined, hashes[i]!);
      }
    }
    return replaced;
  }

  /**
   * Removes the entry of `name`; returns its slot, or −1.
   *
   * @example
   * ```ts
   * t.delete("a"); // 0
   * ```
   */
  delete(name: string): number {
    const cells = this.cells;
    const h = nameHash(name) | 0;
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const e = cells[2 * i]!;
      if (e === 0) return -1;
      if (e > 0 && cells[2 * i + 1] === h && this.keyOf(e - 1) === name) {
        cells[2 * i] = -1;
        this.size--;
        return e - 1;
      }
    }
  }

  private grow(minCapacity = 0): void {
    const old = this.cells;
    let cap = this.mask + 1;
    while (this.size * 4 >= cap || cap < minCapacity) cap *= 2;
    this.cells = new Int32Array(cap * 2);
    this.mask = cap - 1;
    this.used = 0;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) {
      const e = old[i]!;
      if (e > 0) this.place(e - 1, undefined, old[i + 1]!);
    }
  }
}

/** The filter's size: at least this many bits, and 4–8 bits per name held (a false "maybe" for ~6–12% of absent names). */
const FILTER_MIN_BITS = 1 << 12;
const FILTER_BITS_PER_NAME = 4;

/**
 * Slots grouped by a name that several may share (the claim a `claimRef` names): a hash table of
 * chain heads with one `next` link and the name's hash per slot, and a bit per hash value in a
 * small filter. Most queries ask for a claim no volume names, and the filter — a few bits per
 * name, small enough to stay in the CPU caches — answers them without touching the table (at a
 * million volumes each touch of the table is a cache and TLB miss). Removals leave their bits
 * set; the filter is rebuilt once they outnumber the names. `keyOf(slot)` must not change while
 * the slot is in.
 *
 * @example
 * ```ts
 * const refs = ["data", "data"];
 * const g = new NameGroups((s) => refs[s]!, 2);
 * g.add(0); g.add(1);
 * [...g.slots("data")]; // [1, 0]
 * ```
 */
export class NameGroups {
  private heads: Int32Array;
  private mask: number;
  private next: Int32Array;
  private hashes: Int32Array;
  /** One bit per value of the hash's low bits: set when some name with those bits was added. */
  private filter: Int32Array;
  private filterMask: number;
  /** Removals since the filter was built (their bits may be stale). */
  private stale = 0;
  /** Number of slots held. */
  size = 0;

  constructor(
    private readonly keyOf: (slot: number) => string,
    expectedSlots = 16,
  ) {
    let cap = 16;
    while (cap < expectedSlots * 2) cap *= 2;
    this.heads = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.next = new Int32Array(Math.max(16, expectedSlots)).fill(-1);
    this.hashes = new Int32Array(this.next.length);
    // Sized for every expected slot at once: growing it means a walk of the whole table.
    let bits = FILTER_MIN_BITS;
    while (bits < expectedSlots * FILTER_BITS_PER_NAME) bits *= 2;
    this.filter = new Int32Array(bits >>> 5);
    this.filterMask = bits - 1;
  }

  /**
   * Adds a slot under its name.
   *
   * @example
   * ```ts
   * g.add(3);
   * ```
   */
  add(slot: number): void {
    if (slot >= this.next.length) {
      const n = Math.max(slot + 1, this.next.length * 2);
      const grown = new Int32Array(n).fill(-1);
      grown.set(this.next);
      this.next = grown;
      const hashes = new Int32Array(n);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    if ((this.size + 1) * 2 > this.heads.length) this.rehash(this.heads.length * 2);
    const hash = nameHash(this.keyOf(slot)) | 0;
    const h = hash & this.mask;
    this.next[slot] = this.heads[h]!;
    this.hashes[slot] = hash;
    this.heads[h] = slot;
    this.size++;
    if (this.size * FILTER_BITS_PER_NAME > this.filterMask + 1) this.rebuildFilter();
    else this.mark(hash);
  }

  /**
   * Removes a slot (it must have been added).
   *
   * @example
   * ```ts
   * g.remove(3);
   * ```
   */
  remove(slot: number): void {
    const h = this.hashes[slot]! & this.mask;
    let prev = -1;
    for (let s = this.heads[h]!; s >= 0; prev = s, s = this.next[s]!) {
      if (s !== slot) continue;
      if (prev < 0) this.heads[h] = this.next[s]!;
      else this.next[prev] = this.next[s]!;
      this.next[s] = -1;
      this.size--;
      if (++this.stale > this.size + 1024) this.rebuildFilter();
      return;
    }
  }

  /**
   * The slots filed under `name`.
   *
   * @example
   * ```ts
   * for (const s of g.slots("data")) console.log(s);
   * ```
   */
  *slots(name: string): IterableIterator<number> {
    const hash = nameHash(name) | 0;
    for (let s = this.heads[hash & this.mask]!; s >= 0; s = this.next[s]!) if (this.hashes[s] === hash && this.keyOf(s) === name) yield s;
  }

  /**
   * Whether some slot is filed under `name` (no iterator: the common "none" answer is one probe
   * of the filter).
   *
   * @example
   * ```ts
   * g.has("data"); // true
   * ```
   */
  has(name: string): boolean {
    const hash = nameHash(name) | 0;
    const bit = hash & this.filterMask;
    if ((this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    for (let s = this.heads[hash & this.mask]!; s >= 0; s = this.next[s]!)
      if (this.hashes[s] === hash && this.keyOf(s) === name) return true;
    return false;
  }

  private mark(hash: number): void {
    const bit = hash & this.filterMask;
    this.filter[bit >>> 5]! |= 1 << (bit & 31);
  }

  /** A filter sized for the names held, with only their bits. */
  private rebuildFilter(): void {
    let bits = FILTER_MIN_BITS;
    while (bits < this.size * FILTER_BITS_PER_NAME * 2) bits *= 2;
    this.filter = new Int32Array(bits >>> 5);
    this.filterMask = bits - 1;
    this.stale = 0;
    for (let h = 0; h < this.heads.length; h++) for (let s = this.heads[h]!; s >= 0; s = this.next[s]!) this.mark(this.hashes[s]!);
  }

  private rehash(cap: number): void {
    const slots: number[] = [];
    for (let h = 0; h < this.heads.length; h++) for (let s = this.heads[h]!; s >= 0; s = this.next[s]!) slots.push(s);
    this.heads = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (const s of slots) {
      const h = this.hashes[s]! & this.mask;
      this.next[s] = this.heads[h]!;
      this.heads[h] = s;
    }
  }
}
