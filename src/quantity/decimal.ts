/**
 * @internal Exact integer helpers shared by the quantity files: powers of ten as doubles (exact up
 * to 10^22) and as BigInts (memoised), and the correctly rounded double of `c × 10^e`.
 */

/** The largest integer a double holds exactly, as a BigInt (for demoting BigInts to numbers). */
export const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/** 10^0 … 10^22: every one is exactly representable, so `c * POW10[e]` is correctly rounded. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

const pow10Cache: bigint[] = [];

/** 10^k as a BigInt (k ≥ 0); small powers are memoised because alignment uses them constantly. */
export function pow10n(k: number): bigint {
  if (k < 64) {
    let v = pow10Cache[k];
    if (v === undefined) {
      v = 10n ** BigInt(k);
      pow10Cache[k] = v;
    }
    return v;
  }
  return 10n ** BigInt(k);
}

/** |v| for a BigInt. */
export function absBig(v: bigint): bigint {
  return v < 0n ? -v : v;
}

/** Number of decimal digits of a BigInt's magnitude (0 has one digit). */
export function digitCount(v: bigint): number {
  return absBig(v).toString().length;
}

/**
 * The double nearest to `c × 10^e` (c a safe integer when `b` is undefined, else `b`). Every branch
 * is correctly rounded, hence monotone in the exact value: that is what lets `cmp` decide on the
 * doubles whenever they differ.
 */
export function nearestDouble(c: number, b: bigint | undefined, e: number): number {
  if (b !== undefined) return Number(`${b}e${e}`);
  if (e === 0 || c === 0) return c;
  if (e > 0 && e <= 22) return c * POW10[e]!;
  if (e < 0 && e >= -22) return c / POW10[-e]!;
  return Number(`${c}e${e}`);
}
