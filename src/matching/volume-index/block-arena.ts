/**
 * The storage of every `SlotList` block of one index: fixed-size blocks cut from three typed
 * arrays (capacity keys, slots, label-set ids), numbered and recycled through a free list. One
 * arena instead of three small arrays per block: a bulk build fills consecutive blocks with no
 * allocation per block, an insert or remove shifts a block with a native `copyWithin` (no
 * `splice` result array), and the garbage collector sees a handful of buffers, not tens of
 * thousands of arrays.
 *
 * @module
 */

/** Slots per block of a list's large blocks (full at this size; it splits on the next insert). */
export const BLOCK_SIZE = 64;
/** Slots of the one block a short list keeps (most node-pin lists are short). */
export const SMALL_BLOCK_SIZE = 8;

/**
 * Numbered blocks of `size` entries; entry `i` of block `b` is at `b * size + i` in `caps`,
 * `names` (name order keys), `slots` and `labels`, and `len[b]` entries are in use. The arrays are replaced when the arena
 * grows: read them again after any `allocate`.
 *
 * @example
 * ```ts
 * const arena = new BlockArena(BLOCK_SIZE);
 * const b = arena.allocate();
 * arena.caps[b * BLOCK_SIZE] = 1024;
 * arena.len[b] = 1;
 * ```
 */
export class BlockArena {
  caps: Float64Array;
  names: Float64Array;
  slots: Int32Array;
  labels: Int32Array;
  len: Int32Array;
  private blocks: number;
  private high = 0;
  private readonly free: number[] = [];

  constructor(
    /** Entries per block. */
    readonly size: number,
    expectedBlocks = 4,
  ) {
    this.blocks = Math.max(4, expectedBlocks);
    this.caps = new Float64Array(this.blocks * size);
    this.names = new Float64Array(this.blocks * size);
    this.slots = new Int32Array(this.blocks * size);
    this.labels = new Int32Array(this.blocks * size);
    this.len = new Int32Array(this.blocks);
  }

  /**
   * An empty block's number.
   *
   * @example
   * ```ts
   * const b = arena.allocate(); // arena.len[b] === 0
   * ```
   */
  allocate(): number {
    const b = this.free.length > 0 ? this.free.pop()! : this.high++;
    if (b >= this.blocks) this.grow(b + 1);
    this.len[b] = 0;
    return b;
  }

  /**
   * Returns a block to the free list.
   *
   * @example
   * ```ts
   * arena.release(b);
   * ```
   */
  release(b: number): void {
    this.len[b] = 0;
    this.free.push(b);
  }

  /**
   * Makes room for `more` blocks beyond those in use, at most one copy (bulk builds size it first).
   *
   * @example
   * ```ts
   * arena.reserve(1000);
   * ```
   */
  reserve(more: number): void {
    const need = this.high + more - this.free.length;
    if (need > this.blocks) this.grow(need);
  }

  /** Number of blocks in use. */
  get used(): number {
    return this.high - this.free.length;
  }

  private grow(min: number): void {
    let n = this.blocks;
    while (n < min) n *= 2;
    const caps = new Float64Array(n * this.size);
    caps.set(this.caps);
    const names = new Float64Array(n * this.size);
    names.set(this.names);
    const slots = new Int32Array(n * this.size);
    slots.set(this.slots);
    const labels = new Int32Array(n * this.size);
    labels.set(this.labels);
    const len = new Int32Array(n);
    len.set(this.len);
    this.caps = caps;
    this.names = names;
    this.slots = slots;
    this.labels = labels;
    this.len = len;
    this.blocks = n;
  }
}

/**
 * The two arenas of an index's lists: large blocks, and the small single blocks of short lists
 * (so a million one-volume node lists cost 8 entries each, not 64).
 *
 * @example
 * ```ts
 * const list = new SlotList(store, listArenas());
 * ```
 */
export interface ListArenas {
  readonly large: BlockArena;
  readonly small: BlockArena;
}

/**
 * New, empty {@link ListArenas}.
 *
 * @example
 * ```ts
 * const arenas = listArenas();
 * ```
 */
export function listArenas(): ListArenas {
  return { large: new BlockArena(BLOCK_SIZE), small: new BlockArena(SMALL_BLOCK_SIZE) };
}
