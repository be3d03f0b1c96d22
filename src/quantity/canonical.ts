/**
 * @internal The canonical rendering of an exact value (Kubernetes' `CanonicalizeBytes`), without the
 * cached input string: the largest suffix that keeps the mantissa an integer.
 */
import type { QuantityFormat } from "./format.js";

const DECIMAL_SI_SUFFIXES = ["n", "u", "m", "", "k", "M", "G", "T", "P", "E"] as const;
const BINARY_SI_SUFFIXES = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"] as const;

/**
 * Render `c × 10^e` (c a safe integer, or `b` when defined) in `format`.
 *
 * Two deliberate departures from Go, both where Go prints a different number than it holds:
 * DecimalSI values with an exponent above 18 use the `e<n>` form (`1000E` → `1e21`; newer
 * apimachinery does the same, older releases printed `1`), and BinarySI values of 1024Ei and more
 * keep the `Ei` suffix (`1024Ei`) where Go has no suffix for 2^70 and drops it.
 */
export function renderCanonical(c: number, b: bigint | undefined, e: number, format: QuantityFormat): string {
  if (b === undefined && c === 0) return "0";
  const negative = b === undefined ? c < 0 : b < 0n;
  let digits = b === undefined ? String(negative ? -c : c) : (negative ? -b : b).toString();
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  if (end !== digits.length) {
    e += digits.length - end;
    digits = digits.slice(0, end);
  }
  const sign = negative ? "-" : "";
  if (format === "BinarySI") {
    // Below 1024 or fractional, a binary suffix would need rounding: Kubernetes shows DecimalSI.
    if (e >= 0 && !belowKibi(digits, e)) return sign + renderBinary(digits, e);
    return sign + renderDecimal(digits, e, "DecimalSI");
  }
  return sign + renderDecimal(digits, e, format);
}

/** Is the integer `digits × 10^e` (e ≥ 0) below 1024? */
function belowKibi(digits: string, e: number): boolean {
  if (digits.length + e > 4) return false;
  return Number(digits) * 10 ** e < 1024;
}

/** Binary rendering of the integer `digits × 10^e`: divide by 1024 while exact (at most up to Ei). */
function renderBinary(digits: string, e: number): string {
  const text = e === 0 ? digits : digits + "0".repeat(e);
  let k = 0;
  if (text.length <= 15) {
    let v = Number(text);
    while (k < 6 && v % 1024 === 0) {
      v /= 1024;
      k++;
    }
    return String(v) + BINARY_SI_SUFFIXES[k]!;
  }
  let v = BigInt(text);
  while (k < 6 && (v & 1023n) === 0n) {
    v >>= 10n;
    k++;
  }
  return v.toString() + BINARY_SI_SUFFIXES[k]!;
}

/** Decimal rendering: lower the exponent to a multiple of 3, then pick the suffix. */
function renderDecimal(digits: string, e: number, format: QuantityFormat): string {
  const r = ((e % 3) + 3) % 3;
  const e3 = e - r;
  const mantissa = r === 0 ? digits : r === 1 ? digits + "0" : digits + "00";
  if (e3 === 0) return mantissa;
  if (format === "DecimalSI" && e3 >= -9 && e3 <= 18) return mantissa + DECIMAL_SI_SUFFIXES[(e3 + 9) / 3]!;
  return `${mantissa}e${e3}`;
}
