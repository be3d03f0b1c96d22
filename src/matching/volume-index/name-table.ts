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

  private place(slot: number, name: string, h: number): number {
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
      } else if (cells[2 * i + 1] === h && this.keyOf(e - 1) === name) {
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
      const prev = this.place(slot, this.keyOf(slot), hashes[i]!);
      if (prev >= 0) {
        replaced.push([prev, slot]);
        this.place(prev, this.keyOf(prev), hashes[i]!);
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
      if (e > 0) this.place(e - 1, this.keyOf(e - 1), old[i + 1]!);
    }
  }
}

/**
 * Slots grouped by a name that several may share (the claim a `claimRef` names): a hash table of
 * chain heads with one `next` link per slot. `keyOf(slot)` must not change while the slot is in.
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
      const grown = new Int32Array(Math.max(slot + 1, this.next.length * 2)).fill(-1);
      grown.set(this.next);
      this.next = grown;
    }
    if ((this.size + 1) * 2 > this.heads.length) this.rehash(this.heads.length * 2);
    const h = nameHash(this.keyOf(slot)) & this.mask;
    this.next[slot] = this.heads[h]!;
    this.heads[h] = slot;
    this.size++;
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
    const h = nameHash(this.keyOf(slot)) & this.mask;
    let prev = -1;
    for (let s = this.heads[h]!; s >= 0; prev = s, s = this.next[s]!) {
      if (s !== slot) continue;
      if (prev < 0) this.heads[h] = this.next[s]!;
      else this.next[prev] = this.next[s]!;
      this.next[s] = -1;
      this.size--;
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
    for (let s = this.heads[nameHash(name) & this.mask]!; s >= 0; s = this.next[s]!) if (this.keyOf(s) === name) yield s;
  }

  /**
   * Whether some slot is filed under `name` (no iterator: the common "none" answer is one probe).
   *
   * @example
   * ```ts
   * g.has("data"); // true
   * ```
   */
  has(name: string): boolean {
    for (let s = this.heads[nameHash(name) & this.mask]!; s >= 0; s = this.next[s]!) if (this.keyOf(s) === name) return true;
    return false;
  }

  private rehash(cap: number): void {
    const slots: number[] = [];
    for (let h = 0; h < this.heads.length; h++) for (let s = this.heads[h]!; s >= 0; s = this.next[s]!) slots.push(s);
    this.heads = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.size = 0;
    for (const s of slots) {
      const h = nameHash(this.keyOf(s)) & this.mask;
      this.next[s] = this.heads[h]!;
      this.heads[h] = s;
      this.size++;
    }
  }
}
