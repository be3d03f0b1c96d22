/**
 * Go's `strconv.ParseInt(s, 10, 64)` for the `Gt` / `Lt` operators, without allocating on the
 * common path (values of up to 15 digits are exact doubles). Internal to the labels layer.
 *
 * @module
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Parse a base-10 int64 the way Go does: optional `+`/`-`, one or more ASCII digits, nothing else,
 * in range. Returns a number when it is exactly representable (≤ 15 digits), a bigint otherwise,
 * `undefined` when Go would fail.
 *
 * @example
 * ```ts
 * parseInt64("+05");                  // 5
 * parseInt64("9223372036854775807");  // 9223372036854775807n
 * parseInt64("1.0");                  // undefined
 * ```
 */
export function parseInt64(s: string): number | bigint | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 0x2b || c0 === 0x2d) {
    if (n === 1) return undefined;
    i = 1;
  }
  for (let j = i; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 0x30 || c > 0x39) return undefined;
  }
  if (n - i <= 15) return Number(s);
  const b = BigInt(s);
  if (b < INT64_MIN || b > INT64_MAX) return undefined;
  return b;
}

/**
 * Compare two parsed int64 values: negative, zero or positive.
 *
 * @example
 * ```ts
 * compareInt64(2, 10n) < 0; // true
 * ```
 */
export function compareInt64(a: number | bigint, b: number | bigint): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
