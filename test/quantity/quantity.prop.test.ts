import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Quantity, QuantityError, parseQuantity, type QuantityFormat } from "../../src/quantity/index.js";
import { divAwayFromZero, modelParse, nanosOf, partsText, sgn, type QuantityParts } from "./model.js";

const RUNS = { numRuns: 400 };

const digits = (maxLength: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength });
/** Digit strings biased towards the interesting sizes: short, around 2^53 (16 digits), around 2^63 (19). */
const intDigits = fc.oneof(
  digits(4),
  digits(12),
  digits(22),
  fc.constantFrom("9007199254740993", "9223372036854775807", "9223372036854775808"),
);

const suffixArb = fc.oneof(
  fc.constantFrom("", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"),
  fc
    .tuple(fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), fc.integer({ min: 0, max: 40 }), fc.constantFrom("", "0", "00"))
    .map(([e, s, n, z]) => `${e}${s}${z}${n}`),
);

const partsArb: fc.Arbitrary<QuantityParts> = fc
  .record({
    sign: fc.constantFrom("" as const, "+" as const, "-" as const),
    int: intDigits,
    dot: fc.boolean(),
    frac: digits(14),
    suffix: suffixArb,
  })
  .filter((p) => partsText(p).length > 0);

const quantityArb = partsArb.map((p) => parseQuantity(partsText(p)));
const MAX_INT64 = Quantity.fromValue(2n ** 63n - 1n);
const formatArb = fc.constantFrom<QuantityFormat>("DecimalSI", "BinarySI", "DecimalExponent");

describe("parseQuantity against the model of test/quantity/model.ts (quantity.go's grammar and values)", () => {
  it("gives the model's exact value and format for every well-formed string", () => {
    fc.assert(
      fc.property(partsArb, (p) => {
        const q = parseQuantity(partsText(p));
        const m = modelParse(p);
        expect(nanosOf(q)).toBe(m.nanos);
        expect(q.format).toBe(m.format);
        expect(q.sign()).toBe(sgn(m.nanos));
      }),
      RUNS,
    );
  });

  it("value() and milliValue() round the model's value away from zero", () => {
    fc.assert(
      fc.property(partsArb, (p) => {
        const q = parseQuantity(partsText(p));
        const n = modelParse(p).nanos;
        expect(q.value()).toBe(divAwayFromZero(n, 10n ** 9n));
        expect(q.milliValue()).toBe(divAwayFromZero(n, 10n ** 6n));
      }),
      RUNS,
    );
  });

  it("toNumber() is the nearest double to the exact value", () => {
    fc.assert(
      fc.property(quantityArb, (q) => {
        const expected = Number(`${nanosOf(q)}e-9`);
        expect(q.toNumber()).toBe(expected === 0 ? 0 : expected);
      }),
      RUNS,
    );
  });
});

describe("printing round trips", () => {
  it("parse → toString() → parse keeps the value and the printed text", () => {
    fc.assert(
      fc.property(quantityArb, (q) => {
        const again = parseQuantity(q.toString());
        expect(again.cmp(q)).toBe(0);
        expect(again.toString()).toBe(q.toString());
        expect(JSON.parse(JSON.stringify(q))).toBe(q.toString());
      }),
      RUNS,
    );
  });

  it("canonical() is idempotent and re-parses to the same value", () => {
    fc.assert(
      fc.property(quantityArb, (q) => {
        const c = q.canonical();
        const again = parseQuantity(c);
        expect(again.cmp(q)).toBe(0);
        expect(again.canonical()).toBe(c);
        expect(again.toString()).toBe(c);
      }),
      RUNS,
    );
  });

  it("arithmetic results print canonically and re-parse to the same value", () => {
    fc.assert(
      fc.property(quantityArb, quantityArb, (a, b) => {
        const s = a.add(b);
        expect(s.toString()).toBe(s.canonical());
        // BinarySI sums beyond 2^63-1 in magnitude re-parse capped, as in Kubernetes
        const capped = s.format === "BinarySI" && (s.cmp(MAX_INT64) > 0 || s.cmp(MAX_INT64.neg()) < 0);
        if (!capped) expect(parseQuantity(s.toString()).cmp(s)).toBe(0);
      }),
      RUNS,
    );
  });
});

describe("cmp is a total order consistent with the exact values", () => {
  it("agrees with the model and with sub: sign(a − b) === a.cmp(b)", () => {
    fc.assert(
      fc.property(quantityArb, quantityArb, (a, b) => {
        const want = sgn(nanosOf(a) - nanosOf(b));
        expect(a.cmp(b)).toBe(want);
        expect(b.cmp(a)).toBe(want === 0 ? 0 : -want);
        expect(a.sub(b).sign()).toBe(a.cmp(b));
        expect(a.equal(b)).toBe(want === 0);
      }),
      RUNS,
    );
  });

  it("is reflexive and sorts consistently (transitive)", () => {
    fc.assert(
      fc.property(fc.array(quantityArb, { maxLength: 20 }), (qs) => {
        for (const x of qs) expect(x.cmp(x)).toBe(0);
        const sorted = [...qs].sort((x, y) => x.cmp(y));
        for (let i = 1; i < sorted.length; i++) {
          expect(nanosOf(sorted[i - 1]!) <= nanosOf(sorted[i]!)).toBe(true);
          for (let j = i; j < sorted.length; j++) expect(sorted[i - 1]!.cmp(sorted[j]!)).not.toBe(1);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("tells apart neighbours whose nearest doubles are equal", () => {
    const tiny = ["1n", "1", "1Ki"].map(parseQuantity);
    fc.assert(
      fc.property(quantityArb, fc.constantFrom(...tiny), (q, d) => {
        expect(q.add(d).cmp(q)).toBe(1);
        expect(q.cmp(q.add(d))).toBe(-1);
        expect(q.sub(d).cmp(q)).toBe(-1);
        expect(q.add(d).sub(d).cmp(q)).toBe(0);
      }),
      RUNS,
    );
  });

  it("toNumber() never contradicts cmp (it is monotone)", () => {
    fc.assert(
      fc.property(quantityArb, quantityArb, (a, b) => {
        if (a.cmp(b) < 0) expect(a.toNumber() <= b.toNumber()).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("add / sub", () => {
  it("are exact, inverse, and commutative in value", () => {
    fc.assert(
      fc.property(quantityArb, quantityArb, (a, b) => {
        expect(nanosOf(a.add(b))).toBe(nanosOf(a) + nanosOf(b));
        expect(nanosOf(a.sub(b))).toBe(nanosOf(a) - nanosOf(b));
        expect(a.add(b).sub(b).cmp(a)).toBe(0);
        expect(a.sub(b).add(b).cmp(a)).toBe(0);
        expect(a.add(b).cmp(b.add(a))).toBe(0);
        expect(a.sub(b).cmp(a.add(b.neg()))).toBe(0);
        expect(a.neg().neg().cmp(a)).toBe(0);
        expect(a.add(a.neg()).isZero()).toBe(true);
      }),
      RUNS,
    );
  });

  it("keep the receiver's format unless it is zero (B.7)", () => {
    fc.assert(
      fc.property(quantityArb, quantityArb, (a, b) => {
        const want = a.isZero() ? b.format : a.format;
        expect(a.add(b).format).toBe(want);
        expect(a.sub(b).format).toBe(want);
      }),
      RUNS,
    );
  });
});

describe("Quantity.fromValue", () => {
  it("holds the exact integer and prints something that parses back to it", () => {
    const int64 = fc.bigInt({ min: -(2n ** 63n) + 1n, max: 2n ** 63n - 1n });
    fc.assert(
      fc.property(fc.oneof(int64, fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n })), formatArb, (n, f) => {
        const r = Quantity.fromValue(n, f);
        expect(r.value()).toBe(n);
        expect(r.milliValue()).toBe(n * 1000n);
        const capped = f === "BinarySI" && (n > 2n ** 63n - 1n || n < -(2n ** 63n - 1n));
        if (!capped) expect(parseQuantity(r.toString()).value()).toBe(n);
      }),
      RUNS,
    );
  });

  it("accepts every safe integer number like its BigInt", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), formatArb, (n, f) => {
        expect(Quantity.fromValue(n, f).toString()).toBe(Quantity.fromValue(BigInt(n), f).toString());
      }),
      RUNS,
    );
  });
});

describe("garbage never crashes", () => {
  const relevant = fc.string({ unit: fc.constantFrom(..."0123456789.+-eEinumkKMGTPiIxb _"), maxLength: 40 });
  const check = (s: string) => {
    let q: Quantity;
    try {
      q = parseQuantity(s);
    } catch (e) {
      expect(e).toBeInstanceOf(QuantityError);
      expect(["format", "suffix", "limit"]).toContain((e as QuantityError).reason);
      return;
    }
    expect(parseQuantity(q.toString()).cmp(q)).toBe(0);
    expect(parseQuantity(q.canonical()).cmp(q)).toBe(0);
  };

  it("strings over the quantity alphabet parse or throw QuantityError", () => {
    fc.assert(fc.property(relevant, check), { numRuns: 2000 });
  });

  it("arbitrary unicode strings parse or throw QuantityError", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), check), { numRuns: 500 });
  });

  it("long inputs (up to and past the length limit) are handled, each call bounded", () => {
    const long = fc
      .tuple(digits(3), fc.integer({ min: 0, max: 1100 }), fc.constantFrom("", ".", ".5", "e-1000", "e1000", "Ki", "Ei", "x"))
      .map(([a, n, s]) => a + "7".repeat(n) + s);
    fc.assert(fc.property(long, check), { numRuns: 200 });
  });
});
