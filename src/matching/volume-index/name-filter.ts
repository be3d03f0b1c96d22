/**
 * A counting filter over the claim names volumes' `claimRef`s point at: most claims a query asks
 * about have no volume pointing at them, and at a million volumes the miss in the claim map (a
 * hash table of hundreds of thousands of keys) costs several cache misses; one byte read here
 * answers "certainly none" for almost all of them.
 *
 * @module
 */

/**
 * FNV-1a over the UTF-16 code units: cheap, and computed once per claim (memoised by the caller).
 *
 * @example
 * ```ts
 * filter.mayContain(nameHash("data-pv-0000005"));
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

/** A counter that reached this value stays there: it only ever answers "maybe" again. */
const STUCK = 255;
const MIN_SLOTS = 1 << 10;

/**
 * Counts per hash slot of the names added (once per volume; removals decrement). A zero slot
 * proves that no added name has that hash; any other answer means "look in the map".
 *
 * @example
 * ```ts
 * const f = new NameFilter();
 * f.add(nameHash("data-0"));
 * f.mayContain(nameHash("data-0")); // true
 * f.mayContain(nameHash("data-1")); // false (almost always)
 * ```
 */
export class NameFilter {
  private slots = new Uint8Array(MIN_SLOTS);
  private mask = MIN_SLOTS - 1;
  private count = 0;

  /**
   * Whether a name with this hash may have been added.
   *
   * @example
   * ```ts
   * if (filter.mayContain(hash)) lookInTheMap();
   * ```
   */
  mayContain(hash: number): boolean {
    return this.slots[hash & this.mask] !== 0;
  }

  /**
   * Counts a name in. `rehash` lists every name's hash currently counted (this one included), for
   * when the table grows (kept at ≥ 4 slots per name: few false "maybe"s).
   *
   * @example
   * ```ts
   * filter.add(nameHash(name), () => allHashes());
   * ```
   */
  add(hash: number, rehash?: () => Iterable<number>): void {
    this.count++;
    if (this.count * 4 > this.slots.length && rehash !== undefined) {
      this.grow(rehash);
      return;
    }
    const i = hash & this.mask;
    const v = this.slots[i]!;
    if (v < STUCK) this.slots[i] = v + 1;
  }

  /**
   * Counts a name out (it must have been added).
   *
   * @example
   * ```ts
   * filter.remove(nameHash(name));
   * ```
   */
  remove(hash: number): void {
    this.count--;
    const i = hash & this.mask;
    const v = this.slots[i]!;
    if (v > 0 && v < STUCK) this.slots[i] = v - 1;
  }

  /**
   * Counts a batch of names into an **empty** filter (a bulk build): the table is sized for the
   * whole batch first, so nothing is rehashed along the way — the same table as adding them one
   * by one with `add`.
   *
   * @example
   * ```ts
   * new NameFilter().addAll([nameHash("a"), nameHash("b")]);
   * ```
   */
  addAll(hashes: ArrayLike<number>): void {
    if (this.count !== 0) throw new Error("NameFilter.addAll: the filter must be empty");
    let n = this.slots.length;
    while (hashes.length * 4 > n) n *= 2;
    if (n !== this.slots.length) {
      this.slots = new Uint8Array(n);
      this.mask = n - 1;
    }
    for (let k = 0; k < hashes.length; k++) {
      const i = hashes[k]! & this.mask;
      const v = this.slots[i]!;
      if (v < STUCK) this.slots[i] = v + 1;
    }
    this.count = hashes.length;
  }

  private grow(rehash: () => Iterable<number>): void {
    let n = this.slots.length;
    while (this.count * 4 > n) n *= 2;
    this.slots = new Uint8Array(n);
    this.mask = n - 1;
    let counted = 0;
    for (const h of rehash()) {
      counted++;
      const i = h & this.mask;
      const v = this.slots[i]!;
      if (v < STUCK) this.slots[i] = v + 1;
    }
    this.count = counted;
  }
}
