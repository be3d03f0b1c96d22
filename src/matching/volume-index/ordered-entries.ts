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
    if (last !== undefined && last.length < BUILD_BLOCK) last.push(e);
    else this.blocks.push([e]);
    this.size++;
  }

  /** Index of the block that holds (or would hold) `e`: the first whose last entry is ≥ e. */
  private blockFor(e: VolumeEntry): number {
    const blocks = this.blocks;
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const b = blocks[mid]!;
      if (compareEntries(b[b.length - 1]!, e) < 0) lo = mid + 1;
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
    this.size++;
    if (this.blocks.length === 0) {
      this.blocks.push([e]);
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
    if (block.length > MAX_BLOCK) this.blocks.splice(bi + 1, 0, block.splice(block.length >>> 1));
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
    if (block.length === 0) this.blocks.splice(bi, 1);
    else if (block.length < MIN_BLOCK) this.mergeSmall(bi);
    return true;
  }

  /** Merges a small block into its right (or left) neighbour when the two fit one block. */
  private mergeSmall(bi: number): void {
    const block = this.blocks[bi]!;
    const right = this.blocks[bi + 1];
    if (right !== undefined && block.length + right.length <= BUILD_BLOCK) {
      this.blocks[bi] = block.concat(right);
      this.blocks.splice(bi + 1, 1);
      return;
    }
    const left = this.blocks[bi - 1];
    if (left !== undefined && block.length + left.length <= BUILD_BLOCK) {
      this.blocks[bi - 1] = left.concat(block);
      this.blocks.splice(bi, 1);
    }
  }

  /**
   * The first entry, in index order, whose capacity is ≥ the request and that `accept`s, or
   * `undefined` — also `undefined` as soon as the walk reaches `bound` (an entry not smaller than
   * the best candidate found elsewhere), so callers combining several sources stop early.
   *
   * @example
   * ```ts
   * s.firstFrom(req.toNumber(), req, (e) => selector.matches(e.labels), bestSoFar);
   * ```
   */
  firstFrom(
    cap: number,
    request: Quantity,
    accept: (e: VolumeEntry) => boolean,
    bound: VolumeEntry | undefined,
  ): VolumeEntry | undefined {
    const blocks = this.blocks;
    const nb = blocks.length;
    if (nb === 0) return undefined;
    // The first block whose last entry is ≥ the request.
    let lo = 0;
    let hi = nb;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const b = blocks[mid]!;
      if (compareToRequest(b[b.length - 1]!, cap, request) < 0) lo = mid + 1;
      else hi = mid;
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
        if (accept(e)) return e;
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
    return problems;
  }
}
