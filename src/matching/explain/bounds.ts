/**
 * Binary searches of the shape tables: the capacity boundary of a request, and positions in a
 * sorted cell.
 *
 * @module
 */
import type { DecodedClaim } from "../decoded-claim.js";
import type { PoolSnapshot } from "./pool-snapshot.js";

/** The first position in capacity order whose volume is at least `request` (exact comparison). */
export function boundary(snap: PoolSnapshot, sorted: Int32Array, c: DecodedClaim): number {
  const req = c.request!;
  const key = req.toNumber();
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const i = sorted[mid]!;
    const k = snap.capacityKey[i]!;
    const below = k < key || (k === key && snap.vols[i]!.capacity!.cmp(req) < 0);
    if (below) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of the ascending `a[from, to)` (default: all of it) whose value is at least `x`. */
export function lowerBound(a: Int32Array, x: number, from = 0, to = a.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
