/**
 * The exact quantity value (Kubernetes' `resource.Quantity`): a signed integer coefficient times a
 * power of ten, never a floating-point number. Coefficients that fit a double exactly are kept as
 * `number` (the common case, no BigInt work); larger ones as `bigint`.
 */
import { renderCanonical } from "./canonical.js";
import { MAX_SAFE_BIG, POW10, absBig, digitCount, nearestDouble, pow10n } from "./decimal.js";
import type { QuantityFormat } from "./format.js";
import { QuantityError } from "./quantity-error.js";

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The cross-realm brand on `Quantity.prototype` (see {@link isQuantity}). */
const BRAND = Symbol.for("kubevol.Quantity");

/**
 * The representation of a quantity. The class declares none of it, so none of it is in the
 * published declarations; the fields are ordinary properties (not `#private`), so every copy of
 * kubevol reads a quantity of any other copy.
 */
interface Repr {
  readonly format: QuantityFormat;
  /** Coefficient when `_b` is undefined (a safe integer, never −0). */
  readonly _c: number;
  /** Coefficient when it does not fit a double exactly (never within the safe range). */
  readonly _b: bigint | undefined;
  /** Power of ten (≥ −9 for every quantity kubevol makes). */
  readonly _e: number;
  /** The nearest double to the value: monotone, so unequal keys decide `cmp`. */
  readonly _k: number;
  /** True when `_k` is exactly the value (an integer of magnitude ≤ 2^53 − 1). */
  readonly _x: boolean;
  /** The input text kept by Kubernetes' "already canonical" heuristic, if any. */
  readonly _s: string | undefined;
  /** Memoised canonical form. */
  readonly _canon: string | undefined;
}

type MutableRepr = { -readonly [K in keyof Repr]: Repr[K] };

/**
 * @internal `new Quantity(c, b, e, format, cached)` for this module and parse-quantity.ts (the
 * constructor is private): a quantity `c × 10^e` (or `b × 10^e`); the caller guarantees the
 * representation invariants. Set by the class's static block, before any import can call it.
 */
export let newQuantity: (c: number, b: bigint | undefined, e: number, format: QuantityFormat, cached: string | undefined) => Quantity;

/**
 * An exact, immutable Kubernetes resource quantity (`10Gi`, `500G`, `1.5`, `100m`, `1e3`).
 *
 * The value is exact at any size: a coefficient (a double-safe integer or a BigInt) times a power of
 * ten, rounded on parse up to a whole nano (`10^-9`) as Kubernetes does. `format` only decides how
 * the value prints. Instances are immutable; every operation returns a new quantity.
 *
 * Create one with {@link parseQuantity} or {@link Quantity.fromValue}; the constructor is internal.
 *
 * Differences from Kubernetes (all where Kubernetes returns a different number than it holds):
 * - `toString()` of a DecimalSI value with an exponent above 18 prints the `e<n>` form (`1000E` →
 *   `1e21`) where older Kubernetes releases printed `1` (newer apimachinery prints `1e21` too).
 * - A BinarySI value of 1024Ei or more prints with an `Ei` suffix (`1024Ei`); Kubernetes drops the
 *   suffix. Such values only arise from arithmetic, since parsing caps BinarySI at 2^63−1.
 * - `value()` and `milliValue()` return exact BigInts where Kubernetes' int64 would overflow or
 *   depend on its internal representation (`-1.1Ki` is −1127 here, −1125 in Kubernetes).
 *
 * @example
 * ```ts
 * const cap = parseQuantity("10Gi");
 * cap.cmp(parseQuantity("10G"));        // 1   (10 × 2^30 > 10 × 10^9)
 * cap.add(parseQuantity("512Mi")).toString(); // "10752Mi"
 * cap.value();                           // 10737418240n
 * ```
 */
export class Quantity {
  /** How the value prints (see {@link QuantityFormat}); never affects comparison. */
  readonly format: QuantityFormat;

  /**
   * Use {@link parseQuantity} or {@link Quantity.fromValue}. The value is `c × 10^e`, or `b × 10^e`
   * when `b` is defined; callers guarantee the representation invariants.
   */
  private constructor(c: number, b: bigint | undefined, e: number, format: QuantityFormat, cached: string | undefined) {
    this.format = format;
    const r = this as unknown as MutableRepr;
    r._c = c;
    r._b = b;
    r._e = e;
    const k = nearestDouble(c, b, e);
    r._k = k;
    r._x = b === undefined && e >= 0 && k <= MAX_SAFE && k >= -MAX_SAFE;
    r._s = cached;
    r._canon = undefined;
  }

  static {
    newQuantity = (c, b, e, format, cached) => new Quantity(c, b, e, format, cached);
    // Non-enumerable, on the prototype: the brand of every copy (see isQuantity).
    Object.defineProperty(Quantity.prototype, BRAND, { value: true });
  }

  /**
   * `x instanceof Quantity` is {@link isQuantity}`(x)`: true for a quantity made by any copy of
   * kubevol loaded in the process (an ES module and a CommonJS copy, two installed versions, a
   * bundle), not only by this one.
   *
   * @example
   * ```ts
   * parseQuantity("1Gi") instanceof Quantity; // true, whichever copy made it
   * ```
   */
  static [Symbol.hasInstance](x: unknown): boolean {
    return isQuantity(x);
  }

  /**
   * A quantity holding the integer `n` (exact: a `number` must be an integer, a `bigint` may be any
   * size). Nothing is capped, not even BinarySI (Kubernetes' `NewQuantity` takes an int64 and never
   * caps either). An unknown `format` string is treated as `"DecimalExponent"`, as Kubernetes prints
   * unknown formats.
   *
   * @param n - the integer value, in base units (bytes for storage)
   * @param format - how it prints; defaults to `"DecimalSI"`
   * @throws QuantityError (reason `"argument"`) when `n` is not an integer number or a bigint
   * @example
   * ```ts
   * Quantity.fromValue(1024, "BinarySI").toString();  // "1Ki"
   * Quantity.fromValue(1536, "BinarySI").toString();  // "1536"
   * Quantity.fromValue(1_234_000).toString();         // "1234k"
   * Quantity.fromValue(10n ** 21n).toString();        // "1e21"
   * ```
   */
  static fromValue(n: bigint | number, format: QuantityFormat = "DecimalSI"): Quantity {
    const fmt = knownFormat(format);
    if (typeof n === "bigint") return makeQuantity(n, 0, fmt);
    if (typeof n === "number" && Number.isInteger(n)) {
      if (n >= -MAX_SAFE && n <= MAX_SAFE) return new Quantity(n === 0 ? 0 : n, undefined, 0, fmt, undefined);
      return makeQuantity(BigInt(n), 0, fmt);
    }
    const shown = typeof n === "number" ? String(n) : typeof n;
    throw new QuantityError("argument", `quantity value must be an integer, got ${shown}`);
  }

  /**
   * What the Kubernetes API server stores and prints for this quantity: the input text itself when
   * Kubernetes' "already canonical" heuristic keeps it (`1.500k`, `+1Ki`, `01`, `1e3` come back as
   * typed), else {@link Quantity.canonical}. Results of arithmetic always print canonically.
   *
   * Divergence: where Kubernetes prints a wrong number (DecimalSI exponents above 18, e.g. `1000E`,
   * which older releases print as `1`), this prints the exact `1e21` form instead.
   *
   * @example
   * ```ts
   * parseQuantity("1.500k").toString();  // "1.500k" (kept as typed)
   * parseQuantity("1000").toString();    // "1k"
   * parseQuantity("1024Ki").toString();  // "1Mi"
   * parseQuantity("1000E").toString();   // "1e21"
   * ```
   */
  toString(): string {
    return (this as unknown as Repr)._s ?? this.canonical();
  }

  /**
   * The pure canonical form (Kubernetes' `CanonicalizeBytes`), ignoring the text the quantity was
   * parsed from: the largest suffix of the format that keeps an integer mantissa; BinarySI values
   * below 1024 or with a fraction print as DecimalSI. Idempotent: parsing the result gives the same
   * value and the same canonical form.
   *
   * @example
   * ```ts
   * parseQuantity("1.500k").canonical(); // "1500"
   * parseQuantity("1.5Gi").canonical();  // "1536Mi"
   * parseQuantity("0.5").canonical();    // "500m"
   * parseQuantity("1e4").canonical();    // "10e3"
   * ```
   */
  canonical(): string {
    const r = this as unknown as MutableRepr;
    let s = r._canon;
    if (s === undefined) {
      s = renderCanonical(r._c, r._b, r._e, this.format);
      r._canon = s;
    }
    return s;
  }

  /**
   * The JSON encoding: the same string as {@link Quantity.toString} (Kubernetes encodes quantities
   * as JSON strings).
   *
   * @example
   * ```ts
   * JSON.stringify({ storage: parseQuantity("10Gi") }); // '{"storage":"10Gi"}'
   * ```
   */
  toJSON(): string {
    return this.toString();
  }

  /**
   * Exact three-way comparison of the values; format and input text are ignored. Cheap: decided on
   * the cached nearest doubles whenever they differ (rounding to nearest is monotone), with an
   * exact coefficient comparison only for ties.
   *
   * @returns −1 if this < o, 0 if equal, 1 if this > o
   * @example
   * ```ts
   * parseQuantity("1Gi").cmp(parseQuantity("1024Mi")); // 0
   * parseQuantity("1G").cmp(parseQuantity("1Gi"));     // -1
   * parseQuantity("950E").cmp(parseQuantity("800E"));  // 1 (beyond int64, still exact)
   * ```
   */
  cmp(o: Quantity): -1 | 0 | 1 {
    const p = this as unknown as Repr;
    const q = o as unknown as Repr;
    const a = p._k;
    const b = q._k;
    if (a < b) return -1;
    if (a > b) return 1;
    if (p._x && q._x) return 0;
    return exactCmp(p, q);
  }

  /**
   * Whether the two values are equal (`cmp(o) === 0`); Kubernetes' `Equal`.
   *
   * @example
   * ```ts
   * parseQuantity("1k").equal(parseQuantity("1e3")); // true
   * ```
   */
  equal(o: Quantity): boolean {
    return this.cmp(o) === 0;
  }

  /**
   * The exact sum. The result keeps this quantity's format, except that a zero receiver takes
   * `o`'s format (Kubernetes' `Add`); it prints canonically. No cap applies.
   *
   * @example
   * ```ts
   * parseQuantity("1Gi").add(parseQuantity("512Mi")).toString(); // "1536Mi"
   * parseQuantity("1G").add(parseQuantity("1Gi")).toString();    // "2073741824"
   * parseQuantity("0").add(parseQuantity("1Gi")).toString();     // "1Gi"
   * ```
   */
  add(o: Quantity): Quantity {
    return combine(this as unknown as Repr, o as unknown as Repr, false);
  }

  /**
   * The exact difference `this − o`, with the same format rule as {@link Quantity.add}.
   *
   * @example
   * ```ts
   * parseQuantity("1Ki").sub(parseQuantity("1")).toString();  // "1023"
   * parseQuantity("0").sub(parseQuantity("1Gi")).toString();  // "-1Gi"
   * ```
   */
  sub(o: Quantity): Quantity {
    return combine(this as unknown as Repr, o as unknown as Repr, true);
  }

  /**
   * The negated value, same format, printed canonically.
   *
   * @example
   * ```ts
   * parseQuantity("9.01").neg().toString(); // "-9010m"
   * ```
   */
  neg(): Quantity {
    const r = this as unknown as Repr;
    if (r._b !== undefined) return new Quantity(0, -r._b, r._e, this.format, undefined);
    return new Quantity(r._c === 0 ? 0 : -r._c, undefined, r._e, this.format, undefined);
  }

  /**
   * The sign of the value.
   *
   * @example
   * ```ts
   * parseQuantity("-1m").sign(); // -1
   * parseQuantity("-0").sign();  // 0
   * ```
   */
  sign(): -1 | 0 | 1 {
    const r = this as unknown as Repr;
    if (r._b !== undefined) return r._b > 0n ? 1 : -1;
    return r._c > 0 ? 1 : r._c < 0 ? -1 : 0;
  }

  /**
   * Whether the value is zero (`0`, `-0`, `0Ki`, `0m`, `-`, ...).
   *
   * @example
   * ```ts
   * parseQuantity("0Gi").isZero(); // true
   * ```
   */
  isZero(): boolean {
    const r = this as unknown as Repr;
    return r._b === undefined && r._c === 0;
  }

  /**
   * The value rounded to an integer away from zero (Kubernetes' `Value()`: `1.5` → 2, `-1.5` → −2,
   * `1n` → 1), as an exact BigInt. Where Kubernetes' int64 would overflow (beyond ±2^63) or its
   * result depends on the internal representation (negative fractions held as big decimals, e.g.
   * `-1.1Ki` → −1125 in Go), this returns the exact mathematical result instead.
   *
   * @example
   * ```ts
   * parseQuantity("10Gi").value();  // 10737418240n
   * parseQuantity("1.5").value();   // 2n
   * parseQuantity("-1.5").value();  // -2n
   * parseQuantity("200E").value();  // 200000000000000000000n (Kubernetes overflows)
   * ```
   */
  value(): bigint {
    return ceilScaled(this as unknown as Repr, 0);
  }

  /**
   * `value × 1000` rounded to an integer away from zero (Kubernetes' `MilliValue()`), exact: no
   * silent int64 overflow above 9223372036854775 as in Kubernetes.
   *
   * @example
   * ```ts
   * parseQuantity("100m").milliValue(); // 100n
   * parseQuantity("1n").milliValue();   // 1n
   * parseQuantity("1.5").milliValue();  // 1500n
   * ```
   */
  milliValue(): bigint {
    return ceilScaled(this as unknown as Repr, -3);
  }

  /**
   * The nearest double to the value (`±Infinity` beyond the double range). Only for ordering
   * heuristics and display: it loses precision above 2^53 and for most fractions, so never use it to
   * decide whether a volume fits a claim — use {@link Quantity.cmp}. It is correctly rounded and
   * therefore monotone: `a.cmp(b) < 0` implies `a.toNumber() <= b.toNumber()` (an index may bucket
   * by it and settle ties with `cmp`).
   *
   * @example
   * ```ts
   * parseQuantity("1.5Gi").toNumber(); // 1610612736
   * parseQuantity("100m").toNumber();  // 0.1
   * ```
   */
  toNumber(): number {
    return (this as unknown as Repr)._k;
  }
}

/**
 * Whether `q.toNumber()` is known to be exactly the value without a comparison: an integer of
 * magnitude at most 2^53 − 1 held as a number (internal: callers outside the quantity layer use it
 * as a fast path and fall back to `cmp`).
 *
 * @internal
 * @example
 * ```ts
 * numberIsExact(parseQuantity("10Gi")); // true
 * ```
 */
export function numberIsExact(q: Quantity): boolean {
  return (q as unknown as Repr)._x;
}

/** A quantity from a BigInt coefficient, demoted to the number representation when safe (internal to the quantity layer). */
export function makeQuantity(b: bigint, e: number, format: QuantityFormat, cached?: string): Quantity {
  if (b >= -MAX_SAFE_BIG && b <= MAX_SAFE_BIG) {
    const c = Number(b);
    return newQuantity(c, undefined, c === 0 ? 0 : e, format, cached);
  }
  return newQuantity(0, b, e, format, cached);
}

/** The coefficient as a BigInt. */
function coefficient(q: Repr): bigint {
  return q._b ?? BigInt(q._c);
}

function knownFormat(f: unknown): QuantityFormat {
  return f === "DecimalSI" || f === "BinarySI" ? f : "DecimalExponent";
}

/** The exact comparison behind `cmp` when the nearest doubles tie. */
function exactCmp(p: Repr, q: Repr): -1 | 0 | 1 {
  const sp = reprSign(p);
  const sq = reprSign(q);
  if (sp !== sq) return sp < sq ? -1 : 1;
  if (sp === 0) return 0;
  if (p._b === undefined && q._b === undefined && p._e === q._e) return p._c < q._c ? -1 : p._c > q._c ? 1 : 0;
  let a = coefficient(p);
  let b = coefficient(q);
  if (p._e !== q._e) {
    // Different orders of magnitude decide without scaling (keeps 1e1000 vs 1n cheap).
    const oa = digitCount(a) + p._e;
    const ob = digitCount(b) + q._e;
    if (oa !== ob) return (oa < ob ? -sp : sp) as -1 | 1;
    if (p._e > q._e) a *= pow10n(p._e - q._e);
    else b *= pow10n(q._e - p._e);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `p + q` or `p − q`, exact, with Kubernetes' format rule (a zero receiver adopts q's format). */
function combine(p: Repr, q: Repr, negate: boolean): Quantity {
  const format = p._b === undefined && p._c === 0 ? q.format : p.format;
  if (p._b === undefined && q._b === undefined) {
    // Align the coefficients in doubles while they stay safe integers (then every step is exact).
    const e = Math.min(p._e, q._e);
    const x = p._e - e <= 15 ? p._c * POW10[p._e - e]! : Infinity;
    const y = q._e - e <= 15 ? q._c * POW10[q._e - e]! : Infinity;
    if (x >= -MAX_SAFE && x <= MAX_SAFE && y >= -MAX_SAFE && y <= MAX_SAFE) {
      const s = negate ? x - y : x + y;
      if (s >= -MAX_SAFE && s <= MAX_SAFE) return newQuantity(s === 0 ? 0 : s, undefined, s === 0 ? 0 : e, format, undefined);
    }
    if (q._c === 0) return newQuantity(p._c, undefined, p._e, format, undefined);
    if (p._c === 0) return newQuantity(negate && q._c !== 0 ? -q._c : q._c, undefined, q._e, format, undefined);
  }
  let a = coefficient(p);
  let b = coefficient(q);
  const e = Math.min(p._e, q._e);
  if (p._e > e) a *= pow10n(p._e - e);
  if (q._e > e) b *= pow10n(q._e - e);
  return makeQuantity(negate ? a - b : a + b, e, format);
}

/** `value / 10^scale` rounded to an integer away from zero, exact. */
function ceilScaled(q: Repr, scale: number): bigint {
  const shift = q._e - scale;
  if (q._b === undefined) {
    const c = q._c;
    if (c === 0) return 0n;
    if (shift >= 0) {
      if (shift <= 22) {
        const v = c * POW10[shift]!;
        if (v >= -MAX_SAFE && v <= MAX_SAFE) return BigInt(v);
      }
      return BigInt(c) * pow10n(shift);
    }
    if (shift >= -15) {
      // Integer division with doubles: `%` is exact and (c − r) / d is an exact integer quotient.
      const d = POW10[-shift]!;
      const r = c % d;
      let t = (c - r) / d;
      if (r !== 0) t += c > 0 ? 1 : -1;
      return BigInt(t);
    }
  }
  const c = coefficient(q);
  if (shift >= 0) return c * pow10n(shift);
  const d = pow10n(-shift);
  const m = absBig(c);
  let t = m / d;
  if (t * d !== m) t += 1n;
  return c < 0n ? -t : t;
}

/** The sign of a representation (`Quantity.sign`). */
function reprSign(r: Repr): -1 | 0 | 1 {
  if (r._b !== undefined) return r._b > 0n ? 1 : -1;
  return r._c > 0 ? 1 : r._c < 0 ? -1 : 0;
}

/**
 * Whether `x` is a {@link Quantity} made by any copy of kubevol in the process (this module, the
 * CommonJS entry, another installed version, a bundle): the test is the brand
 * `Symbol.for("kubevol.Quantity")` every copy puts on its `Quantity.prototype`, not the class
 * identity. `x instanceof Quantity` answers the same.
 *
 * Copies agree on the representation, so a quantity of one copy can be passed to the methods of
 * another (`a.cmp(b)`, `a.add(b)`).
 *
 * @param x - any value
 * @returns whether `x` is a quantity
 * @example
 * ```ts
 * isQuantity(parseQuantity("10Gi")); // true
 * isQuantity("10Gi");                // false (text, not a parsed quantity)
 * ```
 */
export function isQuantity(x: unknown): x is Quantity {
  return typeof x === "object" && x !== null && (x as { [BRAND]?: unknown })[BRAND] === true;
}
