/**
 * A sorted multiset of volume entries in index order (capacity, then name), stored as a list of
 * sorted blocks of bounded size: O(log n) search, insert and delete that move at most one block
 * (≤ 128 slots) plus, on a split or merge, the short block list — never O(n) splices over a
 * million entries.
 *
 * @module
 */
import type { Quantity } from "../../quantity/index.js";
import { type VolumeEntry, compareEntries, compareToRequest } from "./volume-entry.js";

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
 * s.firstFrom(request.toNumber(), request, (e) => true, undefined); // smallest entry ≥ request
 * ```
 */
export class OrderedEntries {
  private blocks: VolumeEntry[][] = [];
  /**
   * The capacity key (`cap`) of each block's last entry, in a flat array of doubles: block search
   * reads this instead of dereferencing an entry per step (the exact entry is read only on ties).
   */
  private lastCaps: number[] = [];
  /** Number of entries. */
  size = 0;

  /**
   * Appends an entry that is not smaller than every entry already present (bulk build).
   *
   * @example
   * ```ts
   * for (const e of sortedEntries) s.append(e);
   * ```
   */
  append(e: VolumeEntry): void {
    const last = this.blocks[this.blocks.length - 1];
    if (last !== undefined && last.length < BUILD_BLOCK) {
      last.push(e);
      this.lastCaps[this.blocks.length - 1] = e.cap;
    } else {
      this.blocks.push([e]);
      this.lastCaps.push(e.cap);
    }
    this.size++;
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

  /** Re-reads the last capacity key of block `bi` after it changed. */
  private refresh(bi: number): void {
    const b = this.blocks[bi]!;
    this.lastCaps[bi] = b[b.length - 1]!.cap;
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
    this.size++;
    if (this.blocks.length === 0) {
      this.blocks.push([e]);
      this.lastCaps.push(e.cap);
      return;
    }
    const bi = this.blockFor(e);
    const block = this.blocks[bi]!;
    let lo = 0;
    let hi = block.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(block[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    block.splice(lo, 0, e);
    if (block.length > MAX_BLOCK) {
      const upper = block.splice(block.length >>> 1);
      this.blocks.splice(bi + 1, 0, upper);
      this.lastCaps.splice(bi + 1, 0, upper[upper.length - 1]!.cap);
    }
    this.refresh(bi);
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
    const bi = this.blockFor(e);
    const block = this.blocks[bi]!;
    let lo = 0;
    let hi = block.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(block[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (block[lo] !== e) return false;
    block.splice(lo, 1);
    this.size--;
    if (block.length === 0) {
      this.blocks.splice(bi, 1);
      this.lastCaps.splice(bi, 1);
    } else {
      this.refresh(bi);
      if (block.length < MIN_BLOCK) this.mergeSmall(bi);
    }
    return true;
  }

  /** Merges a small block into its right (or left) neighbour when the two fit one block. */
  private mergeSmall(bi: number): void {
    const block = this.blocks[bi]!;
    const right = this.blocks[bi + 1];
    if (right !== undefined && block.length + right.length <= BUILD_BLOCK) {
      this.blocks[bi] = block.concat(right);
      this.blocks.splice(bi + 1, 1);
      this.lastCaps.splice(bi + 1, 1);
      this.refresh(bi);
      return;
    }
    const left = this.blocks[bi - 1];
    if (left !== undefined && block.length + left.length <= BUILD_BLOCK) {
      this.blocks[bi - 1] = left.concat(block);
      this.blocks.splice(bi, 1);
      this.lastCaps.splice(bi, 1);
      this.refresh(bi - 1);
    }
  }

  /**
   * The first entry, in index order, whose capacity is ≥ the request and that the `filter`
   * accepts (every entry when there is no filter), or `undefined` — also `undefined` as soon as
   * the walk reaches `bound` (an entry not smaller than the best candidate found elsewhere), so
   * callers combining several sources stop early.
   *
   * @example
   * ```ts
   * s.firstFrom(req.toNumber(), req, { accept: (e) => selector.matches(e.labels) }, bestSoFar);
   * ```
   */
  firstFrom(cap: number, request: Quantity, filter: EntryFilter | undefined, bound: VolumeEntry | undefined): VolumeEntry | undefined {
    const blocks = this.blocks;
    const nb = blocks.length;
    if (nb === 0) return undefined;
    // The first block whose last entry is ≥ the request.
    const caps = this.lastCaps;
    let lo = 0;
    let hi = nb;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const lc = caps[mid]!;
      if (lc < cap) lo = mid + 1;
      else if (lc > cap) hi = mid;
      else {
        const b = blocks[mid]!;
        if (compareToRequest(b[b.length - 1]!, cap, request) < 0) lo = mid + 1;
        else hi = mid;
      }
    }
    if (lo === nb) return undefined;
    let bi = lo;
    let block = blocks[bi]!;
    lo = 0;
    hi = block.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareToRequest(block[mid]!, cap, request) < 0) lo = mid + 1;
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
   * Checks the structure's invariants (sorted, non-empty bounded blocks, size); for tests.
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
    for (const b of this.blocks) {
      if (b.length === 0 || b.length > MAX_BLOCK) problems.push(`block of size ${b.length}`);
      for (const e of b) {
        if (prev !== undefined && compareEntries(prev, e) >= 0) problems.push(`out of order: ${prev.name} ≥ ${e.name}`);
        prev = e;
        n++;
      }
    }
    if (n !== this.size) problems.push(`size ${this.size} but ${n} entries`);
    if (this.lastCaps.length !== this.blocks.length) problems.push(`${this.lastCaps.length} last keys for ${this.blocks.length} blocks`);
    this.blocks.forEach((b, i) => {
      if (!Object.is(this.lastCaps[i], b[b.length - 1]?.cap)) problems.push(`stale last key of block ${i}`);
    });
    return problems;
  }
}
