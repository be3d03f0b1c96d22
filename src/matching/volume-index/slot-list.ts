/**
 * A sorted set of volume slots in index order (capacity ascending, exact; then name), stored as a
 * list of blocks of bounded size: O(log n) search, insert and delete that move at
 * most one block (≤ 128 slots) — never O(n) splices over a million entries. Each block keeps its
 * slots' capacity keys and label-set ids beside the slots, so a walk reads contiguous numbers and
 * touches the store only on a capacity tie.
 *
 * @module
 */
import type { Quantity } from "../../quantity/index.js";
import { F_EXACT, type VolumeStore } from "./volume-store.js";

/** A block splits above this many slots. */
const MAX_BLOCK = 128;
/** Bulk-built blocks are filled to this size, leaving room for inserts. */
const BUILD_BLOCK = 112;
/** A block below this size is merged into a neighbour when both fit one block. */
const MIN_BLOCK = 32;

/**
 * One block: parallel arrays of slots, capacity keys and label-set ids. Plain arrays of small
 * integers and doubles (V8 stores them unboxed and moves them with a native memmove on `splice`);
 * typed arrays would cost an external buffer each, which at thousands of small lists makes the
 * garbage collector run far more often.
 */
class Block {
  constructor(
    readonly slots: number[],
    readonly caps: number[],
    readonly labels: number[],
  ) {}

  get n(): number {
    return this.slots.length;
  }
}

/**
 * Decides whether a walked slot is a candidate, from its slot and label-set id (the checks the
 * structures do not encode).
 *
 * @example
 * ```ts
 * const labelled: SlotFilter = { accept: (_slot, label) => label !== 0 };
 * ```
 */
export interface SlotFilter {
  accept(slot: number, labelId: number): boolean;
  /** Set by `accept` when no later slot can be accepted either: the walk stops. */
  readonly stopped?: boolean;
}

/**
 * The index order of two slots: capacity (nearest double, then exact when a key is inexact),
 * then name (UTF-16 code units, as the search functions break ties).
 *
 * @example
 * ```ts
 * compareSlots(store, a, b) < 0; // a sorts first
 * ```
 */
export function compareSlots(store: VolumeStore, a: number, b: number): number {
  const ka = store.capKey[a]!;
  const kb = store.capKey[b]!;
  if (ka !== kb) return ka < kb ? -1 : 1;
  if ((store.flags[a]! & store.flags[b]! & F_EXACT) === 0) {
    const c = store.capacityOf(a).quantity.cmp(store.capacityOf(b).quantity);
    if (c !== 0) return c;
  }
  const na = store.names[a]!;
  const nb = store.names[b]!;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** A slot's capacity against a request: negative when the slot is smaller. */
function compareToRequest(store: VolumeStore, slot: number, key: number, request: Quantity): number {
  const k = store.capKey[slot]!;
  if (k !== key) return k < key ? -1 : 1;
  return store.capacityOf(slot).quantity.cmp(request);
}

/**
 * The sorted-block list of slots.
 *
 * @example
 * ```ts
 * const list = new SlotList(store);
 * list.insert(slot);
 * list.firstFrom(req.key, req.quantity, req.exact, undefined, -1); // smallest slot ≥ request
 * ```
 */
export class SlotList {
  private blocks: Block[] = [];
  /** The capacity key of each block's last slot (block search without touching blocks). */
  private lastCaps: number[] = [];
  /** Number of slots. */
  size = 0;
  /** Number of slots whose capacity key is not exactly their capacity (usually none). */
  private inexact = 0;

  constructor(private readonly store: VolumeStore) {}

  private exactSlot(slot: number): boolean {
    return (this.store.flags[slot]! & F_EXACT) !== 0;
  }

  /**
   * Appends a slot that is not smaller than every slot already present (bulk build).
   *
   * @example
   * ```ts
   * for (const s of sortedSlots) list.append(s);
   * ```
   */
  append(slot: number): void {
    let b = this.blocks[this.blocks.length - 1];
    if (b === undefined || b.n >= BUILD_BLOCK) {
      b = new Block([], [], []);
      this.blocks.push(b);
      this.lastCaps.push(0);
    }
    const k = this.store.capKey[slot]!;
    b.slots.push(slot);
    b.caps.push(k);
    b.labels.push(this.store.labelId[slot]!);
    this.lastCaps[this.blocks.length - 1] = k;
    this.size++;
    if (!this.exactSlot(slot)) this.inexact++;
  }

  /**
   * A list of `slots`, which must be in index order (bulk build: blocks cut from the array).
   *
   * @example
   * ```ts
   * SlotList.fromSorted(store, sortedSlots).size === sortedSlots.length; // true
   * ```
   */
  static fromSorted(store: VolumeStore, slots: ArrayLike<number>): SlotList {
    const list = new SlotList(store);
    const capKey = store.capKey;
    const labelId = store.labelId;
    for (let at = 0; at < slots.length; at += BUILD_BLOCK) {
      const end = Math.min(slots.length, at + BUILD_BLOCK);
      // Exactly sized arrays (no growth): what a bulk build allocates survives, so make it once.
      const ss = new Array<number>(end - at);
      const cs = new Array<number>(end - at);
      const ls = new Array<number>(end - at);
      for (let i = at; i < end; i++) {
        const slot = slots[i]!;
        ss[i - at] = slot;
        cs[i - at] = capKey[slot]!;
        ls[i - at] = labelId[slot]!;
        if (!list.exactSlot(slot)) list.inexact++;
      }
      list.blocks.push(new Block(ss, cs, ls));
      list.lastCaps.push(cs[cs.length - 1]!);
    }
    list.size = slots.length;
    return list;
  }

  /** Index of the block that holds (or would hold) `slot`: the first whose last slot is ≥ it. */
  private blockFor(slot: number): number {
    const caps = this.lastCaps;
    const cap = this.store.capKey[slot]!;
    let lo = 0;
    let hi = caps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const lc = caps[mid]!;
      if (lc < cap) lo = mid + 1;
      else if (lc > cap) hi = mid;
      else {
        const b = this.blocks[mid]!;
        if (compareSlots(this.store, b.slots[b.n - 1]!, slot) < 0) lo = mid + 1;
        else hi = mid;
      }
    }
    return lo;
  }

  /** Position of `slot` in block `b` (or where it would go): the first slot ≥ it. */
  private positionIn(b: Block, slot: number): number {
    const cap = this.store.capKey[slot]!;
    let lo = 0;
    let hi = b.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = b.caps[mid]!;
      if (c < cap || (c === cap && compareSlots(this.store, b.slots[mid]!, slot) < 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Inserts a slot at its place.
   *
   * @example
   * ```ts
   * list.insert(slot); list.size; // 1
   * ```
   */
  insert(slot: number): void {
    this.size++;
    if (!this.exactSlot(slot)) this.inexact++;
    const k = this.store.capKey[slot]!;
    const label = this.store.labelId[slot]!;
    if (this.blocks.length === 0) {
      this.blocks.push(new Block([slot], [k], [label]));
      this.lastCaps.push(k);
      return;
    }
    const bi = this.blockFor(slot);
    const b = this.blocks[bi]!;
    const at = this.positionIn(b, slot);
    b.slots.splice(at, 0, slot);
    b.caps.splice(at, 0, k);
    b.labels.splice(at, 0, label);
    if (b.n > MAX_BLOCK) {
      const half = b.n >>> 1;
      const upper = new Block(b.slots.splice(half), b.caps.splice(half), b.labels.splice(half));
      this.blocks.splice(bi + 1, 0, upper);
      this.lastCaps.splice(bi + 1, 0, upper.caps[upper.n - 1]!);
    }
    this.lastCaps[bi] = b.caps[b.n - 1]!;
  }

  /** Where this slot sits: found by its capacity key and identity (no name comparison in the common case). */
  private locate(slot: number): [number, number] {
    const cap = this.store.capKey[slot]!;
    const last = this.lastCaps;
    let lo = 0;
    let hi = last.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (last[mid]! < cap) lo = mid + 1;
      else hi = mid;
    }
    for (let bi = lo; bi < last.length; bi++) {
      const b = this.blocks[bi]!;
      let i = 0;
      if (bi === lo) {
        let h = b.n;
        while (i < h) {
          const mid = (i + h) >>> 1;
          if (b.caps[mid]! < cap) i = mid + 1;
          else h = mid;
        }
      }
      for (; i < b.n; i++) {
        if (b.caps[i] !== cap) return [-1, -1];
        if (b.slots[i] === slot) return [bi, i];
      }
    }
    return [-1, -1];
  }

  /**
   * Removes this slot; returns false when it is not present.
   *
   * @example
   * ```ts
   * list.remove(slot); // true
   * ```
   */
  remove(slot: number): boolean {
    if (this.blocks.length === 0) return false;
    const [bi, at] = this.locate(slot);
    if (bi < 0) return false;
    const b = this.blocks[bi]!;
    b.slots.splice(at, 1);
    b.caps.splice(at, 1);
    b.labels.splice(at, 1);
    this.size--;
    if (!this.exactSlot(slot)) this.inexact--;
    if (b.n === 0) {
      this.blocks.splice(bi, 1);
      this.lastCaps.splice(bi, 1);
    } else {
      this.lastCaps[bi] = b.caps[b.n - 1]!;
      if (b.n < MIN_BLOCK) this.mergeSmall(bi);
    }
    return true;
  }

  /** Merges a small block into its right (or left) neighbour when the two fit one block. */
  private mergeSmall(bi: number): void {
    const fits = (j: number) => this.blocks[j] !== undefined && this.blocks[bi]!.n + this.blocks[j]!.n <= BUILD_BLOCK;
    const into = fits(bi + 1) ? bi : fits(bi - 1) ? bi - 1 : -1;
    if (into < 0) return;
    const a = this.blocks[into]!;
    const b = this.blocks[into + 1]!;
    for (let i = 0; i < b.n; i++) {
      a.slots.push(b.slots[i]!);
      a.caps.push(b.caps[i]!);
      a.labels.push(b.labels[i]!);
    }
    this.blocks.splice(into + 1, 1);
    this.lastCaps.splice(into + 1, 1);
    this.lastCaps[into] = a.caps[a.n - 1]!;
  }

  /**
   * The first slot, in index order, whose capacity is ≥ the request and that `filter` accepts
   * (every slot without a filter), or −1 — also −1 as soon as the walk reaches `bound` (a slot not
   * smaller than the best candidate found elsewhere; −1 for none), so callers combining several
   * lists stop early. `exact`: `key` is exactly the request; then, if every slot's key is exact
   * too, equal keys are equal capacities and no slot is read during the search.
   *
   * @example
   * ```ts
   * list.firstFrom(req.key, req.quantity, req.exact, { accept: (s, l) => l === 3 }, -1);
   * ```
   */
  firstFrom(key: number, request: Quantity, exact: boolean, filter: SlotFilter | undefined, bound: number): number {
    const blocks = this.blocks;
    const nb = blocks.length;
    if (nb === 0) return -1;
    const store = this.store;
    const numeric = exact && this.inexact === 0;
    const last = this.lastCaps;
    let lo = 0;
    let hi = nb;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const lc = last[mid]!;
      if (lc < key) lo = mid + 1;
      else if (lc > key || numeric) hi = mid;
      else {
        const b = blocks[mid]!;
        if (compareToRequest(store, b.slots[b.n - 1]!, key, request) < 0) lo = mid + 1;
        else hi = mid;
      }
    }
    if (lo === nb) return -1;
    let bi = lo;
    let b = blocks[bi]!;
    lo = 0;
    hi = b.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = b.caps[mid]!;
      if (c < key || (c === key && !numeric && compareToRequest(store, b.slots[mid]!, key, request) < 0)) lo = mid + 1;
      else hi = mid;
    }
    const boundKey = bound >= 0 ? store.capKey[bound]! : Number.POSITIVE_INFINITY;
    let i = lo;
    for (;;) {
      const slots = b.slots;
      const caps = b.caps;
      const labels = b.labels;
      for (; i < b.n; i++) {
        const s = slots[i]!;
        if (bound >= 0 && caps[i]! >= boundKey && compareSlots(store, s, bound) >= 0) return -1;
        if (filter === undefined || filter.accept(s, labels[i]!)) return s;
        if (filter.stopped === true) return -1;
      }
      if (++bi === nb) return -1;
      b = blocks[bi]!;
      i = 0;
    }
  }

  /**
   * Every slot in index order.
   *
   * @example
   * ```ts
   * for (const s of list) console.log(s);
   * ```
   */
  *[Symbol.iterator](): IterableIterator<number> {
    for (const b of this.blocks) for (let i = 0; i < b.n; i++) yield b.slots[i]!;
  }

  /**
   * Checks the structure's invariants (sorted, bounded blocks, keys and label ids in step with the
   * store, size); for tests.
   *
   * @example
   * ```ts
   * list.checkInvariants(); // [] when healthy
   * ```
   */
  checkInvariants(): string[] {
    const problems: string[] = [];
    let n = 0;
    let inexact = 0;
    let prev = -1;
    if (this.lastCaps.length !== this.blocks.length) problems.push("key arrays out of step");
    this.blocks.forEach((b, bi) => {
      if (b.n === 0 || b.n > MAX_BLOCK) problems.push(`block of size ${b.n}`);
      for (let i = 0; i < b.n; i++) {
        const s = b.slots[i]!;
        if (!Object.is(b.caps[i], this.store.capKey[s])) problems.push(`block ${bi}: stale key at ${i}`);
        if (b.labels[i] !== this.store.labelId[s]) problems.push(`block ${bi}: stale label id at ${i}`);
        if (prev >= 0 && compareSlots(this.store, prev, s) >= 0)
          problems.push(`out of order: ${this.store.names[prev]} ≥ ${this.store.names[s]}`);
        if (!this.exactSlot(s)) inexact++;
        prev = s;
        n++;
      }
      if (!Object.is(this.lastCaps[bi], b.caps[b.n - 1])) problems.push(`stale last key of block ${bi}`);
    });
    if (n !== this.size) problems.push(`size ${this.size} but ${n} slots`);
    if (inexact !== this.inexact) problems.push(`inexact count ${this.inexact} but ${inexact}`);
    return problems;
  }
}
