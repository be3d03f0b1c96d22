/**
 * A small, fast, seeded pseudo-random number generator for the workload generators.
 * kubevol never uses `Math.random`: every generated pool, claim list and node list is a pure
 * function of its seed.
 *
 * @module
 */

/**
 * Mixes a seed and an item index into a well-spread 32-bit value (a murmur3-style finalizer), so
 * item `i` of a generated list gets its own independent stream and lists are prefix-stable:
 * `pool(10, s)` is the first ten volumes of `pool(1000, s)`.
 *
 * @param seed - any integer (only its low 32 bits are used)
 * @param index - the item index (non-negative integer below 2^32)
 * @returns an unsigned 32-bit integer
 *
 * @example
 * ```ts
 * mixSeed(42, 0) === mixSeed(42, 0); // true, and mixSeed(42, 1) is unrelated to it
 * ```
 */
export function mixSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seeded PRNG (mulberry32: one 32-bit word of state, period 2^32, good enough for workloads,
 * not for cryptography). Same seed, same sequence, on every platform.
 *
 * @example
 * ```ts
 * const rng = new Prng(7);
 * rng.float();        // in [0, 1)
 * rng.int(6);         // 0..5
 * rng.chance(0.3);    // true about 30% of the time
 * rng.pick(["a", "b"]);
 * ```
 */
export class Prng {
  private state: number;

  /**
   * @param seed - any number; only its low 32 bits are used
   */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /**
   * The next unsigned 32-bit integer.
   *
   * @example
   * ```ts
   * new Prng(1).nextUint32(); // the same value on every run
   * ```
   */
  nextUint32(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /**
   * A float in [0, 1) with 32 bits of randomness.
   *
   * @example
   * ```ts
   * const x = new Prng(1).float(); // 0 <= x < 1
   * ```
   */
  float(): number {
    return this.nextUint32() / 4294967296;
  }

  /**
   * An integer in [0, max) (max ≤ 2^32).
   *
   * @example
   * ```ts
   * new Prng(1).int(100); // 0..99
   * ```
   */
  int(max: number): number {
    return Math.floor(this.float() * max);
  }

  /**
   * True with probability `p`.
   *
   * @example
   * ```ts
   * new Prng(1).chance(0.5);
   * ```
   */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /**
   * A uniformly chosen element of a non-empty list.
   *
   * @example
   * ```ts
   * new Prng(1).pick(["ssd", "hdd"]);
   * ```
   */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  /**
   * An element chosen by weight from `[item, weight]` pairs (weights need not sum to 1).
   *
   * @example
   * ```ts
   * new Prng(1).weighted([["RWO", 60], ["ROX", 40]]);
   * ```
   */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let x = this.float() * total;
    for (const [item, w] of table) {
      if (x < w) return item;
      x -= w;
    }
    return table[table.length - 1]![0];
  }
}
