/**
 * `parseQuantity`: Kubernetes' quantity scanner, by hand (no regular expression), in one pass over
 * the character codes, plus Kubernetes' rule for when the input text is kept as the printed form.
 */
import { POW10, pow10n } from "./decimal.js";
import type { QuantityFormat } from "./format.js";
import { MAX_QUANTITY_EXPONENT, MAX_QUANTITY_LENGTH } from "./limits.js";
import { type Quantity, makeQuantity, newQuantity } from "./quantity.js";
import { QuantityError, formatError, suffixError } from "./quantity-error.js";

const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** 2^63 − 1: the magnitude BinarySI values are capped at on parse. */
const MAX_INT64 = (1n << 63n) - 1n;

/** The characters a suffix may be made of: `e E i n u m k K M G T P`. */
const SUFFIX_LETTER = new Uint8Array(128);
for (const ch of "eEinumkKMGTP") SUFFIX_LETTER[ch.charCodeAt(0)] = 1;

/** No suffix entry for this character. */
const NONE = 127;
/** Decimal SI exponent by the character code of a one-letter suffix (NONE: not a suffix). */
const DECIMAL_EXPONENT = new Int8Array(128).fill(NONE);
/** Binary SI power of two by the first letter of a two-letter `?i` suffix (NONE: not a suffix). */
const BINARY_POWER = new Int8Array(128).fill(NONE);
/**
 * The longest integer part for which Kubernetes takes its int64 fast path with a binary suffix
 * (the only path on which it keeps the input text): Ki 11 digits, Mi 8, Gi 5, Ti 2, never Pi or Ei.
 * Indexed by the power of two / 10.
 */
const BINARY_FAST_DIGITS = [0, 11, 8, 5, 2, -1, -1];
/** 1024^k, indexed by the power of two / 10 (all exact doubles). */
const KIBI_POWERS = [1, 2 ** 10, 2 ** 20, 2 ** 30, 2 ** 40, 2 ** 50, 2 ** 60];
for (const [s, e] of [
  ["n", -9],
  ["u", -6],
  ["m", -3],
  ["k", 3],
  ["M", 6],
  ["G", 9],
  ["T", 12],
  ["P", 15],
  ["E", 18],
] as const) {
  DECIMAL_EXPONENT[s.charCodeAt(0)] = e;
}
for (const [s, p] of [
  ["K", 10],
  ["M", 20],
  ["G", 30],
  ["T", 40],
  ["P", 50],
  ["E", 60],
] as const)
  BINARY_POWER[s.charCodeAt(0)] = p;

/** Zero with the given format (the input text is not kept: Kubernetes keeps only `"0"` itself). */
const ZERO_QUANTITY: Record<QuantityFormat, Quantity> = {
  DecimalSI: newQuantity(0, undefined, 0, "DecimalSI", undefined),
  BinarySI: newQuantity(0, undefined, 0, "BinarySI", undefined),
  DecimalExponent: newQuantity(0, undefined, 0, "DecimalExponent", undefined),
};
const ZERO_TEXT = newQuantity(0, undefined, 0, "DecimalSI", "0");

/**
 * Parse a Kubernetes quantity (Kubernetes' `resource.ParseQuantity`), exactly.
 *
 * Grammar: an optional sign, digits with an optional `.` and fraction (`.5`, `1.`, `.` and even a
 * lone sign are accepted, the last two as zero), then an optional suffix: decimal SI
 * `n u m k M G T P E`, binary SI `Ki Mi Gi Ti Pi Ei`, or an exponent `e3` / `E-3` / `e+3`. No
 * whitespace. Values are rounded up (away from zero) to a whole nano; BinarySI values are capped
 * at 2^63−1 in magnitude; a BinarySI value below 1 becomes DecimalSI.
 *
 * The result remembers the input text when Kubernetes would (its "already canonical" heuristic),
 * so `toString()` returns e.g. `1.500k` or `+1Ki` unchanged; `canonical()` ignores it.
 *
 * Limits beyond Kubernetes (its grammar has none): at most {@link MAX_QUANTITY_LENGTH} characters,
 * exponents of magnitude at most {@link MAX_QUANTITY_EXPONENT} and values below 10^1001; beyond
 * them Kubernetes would accept the text (and, for large exponents, compute for a very long time
 * or silently truncate the exponent to 32 bits) while kubevol throws at once. No input makes a
 * call slow: the scan is linear in the bounded length and BigInts stay below ~2,100 digits.
 *
 * @param text - the quantity as written in a manifest (`"10Gi"`)
 * @throws QuantityError with Kubernetes' message: reason `"format"` (not shaped like a quantity,
 *   including the empty string and any whitespace) or `"suffix"` (unknown suffix such as `K`, `ki`,
 *   `e` alone, or an exponent beyond int64); reason `"limit"` for kubevol's own limits. A non-string
 *   argument throws the format error.
 * @example
 * ```ts
 * parseQuantity("10Gi").value();          // 10737418240n
 * parseQuantity("1.5Gi").toString();      // "1536Mi"
 * parseQuantity("0.1n").toString();       // "1n"   (rounded up to a nano)
 * parseQuantity("8Ei").toString();        // "9223372036854775807" (BinarySI cap)
 * parseQuantity("+1Ki").toString();       // "+1Ki" (kept as typed, as Kubernetes does)
 * parseQuantity("10 Gi");                 // throws QuantityError
 * ```
 */
export function parseQuantity(text: string): Quantity {
  if (typeof text !== "string") throw formatError();
  const len = text.length;
  if (len === 0) throw formatError();
  if (len > MAX_QUANTITY_LENGTH) {
    throw new QuantityError("limit", `quantity is too long: ${len} characters, at most ${MAX_QUANTITY_LENGTH} are accepted`);
  }
  if (len === 1 && text.charCodeAt(0) === ZERO) return ZERO_TEXT;

  let pos = 0;
  let negative = false;
  let ch = text.charCodeAt(0);
  if (ch === MINUS) {
    negative = true;
    pos = 1;
  } else if (ch === PLUS) {
    pos = 1;
  }
  while (pos < len && text.charCodeAt(pos) === ZERO) pos++;
  if (pos === len) return ZERO_QUANTITY.DecimalSI;

  // Integer and fraction digits; `acc` is their value while it has at most 15 digits (exact).
  let acc = 0;
  const intStart = pos;
  for (; pos < len; pos++) {
    ch = text.charCodeAt(pos);
    if (ch < ZERO || ch > NINE) break;
    acc = acc * 10 + (ch - ZERO);
  }
  const intEnd = pos;
  let fracStart = pos;
  let fracEnd = pos;
  if (pos < len && ch === DOT) {
    pos++;
    fracStart = pos;
    for (; pos < len; pos++) {
      ch = text.charCodeAt(pos);
      if (ch < ZERO || ch > NINE) break;
      acc = acc * 10 + (ch - ZERO);
    }
    fracEnd = pos;
  }

  // Suffix shape: letters, then an optional sign, then digits, reaching the end of the text.
  const sufStart = pos;
  while (pos < len && (ch = text.charCodeAt(pos)) < 128 && SUFFIX_LETTER[ch] === 1) pos++;
  const letterEnd = pos;
  if (pos < len && ((ch = text.charCodeAt(pos)) === PLUS || ch === MINUS)) pos++;
  for (; pos < len; pos++) {
    ch = text.charCodeAt(pos);
    if (ch < ZERO || ch > NINE) throw formatError();
  }

  const intLen = intEnd - intStart;
  const fracLen = fracEnd - fracStart;
  const sufLen = len - sufStart;
  const first = sufLen > 0 ? text.charCodeAt(sufStart) : 0;
  if (sufLen === 0) return decimal(text, negative, acc, intStart, intEnd, fracStart, fracEnd, 0, "DecimalSI");
  if (sufLen === 1) {
    const e = first < 128 ? DECIMAL_EXPONENT[first]! : NONE;
    if (e === NONE) throw suffixError();
    return decimal(text, negative, acc, intStart, intEnd, fracStart, fracEnd, e, "DecimalSI");
  }
  if (sufLen === 2 && text.charCodeAt(sufStart + 1) === 105 /* i */) {
    const p = first < 128 ? BINARY_POWER[first]! : NONE;
    if (p === NONE) throw suffixError();
    return binary(text, negative, acc, intLen, fracLen, intStart, intEnd, fracStart, fracEnd, p);
  }
  if ((first === 101 /* e */ || first === 69) /* E */ && letterEnd === sufStart + 1) {
    const e = exponent(text, sufStart + 1, len);
    return decimal(text, negative, acc, intStart, intEnd, fracStart, fracEnd, e, "DecimalExponent");
  }
  throw suffixError();
}

/**
 * The exponent after `e`/`E`: Go's `strconv.ParseInt(s, 10, 64)` (optional sign, at least one
 * digit, leading zeros allowed). Outside int64 it is Kubernetes' suffix error; inside int64 but
 * beyond {@link MAX_QUANTITY_EXPONENT} it is kubevol's limit error.
 */
function exponent(text: string, start: number, end: number): number {
  let pos = start;
  let negative = false;
  const ch = text.charCodeAt(pos);
  if (ch === PLUS || ch === MINUS) {
    negative = ch === MINUS;
    pos++;
  }
  if (pos === end) throw suffixError();
  while (pos < end - 1 && text.charCodeAt(pos) === ZERO) pos++;
  const digits = end - pos;
  if (digits <= 4) {
    const v = Number(text.slice(pos, end));
    if (v <= MAX_QUANTITY_EXPONENT) return negative ? -v : v;
  } else if (digits > 19 || (digits === 19 && text.slice(pos, end) > (negative ? "9223372036854775808" : "9223372036854775807"))) {
    throw suffixError();
  }
  const shown = `${negative ? "-" : ""}${text.slice(pos, end)}`;
  throw new QuantityError("limit", `quantity exponent ${shown} is out of range: at most ${MAX_QUANTITY_EXPONENT} in magnitude is accepted`);
}

/** A DecimalSI or DecimalExponent value: (int.frac digits) × 10^exp10, rounded up to a nano. */
function decimal(
  text: string,
  negative: boolean,
  acc: number,
  intStart: number,
  intEnd: number,
  fracStart: number,
  fracEnd: number,
  exp10: number,
  format: QuantityFormat,
): Quantity {
  const intLen = intEnd - intStart;
  const fracLen = fracEnd - fracStart;
  // The value is below 10^(intLen + exp10) (the integer digits have no leading zero).
  if (intLen + exp10 > MAX_QUANTITY_EXPONENT + 1) {
    throw new QuantityError("limit", `quantity is too large: its magnitude must be below 1e${MAX_QUANTITY_EXPONENT + 1}`);
  }
  const scale = exp10 - fracLen;
  const cached = keepsDecimalText(text, intLen, fracLen, fracEnd, scale) ? text : undefined;
  if (intLen + fracLen <= 15 && scale >= -9) {
    if (acc === 0) return ZERO_QUANTITY[format];
    return newQuantity(negative ? -acc : acc, undefined, scale, format, cached);
  }
  let m = digitsOf(text, intStart, intEnd, fracStart, fracEnd);
  let e = scale;
  if (e < -9) {
    m = divideAwayFromZero(m, pow10n(-9 - e));
    e = -9;
  }
  if (m === 0n) return ZERO_QUANTITY[format];
  return makeQuantity(negative ? -m : m, e, format, cached);
}

/**
 * Kubernetes keeps a decimal input verbatim iff it takes the int64 fast path (at most 18 digits
 * counting an empty integer part as "0", scale ≥ −9) and the text looks canonical: the scale is a
 * multiple of 3, the digits do not end in "000" and do not start with "0" (no integer digits).
 */
function keepsDecimalText(text: string, intLen: number, fracLen: number, fracEnd: number, scale: number): boolean {
  if (intLen === 0 || intLen + fracLen > 18 || scale < -9 || scale % 3 !== 0) return false;
  if (intLen + fracLen < 3) return true;
  // The last three digits of int+frac: the fraction's tail, then the integer part's (a '.' sits
  // between them in the text and is skipped).
  let zeros = 0;
  for (let i = fracEnd - 1, seen = 0; seen < 3; i--) {
    const ch = text.charCodeAt(i);
    if (ch === DOT) continue;
    if (ch !== ZERO) return true;
    zeros++;
    seen++;
  }
  return zeros < 3;
}

/** A BinarySI value: (int.frac digits) × 2^pow2, rounded up to a nano, capped, maybe DecimalSI. */
function binary(
  text: string,
  negative: boolean,
  acc: number,
  intLen: number,
  fracLen: number,
  intStart: number,
  intEnd: number,
  fracStart: number,
  fracEnd: number,
  pow2: number,
): Quantity {
  // Kubernetes keeps the text on its int64 fast path when the integer is not a multiple of 8.
  const k = pow2 / 10;
  const keep = fracLen === 0 && intLen <= BINARY_FAST_DIGITS[k]! && acc % 8 !== 0;
  if (intLen + fracLen <= 15 && fracLen <= 9) {
    // value = acc × 2^pow2 × 10^−fracLen exactly, and no rounding is needed (scale ≥ −9); the
    // 2^63−1 cap cannot apply below 2^53.
    const v = acc * KIBI_POWERS[k]!;
    if (v <= MAX_SAFE) {
      if (v === 0) return ZERO_QUANTITY.BinarySI;
      // Between 0 and 1 a binary suffix cannot be used: Kubernetes switches to DecimalSI.
      const format: QuantityFormat = fracLen > 0 && v < POW10[fracLen]! ? "DecimalSI" : "BinarySI";
      return newQuantity(negative ? -v : v, undefined, -fracLen, format, keep ? text : undefined);
    }
  }
  // Exact: nanos = digits × 2^pow2 × 10^(9 − fracLen), rounded away from zero when fracLen > 9.
  const digits = digitsOf(text, intStart, intEnd, fracStart, fracEnd);
  let nanos = digits << BigInt(pow2);
  nanos = fracLen <= 9 ? nanos * pow10n(9 - fracLen) : divideAwayFromZero(nanos, pow10n(fracLen - 9));
  if (nanos === 0n) return ZERO_QUANTITY.BinarySI;
  const billion = pow10n(9);
  if (nanos > MAX_INT64 * billion) return makeQuantity(negative ? -MAX_INT64 : MAX_INT64, 0, "BinarySI");
  // Between 0 and 1 a binary suffix cannot be used: Kubernetes switches to DecimalSI.
  const format: QuantityFormat = nanos < billion ? "DecimalSI" : "BinarySI";
  return makeQuantity(negative ? -nanos : nanos, -9, format, keep ? text : undefined);
}

/** The integer formed by the integer and fraction digits (sign excluded). */
function digitsOf(text: string, intStart: number, intEnd: number, fracStart: number, fracEnd: number): bigint {
  const s = text.slice(intStart, intEnd) + text.slice(fracStart, fracEnd);
  return s.length === 0 ? 0n : BigInt(s);
}

/** ⌈m / d⌉ for m ≥ 0 (rounding away from zero of the magnitude). */
function divideAwayFromZero(m: bigint, d: bigint): bigint {
  const q = m / d;
  return q * d === m ? q : q + 1n;
}
