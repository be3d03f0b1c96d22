/**
 * The failure-mask tally of an explanation scan.
 *
 * @module
 */
import { ALL_REASON_BITS } from "../reason-code.js";

/**
 * Counts of failure masks, in a flat array over every mask that is reused from scan to scan: it
 * remembers which masks it touched, so reading it out and resetting it costs the few masks a scan
 * saw, not the 2^14 entries of the array.
 */
export class MaskTally {
  private readonly counts = new Int32Array(ALL_REASON_BITS + 1);
  private readonly touched: number[] = [];

  add(mask: number): void {
    const n = this.counts[mask]!;
    if (n === 0) this.touched.push(mask);
    this.counts[mask] = n + 1;
  }

  /** Counts `k` volumes with this mask at once (nothing when `k` ≤ 0). */
  addN(mask: number, k: number): void {
    if (k <= 0) return;
    const n = this.counts[mask]!;
    if (n === 0) this.touched.push(mask);
    this.counts[mask] = n + k;
  }

  /** The counts in ascending mask order; the tally is empty again after. */
  drain(): Map<number, number> {
    const masks = this.touched.sort((a, b) => a - b);
    const out = new Map<number, number>();
    for (const m of masks) {
      out.set(m, this.counts[m]!);
      this.counts[m] = 0;
    }
    masks.length = 0;
    return out;
  }

  /** Empties the tally (costs the masks it holds). */
  reset(): void {
    for (const m of this.touched) this.counts[m] = 0;
    this.touched.length = 0;
  }
}
