/**
 * A sorted set of volume entries in index order (capacity, then name), stored as a list of
 * sorted blocks of bounded size: O(log n) search, insert and delete that move at most one block
 * (≤ 128 slots) plus, on a split or merge, the short block list — never O(n) splices over a
 * million entries. Each block keeps its entries' capacity keys in a parallel array of doubles, so
 * searches read contiguous numbers and touch an entry only on a capacity tie.
 *
 * @module
 */
import type { Quantity } from "../../quantity/index.js";
import { VolumeEntry, compareEntries, compareToRequest } from "./volume-entry.js";

/**
 * Decides whether a walked entry is a candidate (the checks the structures do not encode).
 *
 * @example
 * ```ts
 * const onlyLabelled: EntryFilter = { accept: (e) => e.labels !== undefined };
 * ```
 */
export interface EntryFilter {
  accept(e: VolumeEntry): boolean;
}

/** `locate` packs (block, slot) into one number with this stride (> MAX_BLOCK). */
const LOCATE_STRIDE = 256;
/** `locate` gives up after scanning this many entries of equal key (then searches by name). */
const MAX_IDENTITY_SCAN = 512;

/** A block splits above this many entries. */
const MAX_BLOCK = 128;
/** Bulk-built blocks are filled to this size, leaving room for inserts. */
const BUILD_BLOCK = 112;
/** A block below this size is merged into a neighbour when both fit one block. */
const MIN_BLOCK = 32;

/**
 * The sorted-block list. Entries are unique objects; two distinct entries never compare equal
 * (names are unique in an index).
 *
 * @example
 * ```ts
 * const s = new OrderedEntries();
 * s.insert(entry);
 * s.firstFrom(request.toNumber(), request, undefined, undefined); // smallest entry ≥ request
 * ```
 */
export class OrderedEntries {
  private blocks: VolumeEntry[][] = [];
  /** `caps[b][i]` is `blocks[b][i].cap` (the capacity key), as a packed array of doubles. */
  private caps: number[][] = [];
  /** The capacity key of each block's last entry (block search without touching blocks). */
  private lastCaps: number[] = [];
  /** Number of entries. */
  size = 0;
  /** Number of entries whose `cap` is not exactly their capacity (usually none). */
  private inexact = 0;

  private count(e: VolumeEntry, delta: number): void {
    this.size += delta;
    if ((e.flags & VolumeEntry.EXACT) === 0) this.inexact += delta;
  }

  /**
   * Appends an entry that is not smaller than every entry already present (bulk build).
   *
   * @example
   * ```ts
   * for (const e of sortedEntries) s.append(e);
   * ```
   */
  append(e: VolumeEntry): void {
    const bi = this.blocks.length - 1;
    const last = this.blocks[bi];
    if (last !== undefined && last.length < BUILD_BLOCK) {
      last.push(e);
      this.caps[bi]!.push(e.cap);
      this.lastCaps[bi] = e.cap;
    } else {
      this.blocks.push([e]);
      this.caps.push([e.cap]);
      this.lastCaps.push(e.cap);
    }
    this.count(e, 1);
  }

  /** Index of the block that holds (or would hold) `e`: the first whose last entry is ≥ e. */
  private blockFor(e: VolumeEntry): number {
    const caps = this.lastCaps;
    const cap = e.cap;
    let lo = 0;
    let hi = caps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const lc = caps[mid]!;
      if (lc < cap) lo = mid + 1;
      else if (lc > cap) hi = mid;
      else {
        const b = this.blocks[mid]!;
        if (compareEntries(b[b.length - 1]!, e) < 0) lo = mid + 1;
        else hi = mid;
      }
    }
    return lo;
  }

  /**
   * Where this exact entry sits, found by its capacity key and identity — no name comparisons, so
   * no entry but the ones of the equal-key run is read — as `block * LOCATE_STRIDE + slot`; -1
   * when the equal-key run is longer than {@link MAX_IDENTITY_SCAN} (then the caller searches by
   * (capacity, name)) or the entry is absent.
   */
  private locate(e: VolumeEntry): number {
    const last = this.lastCaps;
    const cap = e.cap;
    let lo = 0;
    let hi = last.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (last[mid]! < cap) lo = mid + 1;
      else hi = mid;
    }
    let scanned = 0;
    for (let bi = lo; bi < last.length; bi++) {
      const caps = this.caps[bi]!;
      const block = this.blocks[bi]!;
      let i = 0;
      let h = caps.length;
      if (bi === lo) {
        while (i < h) {
          const mid = (i + h) >>> 1;
          if (caps[mid]! < cap) i = mid + 1;
          else h = mid;
        }
        h = caps.length;
      }
      for (; i < h; i++) {
        if (caps[i] !== cap) return -1;
        if (block[i] === e) return bi * LOCATE_STRIDE + i;
        if (++scanned > MAX_IDENTITY_SCAN) return -1;
      }
    }
    return -1;
  }

  /** Position of `e` in block `bi` (or where it would go): the first entry ≥ e. */
  private positionIn(bi: number, e: VolumeEntry): number {
    const block = this.blocks[bi]!;
    const caps = this.caps[bi]!;
    const cap = e.cap;
    let lo = 0;
    let hi = caps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = caps[mid]!;
      if (c < cap || (c === cap && compareEntries(block[mid]!, e) < 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Inserts an entry at its place.
   *
   * @example
   * ```ts
   * s.insert(entry); s.size; // 1
   * ```
   */
  insert(e: VolumeEntry): void {
    this.count(e, 1);
    if (this.blocks.length === 0) {
      this.blocks.push([e]);
      this.caps.push([e.cap]);
      this.lastCaps.push(e.cap);
      return;
    }
    const bi = this.blockFor(e);
    const at = this.positionIn(bi, e);
    const block = this.blocks[bi]!;
    const caps = this.caps[bi]!;
    // splice (a native move) measured faster than a JS shifting loop or copyWithin here.
    block.splice(at, 0, e);
    caps.splice(at, 0, e.cap);
    if (block.length > MAX_BLOCK) {
      const half = block.length >>> 1;
      const upper = block.splice(half);
      const upperCaps = caps.splice(half);
      this.blocks.splice(bi + 1, 0, upper);
      this.caps.splice(bi + 1, 0, upperCaps);
      this.lastCaps.splice(bi + 1, 0, upperCaps[upperCaps.length - 1]!);
    }
    this.lastCaps[bi] = caps[caps.length - 1]!;
  }

  /**
   * Removes this exact entry; returns false when it is not present.
   *
   * @example
   * ```ts
   * s.remove(entry); // true
   * ```
   */
  remove(e: VolumeEntry): boolean {
    if (this.blocks.length === 0) return false;
    let bi: number;
    let at = -1;
    const found = this.locate(e);
    if (found >= 0) {
      bi = Math.floor(found / LOCATE_STRIDE);
      at = found % LOCATE_STRIDE;
    } else {
      bi = this.blockFor(e);
      at = this.positionIn(bi, e);
    }
    const block = this.blocks[bi]!;
    if (block[at] !== e) return false;
    const caps = this.caps[bi]!;
    block.splice(at, 1);
    caps.splice(at, 1);
    this.count(e, -1);
    if (block.length === 0) {
      this.blocks.splice(bi, 1);
      this.caps.splice(bi, 1);
      this.lastCaps.splice(bi, 1);
    } else {
      this.lastCaps[bi] = caps[caps.length - 1]!;
      if (block.length < MIN_BLOCK) this.mergeSmall(bi);
    }
    return true;
  }

  /** Merges a small block into its right (or left) neighbour when the two fit one block. */
  private mergeSmall(bi: number): void {
    const into =
      this.blocks[bi + 1] !== undefined && this.blocks[bi]!.length + this.blocks[bi + 1]!.length <= BUILD_BLOCK
        ? bi
        : this.blocks[bi - 1] !== undefined && this.blocks[bi]!.length + this.blocks[bi - 1]!.length <= BUILD_BLOCK
          ? bi - 1
          : -1;
    if (into < 0) return;
    this.blocks[into] = this.blocks[into]!.concat(this.blocks[into + 1]!);
    this.caps[into] = this.caps[into]!.concat(this.caps[into + 1]!);
    this.blocks.splice(into + 1, 1);
    this.caps.splice(into + 1, 1);
    this.lastCaps.splice(into + 1, 1);
    const caps = this.caps[into]!;
    this.lastCaps[into] = caps[caps.length - 1]!;
  }

  /**
   * The first entry, in index order, whose capacity is ≥ the request and that the `filter`
   * accepts (every entry when there is no filter), or `undefined` — also `undefined` as soon as
   * the walk reaches `bound` (an entry not smaller than the best candidate found elsewhere), so
   * callers combining several sources stop early. `exact`: `cap` is exactly the request; then,
   * if every entry's key is exact too, equal keys are equal capacities and no entry is read
   * during the search.
   *
   * @example
   * ```ts
   * s.firstFrom(req.toNumber(), req, true, { accept: (e) => selector.matches(e.labels) }, bestSoFar);
   * ```
   */
  firstFrom(
    cap: number,
    request: Quantity,
    exact: boolean,
    filter: EntryFilter | undefined,
    bound: VolumeEntry | undefined,
  ): VolumeEntry | undefined {
    const blocks = this.blocks;
    const nb = blocks.length;
    if (nb === 0) return undefined;
    const numeric = exact && this.inexact === 0;
    // The first block whose last entry is ≥ the request.
    const last = this.lastCaps;
    let lo = 0;
    let hi = nb;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const lc = last[mid]!;
      if (lc < cap) lo = mid + 1;
      else if (lc > cap || numeric) hi = mid;
      else {
        const b = blocks[mid]!;
        if (compareToRequest(b[b.length - 1]!, cap, request) < 0) lo = mid + 1;
        else hi = mid;
      }
    }
    if (lo === nb) return undefined;
    let bi = lo;
    let block = blocks[bi]!;
    const caps = this.caps[bi]!;
    lo = 0;
    hi = caps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = caps[mid]!;
      if (c < cap || (c === cap && !numeric && compareToRequest(block[mid]!, cap, request) < 0)) lo = mid + 1;
      else hi = mid;
    }
    let i = lo;
    for (;;) {
      for (; i < block.length; i++) {
        const e = block[i]!;
        if (bound !== undefined && compareEntries(e, bound) >= 0) return undefined;
        if (filter === undefined || filter.accept(e)) return e;
      }
      if (++bi === nb) return undefined;
      block = blocks[bi]!;
      i = 0;
    }
  }

  /**
   * Every entry in index order.
   *
   * @example
   * ```ts
   * for (const e of s) console.log(e.name);
   * ```
   */
  *[Symbol.iterator](): IterableIterator<VolumeEntry> {
    for (const b of this.blocks) yield* b;
  }

  /**
   * Checks the structure's invariants (sorted, non-empty bounded blocks, keys in step, size); for
   * tests.
   *
   * @example
   * ```ts
   * s.checkInvariants(); // [] when healthy
   * ```
   */
  checkInvariants(): string[] {
    const problems: string[] = [];
    let n = 0;
    let prev: VolumeEntry | undefined;
    if (this.caps.length !== this.blocks.length || this.lastCaps.length !== this.blocks.length) problems.push("key arrays out of step");
    this.blocks.forEach((b, bi) => {
      if (b.length === 0 || b.length > MAX_BLOCK) problems.push(`block of size ${b.length}`);
      const caps = this.caps[bi] ?? [];
      if (caps.length !== b.length) problems.push(`block ${bi}: ${caps.length} keys for ${b.length} entries`);
      b.forEach((e, i) => {
        if (!Object.is(caps[i], e.cap)) problems.push(`block ${bi}: stale key at ${i}`);
        if (prev !== undefined && compareEntries(prev, e) >= 0) problems.push(`out of order: ${prev.name} ≥ ${e.name}`);
        prev = e;
        n++;
      });
      if (!Object.is(this.lastCaps[bi], b[b.length - 1]?.cap)) problems.push(`stale last key of block ${bi}`);
    });
    if (n !== this.size) problems.push(`size ${this.size} but ${n} entries`);
    return problems;
  }
}
