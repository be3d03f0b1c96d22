/**
 * A sorted set of volume slots in index order (capacity ascending, exact; then name), stored as a
 * list of blocks of bounded size (`BLOCK_SIZE` slots, kept in a `BlockArena` shared by the
 * index's lists): O(log n) search, insert and delete that shift at most one block — never O(n)
 * splices over a million entries. Each block keeps its slots' capacity keys and label-set ids
 * beside the slots, so a walk reads contiguous numbers and touches the store only on a capacity
 * tie.
 *
 * @module
 */
import type { Quantity } from "../../quantity/index.js";
import { type BlockArena, type ListArenas, listArenas } from "./block-arena.js";
import { F_EXACT, type VolumeStore } from "./volume-store.js";

/** Bulk-built blocks are filled to this size, leaving room for inserts. */
const BUILD_FILL = (large: BlockArena) => large.size - (large.size >>> 3);
/** A block below this size is merged into a neighbour when both fit one block. */
const MIN_BLOCK = (large: BlockArena) => large.size >>> 2;

/**
 * Decides whether a walked slot is a candidate, from its slot and label-set id (the checks the
 * structures do not encode). The label-set id is `labels[at]`, read only by a filter that needs
 * it (a claim without a selector does not: one cache line fewer per query).
 *
 * @example
 * ```ts
 * const labelled: SlotFilter = { accept: (_slot, labels, at) => labels[at] !== 0 };
 * ```
 */
export interface SlotFilter {
  accept(slot: number, labels: Int32Array, at: number): boolean;
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
  const ka = store.capKeyOf(a);
  const kb = store.capKeyOf(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  if ((store.flagsOf(a) & store.flagsOf(b) & F_EXACT) === 0) {
    const c = store.capacityOf(a).quantity.cmp(store.capacityOf(b).quantity);
    if (c !== 0) return c;
  }
  const na = store.names[a]!;
  const nb = store.names[b]!;
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** A slot's capacity against a request: negative when the slot is smaller. */
function compareToRequest(store: VolumeStore, slot: number, key: number, request: Quantity): number {
  const k = store.capKeyOf(slot);
  if (k !== key) return k < key ? -1 : 1;
  return store.capacityOf(slot).quantity.cmp(request);
}

/**
 * `copyWithin(target, start, end)` on the four entry arrays of an arena, as a plain loop: the
 * ranges are at most one block long, where a loop the compiler inlines beats four calls of the
 * built-in.
 */
function moveEntries(a: BlockArena, target: number, start: number, end: number): void {
  const { caps, names, slots, labels } = a;
  if (target < start) {
    for (let i = start, t = target; i < end; i++, t++) {
      caps[t] = caps[i]!;
      names[t] = names[i]!;
      slots[t] = slots[i]!;
      labels[t] = labels[i]!;
    }
  } else {
    for (let i = end - 1, t = target + (end - start) - 1; i >= start; i--, t--) {
      caps[t] = caps[i]!;
      names[t] = names[i]!;
      slots[t] = slots[i]!;
      labels[t] = labels[i]!;
    }
  }
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
  /** The list's blocks (arena block numbers), in order. */
  private ids: number[] = [];
  /** The capacity key of each block's last slot (block search without touching blocks). */
  private lastCaps: number[] = [];
  /** Number of slots. */
  size = 0;
  /** Number of slots whose capacity key is not exactly their capacity (usually none). */
  private inexact = 0;

  /** The arena of the list's blocks: `arenas.small` while the list fits one small block. */
  private a: BlockArena;
  /** Its block size. */
  private bs: number;

  constructor(
    private readonly store: VolumeStore,
    private readonly arenas: ListArenas = listArenas(),
  ) {
    this.a = arenas.small;
    this.bs = arenas.small.size;
  }

  /** Whether the list keeps its one block in the small arena. */
  private get isSmall(): boolean {
    return this.a === this.arenas.small;
  }

  /** Moves a full small block to the large arena (the list grows past one small block). */
  private promote(): void {
    const small = this.a;
    const large = this.arenas.large;
    const from = this.ids[0]!;
    const to = large.allocate();
    const n = small.len[from]!;
    const f = from * small.size;
    const t = to * large.size;
    large.caps.set(small.caps.subarray(f, f + n), t);
    large.names.set(small.names.subarray(f, f + n), t);
    large.slots.set(small.slots.subarray(f, f + n), t);
    large.labels.set(small.labels.subarray(f, f + n), t);
    large.len[to] = n;
    small.release(from);
    this.ids[0] = to;
    this.a = large;
    this.bs = large.size;
  }

  /** Back to the small arena once the list is empty. */
  private reset(): void {
    this.ids = [];
    this.lastCaps = [];
    this.a = this.arenas.small;
    this.bs = this.arenas.small.size;
  }

  private exactSlot(slot: number): boolean {
    return (this.store.flagsOf(slot) & F_EXACT) !== 0;
  }

  /** The last slot of the list's block `bi`. */
  private lastSlotOf(bi: number): number {
    const id = this.ids[bi]!;
    return this.a.slots[id * this.bs + this.a.len[id]! - 1]!;
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
    if (this.isSmall && this.ids.length > 0 && this.a.len[this.ids[0]!] === this.bs) this.promote();
    const a = this.a;
    let id = this.ids.length > 0 ? this.ids[this.ids.length - 1]! : -1;
    if (id < 0 || a.len[id]! >= (this.isSmall ? this.bs : BUILD_FILL(a))) {
      id = a.allocate();
      this.ids.push(id);
      this.lastCaps.push(0);
    }
    const at = id * this.bs + a.len[id]!++;
    const k = this.store.capKeyOf(slot);
    a.caps[at] = k;
    a.names[at] = this.store.nameKeyOf(slot);
    a.slots[at] = slot;
    a.labels[at] = this.store.labelIdOf(slot);
    this.lastCaps[this.ids.length - 1] = k;
    this.size++;
    if (!this.exactSlot(slot)) this.inexact++;
  }

  /**
   * A list of `slots`, which must be in index order (bulk build: blocks cut from the array);
   * `nameKeys`, when given, holds the name order key of each slot (`nameOrderKey`).
   *
   * @example
   * ```ts
   * SlotList.fromSorted(store, sortedSlots).size === sortedSlots.length; // true
   * ```
   */
  static fromSorted(store: VolumeStore, slots: ArrayLike<number>, arenas: ListArenas = listArenas(), nameKeys?: Float64Array): SlotList {
    const list = new SlotList(store, arenas);
    if (slots.length === 0) return list;
    const small = slots.length <= arenas.small.size;
    const arena = small ? arenas.small : arenas.large;
    list.a = arena;
    list.bs = arena.size;
    const fill = small ? arena.size : BUILD_FILL(arena);
    arena.reserve(Math.ceil(slots.length / fill));
    // Reserved: no block allocated below replaces the arena's arrays.
    const { caps, names, slots: entries, labels, len } = arena;
    let inexact = 0;
    for (let at = 0; at < slots.length; at += fill) {
      const end = Math.min(slots.length, at + fill);
      const id = arena.allocate();
      const base = id * arena.size - at;
      for (let i = at; i < end; i++) {
        const slot = slots[i]!;
        entries[base + i] = slot;
        caps[base + i] = store.capKeyOf(slot);
        names[base + i] = nameKeys === undefined ? store.nameKeyOf(slot) : nameKeys[slot]!;
        labels[base + i] = store.labelIdOf(slot);
        if ((store.flagsOf(slot) & F_EXACT) === 0) inexact++;
      }
      len[id] = end - at;
      list.ids.push(id);
      list.lastCaps.push(caps[base + end - 1]!);
    }
    list.size = slots.length;
    list.inexact = inexact;
    return list;
  }

  /**
   * Empties the list, returning its blocks to the arena.
   *
   * @example
   * ```ts
   * list.clear(); // list.size === 0
   * ```
   */
  clear(): void {
    for (const id of this.ids) this.a.release(id);
    this.reset();
    this.size = 0;
    this.inexact = 0;
  }

  /**
   * Whether arena entry `e` sorts before `slot`, whose capacity key is `cap` and name key `nk`:
   * by capacity key, then — when every capacity of the list is exact, so equal keys are equal
   * capacities — by name key, reading the store only when the keys decide nothing.
   */
  private entryBefore(e: number, cap: number, nk: number, slot: number): boolean {
    const a = this.a;
    const c = a.caps[e]!;
    if (c !== cap) return c < cap;
    if (this.inexact === 0) {
      const k = a.names[e]!;
      if (k !== nk && k >= 0 && nk >= 0) return k < nk;
    }
    return compareSlots(this.store, a.slots[e]!, slot) < 0;
  }

  /** Index of the block that holds (or would hold) `slot`: the first whose last slot is ≥ it. */
  private blockFor(slot: number): number {
    const caps = this.lastCaps;
    const cap = this.store.capKeyOf(slot);
    const nk = this.store.nameKeyOf(slot);
    let lo = 0;
    let hi = caps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const lc = caps[mid]!;
      if (lc < cap) lo = mid + 1;
      else if (lc > cap) hi = mid;
      else {
        const id = this.ids[mid]!;
        if (this.entryBefore(id * this.bs + this.a.len[id]! - 1, cap, nk, slot)) lo = mid + 1;
        else hi = mid;
      }
    }
    return lo;
  }

  /** Position of `slot` in arena block `id` (or where it would go): the first slot ≥ it. */
  private positionIn(id: number, slot: number): number {
    const cap = this.store.capKeyOf(slot);
    const nk = this.store.nameKeyOf(slot);
    const base = id * this.bs;
    let lo = 0;
    let hi = this.a.len[id]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entryBefore(base + mid, cap, nk, slot)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Splits the full block `bi` in two halves (the upper half into a new block after it). */
  private split(bi: number): void {
    const a = this.a;
    const upper = a.allocate();
    const id = this.ids[bi]!;
    const n = a.len[id]!;
    const half = n >>> 1;
    const from = id * this.bs;
    const to = upper * this.bs;
    moveEntries(a, to, from + half, from + n);
    a.len[upper] = n - half;
    a.len[id] = half;
    this.ids.splice(bi + 1, 0, upper);
    this.lastCaps.splice(bi + 1, 0, a.caps[to + n - half - 1]!);
    this.lastCaps[bi] = a.caps[from + half - 1]!;
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
    const k = this.store.capKeyOf(slot);
    const label = this.store.labelIdOf(slot);
    let bi = 0;
    if (this.ids.length === 0) {
      this.ids.push(this.a.allocate());
      this.lastCaps.push(k);
    } else {
      bi = this.blockFor(slot);
      if (this.a.len[this.ids[bi]!] === this.bs && this.isSmall) this.promote();
      else if (this.a.len[this.ids[bi]!] === this.bs) {
        this.split(bi);
        if (compareSlots(this.store, this.lastSlotOf(bi), slot) < 0) bi++;
      }
    }
    const a = this.a;
    const id = this.ids[bi]!;
    const at = this.positionIn(id, slot);
    const base = id * this.bs;
    const n = a.len[id]!;
    moveEntries(a, base + at + 1, base + at, base + n);
    a.caps[base + at] = k;
    a.names[base + at] = this.store.nameKeyOf(slot);
    a.slots[base + at] = slot;
    a.labels[base + at] = label;
    a.len[id] = n + 1;
    this.lastCaps[bi] = a.caps[base + n]!;
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
    if (this.ids.length === 0) return false;
    // The slot's place in index order, found by the keys of the entries (the store is read only
    // on a tie of both keys).
    const a = this.a;
    const bi = this.blockFor(slot);
    const id = this.ids[bi]!;
    const at = this.positionIn(id, slot);
    const base = id * this.bs;
    if (at >= a.len[id]! || a.slots[base + at] !== slot) return false;
    const n = a.len[id]! - 1;
    moveEntries(a, base + at, base + at + 1, base + n + 1);
    a.len[id] = n;
    this.size--;
    if (!this.exactSlot(slot)) this.inexact--;
    if (n === 0) {
      a.release(id);
      this.ids.splice(bi, 1);
      this.lastCaps.splice(bi, 1);
      if (this.ids.length === 0) this.reset();
    } else {
      this.lastCaps[bi] = a.caps[base + n - 1]!;
      if (n < MIN_BLOCK(a) && !this.isSmall) this.mergeSmall(bi);
    }
    return true;
  }

  /** Merges a small block into its right (or left) neighbour when the two fit one block. */
  private mergeSmall(bi: number): void {
    const a = this.a;
    const ids = this.ids;
    const n = a.len[ids[bi]!]!;
    const fill = BUILD_FILL(a);
    let into: number;
    if (bi + 1 < ids.length && n + a.len[ids[bi + 1]!]! <= fill) into = bi;
    else if (bi > 0 && n + a.len[ids[bi - 1]!]! <= fill) into = bi - 1;
    else return;
    const keep = this.ids[into]!;
    const gone = this.ids[into + 1]!;
    const to = keep * this.bs + a.len[keep]!;
    const from = gone * this.bs;
    const m = a.len[gone]!;
    moveEntries(a, to, from, from + m);
    a.len[keep] = a.len[keep]! + m;
    a.release(gone);
    this.ids.splice(into + 1, 1);
    this.lastCaps.splice(into + 1, 1);
    this.lastCaps[into] = a.caps[to + m - 1]!;
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
   * list.firstFrom(req.key, req.quantity, req.exact, { accept: (s, labels, at) => labels[at] === 3 }, -1);
   * ```
   */
  firstFrom(key: number, request: Quantity, exact: boolean, filter: SlotFilter | undefined, bound: number): number {
    const ids = this.ids;
    const nb = ids.length;
    if (nb === 0) return -1;
    const store = this.store;
    // No block is allocated during a walk: the arena's arrays stay put.
    const { caps, slots, labels, len } = this.a;
    const bs = this.bs;
    const numeric = exact && this.inexact === 0;
    const last = this.lastCaps;
    let lo = 0;
    let hi = nb;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const lc = last[mid]!;
      if (lc < key) lo = mid + 1;
      else if (lc > key || numeric) hi = mid;
      else if (compareToRequest(store, this.lastSlotOf(mid), key, request) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo === nb) return -1;
    let bi = lo;
    let base = ids[bi]! * bs;
    let n = len[ids[bi]!]!;
    lo = 0;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = caps[base + mid]!;
      if (c < key || (c === key && !numeric && compareToRequest(store, slots[base + mid]!, key, request) < 0)) lo = mid + 1;
      else hi = mid;
    }
    const boundKey = bound >= 0 ? store.capKeyOf(bound) : Number.POSITIVE_INFINITY;
    let i = lo;
    for (;;) {
      for (; i < n; i++) {
        const s = slots[base + i]!;
        if (bound >= 0 && caps[base + i]! >= boundKey && compareSlots(store, s, bound) >= 0) return -1;
        if (filter === undefined || filter.accept(s, labels, base + i)) return s;
        if (filter.stopped === true) return -1;
      }
      if (++bi === nb) return -1;
      base = ids[bi]! * bs;
      n = len[ids[bi]!]!;
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
    for (const id of this.ids) {
      const base = id * this.bs;
      for (let i = 0; i < this.a.len[id]!; i++) yield this.a.slots[base + i]!;
    }
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
    const a = this.a;
    let n = 0;
    let inexact = 0;
    let prev = -1;
    if (this.lastCaps.length !== this.ids.length) problems.push("key arrays out of step");
    if (new Set(this.ids).size !== this.ids.length) problems.push("a block is listed twice");
    this.ids.forEach((id, bi) => {
      const len = a.len[id]!;
      const base = id * this.bs;
      if (len <= 0 || len > this.bs) problems.push(`block of size ${len}`);
      for (let i = 0; i < len; i++) {
        const s = a.slots[base + i]!;
        if (!Object.is(a.caps[base + i], this.store.capKeyOf(s))) problems.push(`block ${bi}: stale key at ${i}`);
        if (a.labels[base + i] !== this.store.labelIdOf(s)) problems.push(`block ${bi}: stale label id at ${i}`);
        if (!Object.is(a.names[base + i], this.store.nameKeyOf(s))) problems.push(`block ${bi}: stale name key at ${i}`);
        if (prev >= 0 && compareSlots(this.store, prev, s) >= 0)
          problems.push(`out of order: ${this.store.names[prev]} ≥ ${this.store.names[s]}`);
        if (!this.exactSlot(s)) inexact++;
        prev = s;
        n++;
      }
      if (len > 0 && !Object.is(this.lastCaps[bi], a.caps[base + len - 1])) problems.push(`stale last key of block ${bi}`);
    });
    if (n !== this.size) problems.push(`size ${this.size} but ${n} slots`);
    if (inexact !== this.inexact) problems.push(`inexact count ${this.inexact} but ${inexact}`);
    return problems;
  }
}
