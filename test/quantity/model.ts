/**
 * An independent, deliberately naive model of quantity values for the tests: exact rationals as
 * BigInt nanos, written straight from upstream's value semantics (kubernetes/apimachinery pkg/api/resource/quantity.go) without any of the implementation's
 * fast paths.
 */
import type { Quantity } from "../../src/quantity/index.js";

export const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
export const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
export const MAX_INT64 = 2n ** 63n - 1n;
const BILLION = 10n ** 9n;

/** ⌈|n / d|⌉ with the sign of n/d (d > 0): rounding away from zero. */
export function divAwayFromZero(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const m = neg ? -n : n;
  let q = m / d;
  if (q * d !== m) q += 1n;
  return neg ? -q : q;
}

/** The parts of a syntactically valid quantity as a generator builds them. */
export interface QuantityParts {
  sign: "" | "+" | "-";
  int: string;
  dot: boolean;
  frac: string;
  suffix: string; // "", a decimal or binary SI suffix, or e/E + optional sign + digits
}

export function partsText(p: QuantityParts): string {
  return p.sign + p.int + (p.dot ? "." + p.frac : "") + p.suffix;
}

/** The exact value in nanos and the format the reference says parsing produces. */
export function modelParse(p: QuantityParts): { nanos: bigint; format: string } {
  const digits = BigInt(p.int + (p.dot ? p.frac : "") || "0");
  const fracLen = p.dot ? p.frac.length : 0;
  let num = digits * BILLION;
  let den = 10n ** BigInt(fracLen);
  let format: string;
  if (p.suffix in BINARY_SUFFIXES) {
    num *= 2n ** BigInt(BINARY_SUFFIXES[p.suffix]!);
    format = "BinarySI";
  } else {
    let exp: number;
    if (p.suffix in DECIMAL_SUFFIXES) {
      exp = DECIMAL_SUFFIXES[p.suffix]!;
      format = "DecimalSI";
    } else {
      exp = Number(p.suffix.slice(1));
      format = "DecimalExponent";
    }
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  let nanos = divAwayFromZero(num, den);
  if (format === "BinarySI" && nanos > MAX_INT64 * BILLION) nanos = MAX_INT64 * BILLION;
  if (format === "BinarySI" && nanos > 0n && nanos < BILLION) format = "DecimalSI";
  return { nanos: p.sign === "-" ? -nanos : nanos, format };
}

/** Read the exact value (in nanos) back out of a canonical string, independently of the parser. */
export function canonicalNanos(text: string): bigint {
  const m = /^(-?)([0-9]+)(.*)$/.exec(text);
  if (!m) throw new Error(`not a canonical quantity: ${text}`);
  const mant = BigInt(m[2]!);
  const suf = m[3]!;
  let nanos: bigint;
  if (suf in BINARY_SUFFIXES) nanos = mant * BILLION * 2n ** BigInt(BINARY_SUFFIXES[suf]!);
  else {
    const exp = suf in DECIMAL_SUFFIXES ? DECIMAL_SUFFIXES[suf]! : /^e-?[0-9]+$/.test(suf) ? Number(suf.slice(1)) : NaN;
    if (Number.isNaN(exp)) throw new Error(`bad canonical suffix in ${text}`);
    const e = exp + 9;
    if (e >= 0) nanos = mant * 10n ** BigInt(e);
    else {
      const d = 10n ** BigInt(-e);
      if (mant % d !== 0n) throw new Error(`canonical ${text} is finer than a nano`);
      nanos = mant / d;
    }
  }
  return m[1] === "-" ? -nanos : nanos;
}

/** The exact value of a quantity in nanos, read from its canonical form. */
export function nanosOf(q: Quantity): bigint {
  return canonicalNanos(q.canonical());
}

export function sgn(v: bigint): -1 | 0 | 1 {
  return v < 0n ? -1 : v > 0n ? 1 : 0;
}
