/**
 * The value of a plain quantity text as a number, without building a `Quantity`: the fast path
 * for code that reads a million capacities and only needs to compare them.
 *
 * @module
 */

const ZERO = 48;
const NINE = 57;
const LOWER_I = 105;

/** Decimal SI multipliers by the character code of a one-letter suffix (0: not one). */
const DECIMAL = new Float64Array(128);
/** Binary SI multipliers by the first letter of a two-letter `?i` suffix (0: not one). */
const BINARY = new Float64Array(128);
for (const [s, m] of [
  ["k", 1e3],
  ["M", 1e6],
  ["G", 1e9],
  ["T", 1e12],
  ["P", 1e15],
  ["E", 1e18],
] as const) {
  DECIMAL[s.charCodeAt(0)] = m;
}
for (const [s, m] of [
  ["K", 2 ** 10],
  ["M", 2 ** 20],
  ["G", 2 ** 30],
  ["T", 2 ** 40],
  ["P", 2 ** 50],
  ["E", 2 ** 60],
] as const) {
  BINARY[s.charCodeAt(0)] = m;
}

/**
 * The exact value of a quantity text of the plainest form — decimal digits (at most 15) and an
 * optional suffix `k M G T P E Ki Mi Gi Ti Pi Ei` — when that value is an integer of at most
 * 2^53 − 1; otherwise −1 (the text has a sign, a fraction, an exponent, another suffix, is not a
 * quantity at all, or its value is not a safe integer: use `parseQuantity`). Where it answers, it
 * answers what `parseQuantity(text).toNumber()` does. Allocates nothing.
 *
 * @param text - the quantity text (`"10Gi"`)
 * @returns the value, or −1
 * @example
 * ```ts
 * quantityIntegerValue("10Gi");  // 10737418240
 * quantityIntegerValue("1.5Gi"); // -1 (use parseQuantity)
 * quantityIntegerValue("ten");   // -1
 * ```
 */
export function quantityIntegerValue(text: string): number {
  if (typeof text !== "string") return -1;
  const len = text.length;
  let i = 0;
  let n = 0;
  while (i < len) {
    const ch = text.charCodeAt(i);
    if (ch < ZERO || ch > NINE) break;
    n = n * 10 + (ch - ZERO);
    i++;
  }
  if (i === 0 || i > 15) return -1;
  if (i === len) return n;
  const s = text.charCodeAt(i);
  let m = 0;
  if (i + 1 === len) m = s < 128 ? DECIMAL[s]! : 0;
  else if (i + 2 === len && text.charCodeAt(i + 1) === LOWER_I) m = s < 128 ? BINARY[s]! : 0;
  if (m === 0) return -1;
  const v = n * m;
  return v <= Number.MAX_SAFE_INTEGER ? v : -1;
}
