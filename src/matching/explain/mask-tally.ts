/**
 * The failure-mask tally of an explanation scan.
 *
 * @module
 */
import { ALL_REASON_BITS } from "../reason-code.js";

/** Pools up to this many volumes tally in a map: a flat array of every mask would cost more to allocate than to use. */
const SMALL_POOL = 256;

/**
 * Counts of failure masks, reused from scan to scan: in a flat array over every mask for a large
 * pool (it remembers which masks it touched, so reading it out and resetting it costs the few masks
 * a scan saw, not the 2^14 entries of the array), in a map for a small one (the engine explains
 * thousands of claims against a single volume each).
 */
export class MaskTally {
  private readonly counts: Int32Array | undefined;
  private readonly small: Map<number, number> | undefined;
  private readonly touched: number[] = [];

  /** @param volumes - the size of the pool it tallies (picks the representation) */
  constructor(volumes = Number.POSITIVE_INFINITY) {
    if (volumes <= SMALL_POOL) this.small = new Map();
    else this.counts = new Int32Array(ALL_REASON_BITS + 1);
  }

  add(mask: number): void {
    this.addN(mask, 1);
  }

  /** Counts `k` volumes with this mask at once (nothing when `k` ≤ 0). */
  addN(mask: number, k: number): void {
    if (k <= 0) return;
    const counts = this.counts;
    if (counts === undefined) {
      const m = this.small!;
      const n = m.get(mask);
      if (n === undefined) this.touched.push(mask);
      m.set(mask, (n ?? 0) + k);
      return;
    }
    const n = counts[mask]!;
    if (n === 0) this.touched.push(mask);
    counts[mask] = n + k;
  }

  /** The counts in ascending mask order; the tally is empty again after. */
  drain(): Map<number, number> {
    const masks = this.touched.sort((a, b) => a - b);
    const out = new Map<number, number>();
    for (const m of masks) out.set(m, this.count(m));
    this.reset();
    return out;
  }

  /** Empties the tally (costs the masks it holds). */
  reset(): void {
    if (this.counts !== undefined) for (const m of this.touched) this.counts[m] = 0;
    else this.small!.clear();
    this.touched.length = 0;
  }

  private count(mask: number): number {
    return this.counts !== undefined ? this.counts[mask]! : this.small!.get(mask)!;
  }
}
