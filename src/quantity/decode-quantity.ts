/**
 * `decodeQuantity`: how the API server reads a quantity out of JSON (Kubernetes' `UnmarshalJSON`),
 * for values that JSON.parse / a YAML loader already produced.
 */
import { parseQuantity } from "./parse-quantity.js";
import type { Quantity } from "./quantity.js";
import { formatError } from "./quantity-error.js";

/** Go's `unicode.IsSpace` (what `strings.TrimSpace` trims): differs from JS `trim()` on U+0085/U+FEFF. */
function isGoSpace(ch: number): boolean {
  if (ch <= 0x20) return ch === 0x20 || (ch >= 0x09 && ch <= 0x0d);
  if (ch < 0x85) return false;
  return (
    ch === 0x85 ||
    ch === 0xa0 ||
    ch === 0x1680 ||
    (ch >= 0x2000 && ch <= 0x200a) ||
    ch === 0x2028 ||
    ch === 0x2029 ||
    ch === 0x202f ||
    ch === 0x205f ||
    ch === 0x3000
  );
}

/**
 * Trim leading and trailing whitespace as Go's `strings.TrimSpace` does (the API server's quantity
 * decoder trims JSON strings this way), so `" 10Gi\n"` is read as `10Gi`.
 *
 * @example
 * ```ts
 * trimGoSpace("\u00a010Gi "); // "10Gi"
 * ```
 */
export function trimGoSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * Decode a quantity the way the API server decodes one from JSON: `null` (and `undefined`) is zero;
 * a string has leading and trailing whitespace trimmed (so `" 1"` is accepted here although
 * {@link parseQuantity} rejects it); a number is parsed from its JavaScript spelling (`10`, `1.5`,
 * `1e+21`). Anything else throws the format error.
 *
 * Divergence: a JSON number has already lost its exact spelling once parsed by JavaScript, so a
 * number such as `1.500` is read as `1.5` and prints canonically (`1500m`), where Kubernetes, which
 * sees the raw bytes, would keep the text `1.500`. Strings are unaffected.
 *
 * @param value - a value from a parsed manifest
 * @throws QuantityError as {@link parseQuantity}, or the format error for other types
 * @example
 * ```ts
 * decodeQuantity(" 10Gi ").toString(); // "10Gi"
 * decodeQuantity(1.5).toString();      // "1500m"
 * decodeQuantity(null).isZero();       // true
 * ```
 */
export function decodeQuantity(value: unknown): Quantity {
  if (value === null || value === undefined) return parseQuantity("0");
  if (typeof value === "string") return parseQuantity(trimGoSpace(value));
  if (typeof value === "number" || typeof value === "bigint") return parseQuantity(String(value));
  throw formatError();
}
