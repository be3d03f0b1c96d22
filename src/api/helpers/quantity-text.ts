/**
 * Turning a quantity as it arrives in a parsed manifest (string or JSON number) into quantity text.
 * Kept free of zod so that helpers can use it.
 *
 * @module
 */
import { QUANTITY_FORMAT_MESSAGE, QuantityError, trimGoSpace } from "../../quantity/index.js";

/**
 * Trim leading and trailing whitespace as the API server's quantity decoder does (Go's
 * `strings.TrimSpace`), so `" 10Gi "` in JSON is read as `10Gi`.
 *
 * @param text - quantity text from a manifest
 * @returns the text without surrounding whitespace
 * @example
 * ```ts
 * trimQuantityText(" 10Gi\n"); // "10Gi"
 * ```
 */
export function trimQuantityText(text: string): string {
  return trimGoSpace(text);
}

/**
 * The plain decimal text of a finite JSON number, for use as quantity text.
 *
 * The digits are JavaScript's shortest round-trip spelling of the number (what `String(n)` shows),
 * written out positionally without an exponent: `10737418240` → `"10737418240"`, `1.5` → `"1.5"`,
 * `1e21` → `"1000000000000000000000"`, `1.5e-7` → `"0.00000015"`, `-0` → `"0"`. So every number
 * yields a DecimalSI quantity equal to the number as written in the manifest whenever the manifest
 * spelled it with at most 17 significant digits (integers up to 2^53 are always exact). The API
 * server, which sees the raw JSON text, would keep an exponent spelling (`1e3` → DecimalExponent);
 * the value is the same, only the format tag can differ. Use strings for exact large quantities.
 *
 * @param n - a JSON number
 * @returns its decimal text
 * @throws QuantityError (the format error) for `NaN` and ±`Infinity`
 * @example
 * ```ts
 * numberToQuantityText(1073741824); // "1073741824"
 * numberToQuantityText(2.5e-3);     // "0.0025"
 * numberToQuantityText(1e21);       // "1000000000000000000000"
 * ```
 */
export function numberToQuantityText(n: number): string {
  if (typeof n !== "number" || !Number.isFinite(n)) throw new QuantityError("format", QUANTITY_FORMAT_MESSAGE);
  if (n === 0) return "0";
  const sign = n < 0 ? "-" : "";
  const text = String(Math.abs(n));
  const e = text.indexOf("e");
  if (e < 0) return sign + text;
  // "d.ddde±x": move the decimal point x places.
  const mantissa = text.slice(0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const pointAt = (dot < 0 ? mantissa.length : dot) + exponent;
  if (pointAt <= 0) return `${sign}0.${"0".repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return sign + digits + "0".repeat(pointAt - digits.length);
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/**
 * The quantity text of a value from a parsed manifest: a string is trimmed as the API server does;
 * a finite number is written out by {@link numberToQuantityText}. The text is not checked here.
 *
 * @param value - a string or number
 * @returns quantity text
 * @throws QuantityError (the format error) for anything else, `NaN` and ±`Infinity`
 * @example
 * ```ts
 * quantityText(" 5Gi"); // "5Gi"
 * quantityText(1000);   // "1000"
 * ```
 */
export function quantityText(value: unknown): string {
  if (typeof value === "string") return trimQuantityText(value);
  if (typeof value === "number") return numberToQuantityText(value);
  throw new QuantityError("format", QUANTITY_FORMAT_MESSAGE);
}
