/**
 * Conformance tables re-expressed from apimachinery's `pkg/api/resource/quantity_test.go` (and
 * kubernetes/apimachinery pkg/api/resource/quantity.go itself). Each table names the upstream test it comes
 * from. Upstream builds quantities from (mantissa, exponent, format) triples; `dq` below does the
 * same through the public API only.
 */
import { describe, expect, it } from "vitest";
import { Quantity, QuantityError, decodeQuantity, parseQuantity, type QuantityFormat } from "../../src/quantity/index.js";

const FORMAT_MSG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX_MSG = "unable to parse quantity's suffix";
const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);

/** m × 10^e with format f, built without a cached string (like upstream's decQuantity). */
function dq(m: bigint | number, e: number, f: QuantityFormat): Quantity {
  const mb = BigInt(m);
  if (e >= 0) return Quantity.fromValue(mb * 10n ** BigInt(e), f);
  // 1 + x − 1 keeps the receiver's format `f` and drops every cached text.
  return Quantity.fromValue(1n, f)
    .add(parseQuantity(`${mb}e${e}`))
    .sub(Quantity.fromValue(1n));
}

describe("TestQuantityParse (value and format of every accepted spelling)", () => {
  // [input, mantissa, exponent, format] — the exact value is mantissa × 10^exponent.
  const table: Array<[string, bigint | number, number, QuantityFormat]> = [
    ["0", 0, 0, "DecimalSI"],
    ["0n", 0, 0, "DecimalSI"],
    ["0u", 0, 0, "DecimalSI"],
    ["0m", 0, 0, "DecimalSI"],
    ["0Ki", 0, 0, "BinarySI"],
    ["0k", 0, 0, "DecimalSI"],
    ["0Mi", 0, 0, "BinarySI"],
    ["0M", 0, 0, "DecimalSI"],
    ["0Gi", 0, 0, "BinarySI"],
    ["0G", 0, 0, "DecimalSI"],
    ["0Ti", 0, 0, "BinarySI"],
    ["0T", 0, 0, "DecimalSI"],
    // Suffix-less numbers
    ["1", 1, 0, "DecimalSI"],
    // Binary suffixes
    ["1Ki", 1024, 0, "BinarySI"],
    ["8Ki", 8 * 1024, 0, "BinarySI"],
    ["7Mi", 7 * 1024 * 1024, 0, "BinarySI"],
    ["6Gi", 6 * 1024 ** 3, 0, "BinarySI"],
    ["5Ti", 5 * 1024 ** 4, 0, "BinarySI"],
    ["4Pi", 4n * 1024n ** 5n, 0, "BinarySI"],
    ["3Ei", 3n * 1024n ** 6n, 0, "BinarySI"],
    ["10Ti", 10 * 1024 ** 4, 0, "BinarySI"],
    ["100Ti", 100 * 1024 ** 4, 0, "BinarySI"],
    // Decimal suffixes
    ["5n", 5, -9, "DecimalSI"],
    ["4u", 4, -6, "DecimalSI"],
    ["3m", 3, -3, "DecimalSI"],
    ["9", 9, 0, "DecimalSI"],
    ["8k", 8, 3, "DecimalSI"],
    ["50k", 5, 4, "DecimalSI"],
    ["7M", 7, 6, "DecimalSI"],
    ["6G", 6, 9, "DecimalSI"],
    ["5T", 5, 12, "DecimalSI"],
    ["40T", 4, 13, "DecimalSI"],
    ["300T", 3, 14, "DecimalSI"],
    ["2P", 2, 15, "DecimalSI"],
    ["1E", 1, 18, "DecimalSI"],
    // Decimal exponents
    ["1E-3", 1, -3, "DecimalExponent"],
    ["1e3", 1, 3, "DecimalExponent"],
    ["1E6", 1, 6, "DecimalExponent"],
    ["1e9", 1, 9, "DecimalExponent"],
    ["1E12", 1, 12, "DecimalExponent"],
    ["1e15", 1, 15, "DecimalExponent"],
    ["1E18", 1, 18, "DecimalExponent"],
    // Nonstandard but parsable
    ["1e14", 1, 14, "DecimalExponent"],
    ["1e13", 1, 13, "DecimalExponent"],
    ["100.035k", 100035, 0, "DecimalSI"],
    // Looks like floating point
    ["0.001", 1, -3, "DecimalSI"],
    ["0.0005k", 5, -1, "DecimalSI"],
    ["0.005", 5, -3, "DecimalSI"],
    ["0.05", 5, -2, "DecimalSI"],
    ["0.5", 5, -1, "DecimalSI"],
    ["0.00050k", 5, -1, "DecimalSI"],
    ["0.00500", 5, -3, "DecimalSI"],
    ["0.05000", 5, -2, "DecimalSI"],
    ["0.50000", 5, -1, "DecimalSI"],
    ["0.5e0", 5, -1, "DecimalExponent"],
    ["0.5e-1", 5, -2, "DecimalExponent"],
    ["0.5e-2", 5, -3, "DecimalExponent"],
    ["10.035M", 10035, 3, "DecimalSI"],
    ["1.2e3", 12, 2, "DecimalExponent"],
    ["1.3E+6", 13, 5, "DecimalExponent"],
    ["1.40e9", 14, 8, "DecimalExponent"],
    ["1.53E12", 153, 10, "DecimalExponent"],
    ["1.6e15", 16, 14, "DecimalExponent"],
    ["1.7E18", 17, 17, "DecimalExponent"],
    ["9.01", 901, -2, "DecimalSI"],
    ["8.1k", 81, 2, "DecimalSI"],
    ["7.123456M", 7123456, 0, "DecimalSI"],
    ["6.987654321G", 6987654321, 0, "DecimalSI"],
    ["5.444T", 5444, 9, "DecimalSI"],
    ["40.1T", 401, 11, "DecimalSI"],
    ["300.2T", 3002, 11, "DecimalSI"],
    ["2.5P", 25, 14, "DecimalSI"],
    ["1.01E", 101, 16, "DecimalSI"],
    // Saturation / rounding (up, away from zero, to nano)
    ["3.001n", 4, -9, "DecimalSI"],
    ["1.1E-9", 2, -9, "DecimalExponent"],
    ["0.0000000001", 1, -9, "DecimalSI"],
    ["0.0000000005", 1, -9, "DecimalSI"],
    ["0.00000000050", 1, -9, "DecimalSI"],
    ["0.5e-9", 1, -9, "DecimalExponent"],
    ["0.9n", 1, -9, "DecimalSI"],
    ["0.00000012345", 124, -9, "DecimalSI"],
    ["0.00000012354", 124, -9, "DecimalSI"],
    ["9Ei", MAX_INT64, 0, "BinarySI"],
    ["9223372036854775807Ki", MAX_INT64, 0, "BinarySI"],
    ["12E", 12, 18, "DecimalSI"],
    // Fractional binary
    ["100.035Ki", 10243584, -2, "BinarySI"],
    ["0.5Mi", 0.5 * 1024 * 1024, 0, "BinarySI"],
    ["0.05Gi", 536870912, -1, "BinarySI"],
    ["0.025Ti", 274877906944, -1, "BinarySI"],
    // "Written by trolls"
    ["0.000000000001Ki", 2, -9, "DecimalSI"],
    [".001", 1, -3, "DecimalSI"],
    [".0001k", 100, -3, "DecimalSI"],
    ["1.", 1, 0, "DecimalSI"],
    ["1.G", 1, 9, "DecimalSI"],
  ];

  it.each(table)("%s = %s×10^%s (%s)", (input, m, e, format) => {
    const got = parseQuantity(input);
    expect(got.cmp(dq(m, e, format))).toBe(0);
    expect(got.format).toBe(format);
  });

  it.each(table)("-%s is the negation, same format", (input, m, e, format) => {
    const got = parseQuantity(`-${input}`);
    expect(got.cmp(dq(m, e, format).neg())).toBe(0);
    expect(got.format).toBe(format);
  });

  it.each(table)("+%s equals %s", (input, m, e, format) => {
    const got = parseQuantity(`+${input}`);
    expect(got.cmp(dq(m, e, format))).toBe(0);
    expect(got.format).toBe(format);
  });

  it("rejects the empty string with the format message", () => {
    expect(() => parseQuantity("")).toThrow(QuantityError);
    expect(() => parseQuantity("")).toThrow(FORMAT_MSG);
  });

  // Upstream's invalid list; the message kind follows quantity.go's scanner (parseQuantityString).
  const invalid: Array<[string, string]> = [
    ["1.1.M", FORMAT_MSG],
    ["1+1.0M", FORMAT_MSG],
    ["0.1mi", SUFFIX_MSG],
    ["0.1am", FORMAT_MSG],
    ["aoeu", FORMAT_MSG],
    [".5i", SUFFIX_MSG],
    ["1i", SUFFIX_MSG],
    ["-3.01i", SUFFIX_MSG],
    ["-3.01e-", SUFFIX_MSG],
    [" 1", FORMAT_MSG],
    ["1 ", FORMAT_MSG],
    ["Non-Numeric", FORMAT_MSG],
    // more, from quantity.go's grammar
    ["1e3.5", FORMAT_MSG],
    ["1KI", FORMAT_MSG],
    ["1b", FORMAT_MSG],
    ["1e1k", FORMAT_MSG],
    ["0x10", FORMAT_MSG],
    ["1_000", FORMAT_MSG],
    ["1K", SUFFIX_MSG],
    ["1ki", SUFFIX_MSG],
    ["1mm", SUFFIX_MSG],
    ["1EE", SUFFIX_MSG],
    ["1Ee3", SUFFIX_MSG],
    ["1e", SUFFIX_MSG],
    ["1e-", SUFFIX_MSG],
    ["1k3", SUFFIX_MSG],
    ["+-1", SUFFIX_MSG],
    ["--1", SUFFIX_MSG],
  ];
  it.each(invalid)("rejects %j: %s", (input, msg) => {
    let err: unknown;
    try {
      parseQuantity(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QuantityError);
    expect((err as Error).message).toBe(msg);
  });

  it.each(["-", "+", "00", "-0", "0000", ".", "-."])("accepts %j as zero", (input) => {
    const q = parseQuantity(input);
    expect(q.isZero()).toBe(true);
    expect(q.canonical()).toBe("0");
  });
});

describe("TestQuantityParseZero / AddZero / SubZero / CanonicalizeZero", () => {
  it('"0" prints "0"', () => expect(parseQuantity("0").toString()).toBe("0"));

  it.each(["100m", "1Gi"])("%s + 0 and 0 + %s keep the suffix", (v) => {
    const zero = parseQuantity("0");
    expect(parseQuantity(v).add(zero).toString()).toBe(v);
    expect(zero.add(parseQuantity(v)).toString()).toBe(v);
  });

  it.each(["100m", "1Gi"])("%s - 0 keeps it; 0 - %s is its negation", (v) => {
    const zero = parseQuantity("0");
    expect(parseQuantity(v).sub(zero).toString()).toBe(v);
    expect(zero.sub(parseQuantity(v)).toString()).toBe(parseQuantity(v).neg().toString());
  });

  it("1000m − 1 prints 0, never 0m", () => {
    expect(parseQuantity("1000m").sub(parseQuantity("1")).toString()).toBe("0");
  });
});

describe("TestQuantityCmp", () => {
  const table: Array<[string, string, number]> = [
    ["0", "0", 0],
    ["100m", "50m", 1],
    ["50m", "100m", -1],
    ["10000T", "100Gi", 1],
    // quantity.go Cmp / accessors
    ["1Gi", "1024Mi", 0],
    ["1Gi", "1073741824", 0],
    ["1G", "1Gi", -1],
    ["1k", "1000", 0],
    ["1k", "1e3", 0],
    ["0m", "0Ki", 0],
    ["0m", "-0", 0],
    ["200E", "9Ei", 1],
    ["12E", "10E", 1],
    ["1000E", "999E", 1],
    ["-1n", "0", -1],
    ["-1Ki", "-1000", -1],
  ];
  it.each(table)("cmp(%s, %s) = %i", (x, y, want) => {
    expect(parseQuantity(x).cmp(parseQuantity(y))).toBe(want);
    expect(parseQuantity(y).cmp(parseQuantity(x))).toBe(-want || 0);
  });

  it("zero values of any format compare equal; ±10 against zero", () => {
    const z = Quantity.fromValue(0);
    expect(z.cmp(dq(0, 0, "DecimalSI"))).toBe(0);
    expect(z.cmp(dq(10, 0, "DecimalSI"))).toBe(-1);
    expect(z.cmp(dq(-10, 0, "DecimalSI"))).toBe(1);
    expect(dq(10, 0, "DecimalSI").cmp(z)).toBe(1);
    expect(dq(-10, 0, "DecimalSI").cmp(z)).toBe(-1);
  });
});

describe("TestQuantityCmpInt64AndDec", () => {
  // [a = m×10^e, b = m×10^e, cmp]. Built through the `<m>e<e>` spelling (exact down to 1n).
  const q = (m: bigint | number, e: number) => parseQuantity(`${BigInt(m)}e${e}`);
  const table: Array<[bigint | number, number, bigint | number, number, number]> = [
    [901, -2, 901, -2, 0],
    [90, -1, 901, -2, -1],
    [901, -2, 900, -2, 1],
    [0, 0, 0, 0, 0],
    [0, 1, 0, -1, 0],
    [0, -1, 0, 1, 0],
    [800, -3, 1, 0, -1],
    [800, -3, 79, -2, 1],
    [MAX_INT64, 0, 1, -1, 1],
    [MAX_INT64, 1, 1, 0, 1],
    [MAX_INT64, 1, 1, 1, 1],
    [MAX_INT64, 1, 0, 1, 1],
    [MAX_INT64, -16, 1, 3, -1],
    [MIN_INT64, 0, 0, 0, -1],
    [MIN_INT64, -18, -1, 0, -1],
    [MIN_INT64, -19, -1, 0, 1],
    [10n ** 18n, -17, 1, 1, 0],
    [10n ** 18n, -17, -10, 0, 1],
    [-(10n ** 18n), -17, -10, 0, 0],
    [10n ** 18n, -17, 1, 0, 1],
    [10n ** 18n + 1n, -17, 1, 1, 1],
    // Upstream's (10^18 − 1)×10^-17 < 10 case is not expressible: parsing rounds it up to nano (= 10).
  ];
  it.each(table)("cmp(%s e%s, %s e%s) = %i", (am, ae, bm, be, want) => {
    expect(q(am, ae).cmp(q(bm, be))).toBe(want);
    expect(q(bm, be).cmp(q(am, ae))).toBe(-want || 0);
  });
});

describe("TestQuantityNeg / TestNeg / TestNegAndSubAtMostNegative", () => {
  it("9.01 negates to -9010m without mutating the source", () => {
    const a = dq(901, -2, "DecimalSI");
    const n = a.neg();
    expect(n.toString()).toBe("-9010m");
    expect(a.toString()).toBe("9010m");
    expect(parseQuantity("9.01").neg().toString()).toBe("-9010m");
  });

  const table: Array<[Quantity, Quantity]> = [
    [dq(0, 0, "DecimalSI"), dq(0, 0, "DecimalSI")],
    [dq(10, 0, "BinarySI"), dq(-10, 0, "BinarySI")],
    [dq(-10, 0, "BinarySI"), dq(10, 0, "BinarySI")],
  ];
  it.each(table.map((r, i) => [i, ...r] as const))("case %i", (_i, a, want) => {
    expect(a.neg().cmp(want)).toBe(0);
    expect(a.neg().neg().cmp(a)).toBe(0);
  });

  it("−mostNegative is 2^63 (no int64 wrap)", () => {
    const mostNeg = Quantity.fromValue(MIN_INT64);
    expect(mostNeg.neg().toString()).toBe("9223372036854775808");
    expect(mostNeg.neg().sign()).toBe(1);
    expect(Quantity.fromValue(0).sub(mostNeg).toString()).toBe("9223372036854775808");
    expect(Quantity.fromValue(1).sub(mostNeg).toString()).toBe("9223372036854775809");
    expect(Quantity.fromValue(10).sub(mostNeg).toString()).toBe("9223372036854775818");
    expect(
      Quantity.fromValue(MIN_INT64 + 1n)
        .neg()
        .value(),
    ).toBe(MAX_INT64);
  });

  it("the milli-scaled most negative keeps its scale", () => {
    const m = parseQuantity(`${MIN_INT64}m`);
    expect(m.neg().toString()).toBe("9223372036854775808m");
    expect(parseQuantity("1m").sub(m).toString()).toBe("9223372036854775809m");
    expect(Quantity.fromValue(0).sub(m).toString()).toBe("9223372036854775808m");
  });

  it("0 − mostNegative (BinarySI) adopts BinarySI and prints 8Ei", () => {
    const q = Quantity.fromValue(0).sub(Quantity.fromValue(MIN_INT64, "BinarySI"));
    expect(q.format).toBe("BinarySI");
    expect(q.toString()).toBe("8Ei");
    expect(q.cmp(parseQuantity("9223372036854775808"))).toBe(0);
  });
});

describe("TestQuantityString (canonical rendering, and an alternate spelling canonicalises to it)", () => {
  // [value, canonical, alternate spelling ("" = none)]
  const table: Array<[Quantity, string, string]> = [
    [dq(1024 ** 3, 0, "BinarySI"), "1Gi", "1024Mi"],
    [dq(300 * 1024 * 1024, 0, "BinarySI"), "300Mi", "307200Ki"],
    [dq(6 * 1024, 0, "BinarySI"), "6Ki", ""],
    [dq(1001 * 1024 ** 3, 0, "BinarySI"), "1001Gi", "1025024Mi"],
    [dq(1024 ** 4, 0, "BinarySI"), "1Ti", "1024Gi"],
    [dq(5, 0, "BinarySI"), "5", "5000m"],
    [dq(500, -3, "BinarySI"), "500m", "0.5"],
    [dq(1, 9, "DecimalSI"), "1G", "1000M"],
    [dq(1000, 6, "DecimalSI"), "1G", "0.001T"],
    [dq(1000000, 3, "DecimalSI"), "1G", ""],
    [dq(1000000000, 0, "DecimalSI"), "1G", ""],
    [dq(1, -3, "DecimalSI"), "1m", "1000u"],
    [dq(80, -3, "DecimalSI"), "80m", ""],
    [dq(1080, -3, "DecimalSI"), "1080m", "1.08"],
    [dq(108, -2, "DecimalSI"), "1080m", "1080000000n"],
    [dq(10800, -4, "DecimalSI"), "1080m", ""],
    [dq(300, 6, "DecimalSI"), "300M", ""],
    [dq(1, 12, "DecimalSI"), "1T", ""],
    [dq(1, 18, "DecimalSI"), "1E", ""],
    // Above E, newer apimachinery (and kubevol) falls back to exponent notation.
    [dq(1, 21, "DecimalSI"), "1e21", "1000E"],
    [dq(5, 21, "DecimalSI"), "5e21", "5000E"],
    [dq(1, 24, "DecimalSI"), "1e24", "1000000E"],
    [dq(1234567, 6, "DecimalSI"), "1234567M", ""],
    [dq(1234567, -3, "BinarySI"), "1234567m", ""],
    [dq(3, 3, "DecimalSI"), "3k", ""],
    [dq(1025, 0, "BinarySI"), "1025", ""],
    [dq(0, 0, "DecimalSI"), "0", ""],
    [dq(0, 0, "BinarySI"), "0", ""],
    [dq(1, 9, "DecimalExponent"), "1e9", ".001e12"],
    [dq(1, -3, "DecimalExponent"), "1e-3", "0.001e0"],
    [dq(1, -9, "DecimalExponent"), "1e-9", "1000e-12"],
    [dq(80, -3, "DecimalExponent"), "80e-3", ""],
    [dq(300, 6, "DecimalExponent"), "300e6", ""],
    [dq(1, 12, "DecimalExponent"), "1e12", ""],
    [dq(1, 3, "DecimalExponent"), "1e3", ""],
    [dq(3, 3, "DecimalExponent"), "3e3", ""],
    [dq(0, 0, "DecimalExponent"), "0", "00"],
    [dq(1, -9, "DecimalSI"), "1n", ""],
    [dq(80, -9, "DecimalSI"), "80n", ""],
    [dq(1080, -9, "DecimalSI"), "1080n", ""],
    [dq(108, -8, "DecimalSI"), "1080n", ""],
    [dq(10800, -10, "DecimalSI"), "1080n", ""],
    [dq(1, -6, "DecimalSI"), "1u", ""],
    [dq(80, -6, "DecimalSI"), "80u", ""],
    [dq(1080, -6, "DecimalSI"), "1080u", ""],
  ];
  const rows = table.map(([q, s, alt]) => [s, alt, q] as const);

  it.each(rows)("%s (alternate %j)", (canonical, alternate, q) => {
    expect(q.toString()).toBe(canonical);
    expect(q.canonical()).toBe(canonical);
    // The canonical spelling parses back to itself (upstream: it is cached verbatim).
    const back = parseQuantity(canonical);
    expect(back.toString()).toBe(canonical);
    expect(back.cmp(q)).toBe(0);
    if (alternate !== "") {
      const alt = parseQuantity(alternate);
      expect(alt.toString()).toBe(canonical);
      expect(alt.cmp(q)).toBe(0);
    }
  });

  it.each(rows.filter(([, , q]) => !q.isZero()))("-%s", (canonical, _alt, q) => {
    expect(q.neg().toString()).toBe(`-${canonical}`);
  });
});

describe("TestQuantityParseEmit", () => {
  const table: Array<[string, string]> = [
    ["1Ki", "1Ki"],
    ["1Mi", "1Mi"],
    ["1Gi", "1Gi"],
    ["1024Mi", "1Gi"],
    ["1000M", "1G"],
    [".001Ki", "1024m"],
    [".000001Ki", "1024u"],
    [".000000001Ki", "1024n"],
    [".000000000001Ki", "2n"],
  ];
  it.each(table)("%s prints %s", (input, want) => {
    expect(parseQuantity(input).toString()).toBe(want);
    expect(parseQuantity(`-${input}`).toString()).toBe(`-${want}`);
  });
});

describe("the cached input text (quantity.go String and its cache)", () => {
  it.each([
    "+1",
    "01",
    "001k",
    "1.",
    "5.k",
    "1.G",
    "1.500k",
    "100.035k",
    "10.035M",
    "5.444T",
    "1E3",
    "1e+3",
    "1e0",
    "1E-3",
    "+1Ki",
    "01Ki",
  ])("%s is printed verbatim", (s) => {
    const q = parseQuantity(s);
    expect(q.toString()).toBe(s);
    expect(q.toJSON()).toBe(s);
  });

  it.each([
    ["1000", "1k"],
    ["1.0E", "1E"],
    ["1024Ki", "1Mi"],
    ["0.5", "500m"],
    ["1.5Gi", "1536Mi"],
    ["1032Ki", "1032Ki"],
    ["0.5Mi", "512Ki"],
    ["1.2e3", "1200"],
    ["1e4", "10e3"],
    ["0.5e0", "500e-3"],
    ["1e21", "1e21"],
    ["100E", "100E"],
    ["8Ei", "9223372036854775807"],
    ["0.1n", "1n"],
    ["-0.0000000001", "-1n"],
  ])("%s is printed as %s", (s, want) => {
    expect(parseQuantity(s).toString()).toBe(want);
  });

  it("arithmetic drops the cached text", () => {
    expect(parseQuantity("01").add(parseQuantity("0")).toString()).toBe("1");
    expect(parseQuantity("01").add(parseQuantity("1")).toString()).toBe("2");
    expect(parseQuantity("+1").neg().toString()).toBe("-1");
  });

  it("canonical() ignores the cache", () => {
    expect(parseQuantity("001k").canonical()).toBe("1k");
    expect(parseQuantity("1.500k").canonical()).toBe("1500");
    expect(parseQuantity("1e0").canonical()).toBe("1");
  });
});

describe("TestNewSet / TestMilliNewSet (constructors)", () => {
  it.each([
    [1n, "DecimalSI", "1"],
    [1000n, "DecimalSI", "1k"],
    [1234000n, "DecimalSI", "1234k"],
    [1024n, "BinarySI", "1Ki"],
    [1000000n, "invalidFormatDefaultsToExponent", "1e6"],
    [1024n * 1024n, "BinarySI", "1Mi"],
    [1023n, "BinarySI", "1023"],
    [1536n, "BinarySI", "1536"],
    [-1024n, "BinarySI", "-1Ki"],
  ])("fromValue(%s, %s) = %s", (v, f, want) => {
    const q = Quantity.fromValue(v, f as QuantityFormat);
    expect(q.toString()).toBe(want);
    expect(parseQuantity(q.toString()).value()).toBe(v);
  });

  it.each([
    [1n, "DecimalSI", "1m"],
    [1000n, "DecimalSI", "1"],
    [1234000n, "DecimalSI", "1234"],
    [1024n, "BinarySI", "1024m"],
    [1000000n, "invalidFormatDefaultsToExponent", "1e3"],
    [1024n * 1024n, "BinarySI", "1048576m"],
  ])("milli %s in %s prints %s", (v, f, want) => {
    const q = dq(v, -3, Quantity.fromValue(0, f as QuantityFormat).format);
    expect(q.toString()).toBe(want);
    expect(parseQuantity(q.toString()).milliValue()).toBe(v);
  });

  it.each([
    [1n, -9, "1n"],
    [1000n, -9, "1u"],
    [1n, -6, "1u"],
    [1000n, -6, "1m"],
    [1n, -3, "1m"],
    [1000n, -3, "1"],
    [1n, 0, "1"],
    [0n, -9, "0"],
    [0n, -6, "0"],
    [0n, -3, "0"],
    [0n, 0, "0"],
  ])("scaled(%s, %s) prints %s", (v, s, want) => {
    expect(dq(v, s, "DecimalSI").toString()).toBe(want);
  });
});

describe("TestAdd / TestSub", () => {
  const zero = () => Quantity.fromValue(0, "DecimalSI");
  const adds: Array<[Quantity, Quantity, Quantity, QuantityFormat]> = [
    [dq(10, 0, "DecimalSI"), dq(1, 1, "DecimalSI"), dq(20, 0, "DecimalSI"), "DecimalSI"],
    [dq(10, 0, "DecimalSI"), dq(1, 0, "BinarySI"), dq(11, 0, "DecimalSI"), "DecimalSI"],
    [dq(10, 0, "BinarySI"), dq(1, 0, "DecimalSI"), dq(11, 0, "BinarySI"), "BinarySI"],
    [zero(), dq(50, 0, "DecimalSI"), dq(50, 0, "DecimalSI"), "DecimalSI"],
    [dq(50, 0, "DecimalSI"), zero(), dq(50, 0, "DecimalSI"), "DecimalSI"],
    [zero(), zero(), dq(0, 0, "DecimalSI"), "DecimalSI"],
  ];
  it.each(adds.map((r, i) => [i, ...r] as const))("add case %i", (_i, a, b, want, fmt) => {
    const got = a.add(b);
    expect(got.cmp(want)).toBe(0);
    expect(got.format).toBe(fmt);
  });

  const subs: Array<[Quantity, Quantity, Quantity, QuantityFormat]> = [
    [dq(10, 0, "DecimalSI"), dq(1, 1, "DecimalSI"), dq(0, 0, "DecimalSI"), "DecimalSI"],
    [dq(10, 0, "DecimalSI"), dq(1, 0, "BinarySI"), dq(9, 0, "DecimalSI"), "DecimalSI"],
    [dq(10, 0, "BinarySI"), dq(1, 0, "DecimalSI"), dq(9, 0, "BinarySI"), "BinarySI"],
    [zero(), dq(50, 0, "DecimalSI"), dq(-50, 0, "DecimalSI"), "DecimalSI"],
    [dq(50, 0, "DecimalSI"), zero(), dq(50, 0, "DecimalSI"), "DecimalSI"],
  ];
  it.each(subs.map((r, i) => [i, ...r] as const))("sub case %i", (_i, a, b, want, fmt) => {
    const got = a.sub(b);
    expect(got.cmp(want)).toBe(0);
    expect(got.format).toBe(fmt);
  });

  // quantity_test.go arithmetic
  it.each([
    ["1Gi", "+", "512Mi", "1536Mi"],
    ["100m", "+", "900m", "1"],
    ["0", "+", "1Gi", "1Gi"],
    ["0", "-", "1Gi", "-1Gi"],
    ["1Gi", "-", "0", "1Gi"],
    ["1", "+", "1Ki", "1025"],
    ["1Ki", "-", "1", "1023"],
    ["1G", "+", "1Gi", "2073741824"],
    ["1G", "-", "1Gi", "-73741824"],
    ["1.5", "+", "1.5", "3"],
    ["100m", "+", "0", "100m"],
  ])("%s %s %s = %s", (a, op, b, want) => {
    const x = parseQuantity(a);
    const y = parseQuantity(b);
    expect((op === "+" ? x.add(y) : x.sub(y)).toString()).toBe(want);
  });

  it("TestAddSubRoundTrip: adding then subtracting the same values cancels, across scales", () => {
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let k = -9; k <= 10; k++) {
      let q = Quantity.fromValue(0);
      const order: Quantity[] = [];
      for (let i = 0; i < 20; i++) {
        const j = dq(BigInt(next()) * BigInt(next()), ((k + i) % 20) - 9, "DecimalSI");
        order.push(j);
        q = q.add(j);
      }
      for (const j of order) q = q.sub(j);
      expect(q.isZero()).toBe(true);
    }
  });
});

describe("TestQuantityRoundUp via value()/milliValue() (ceil away from zero)", () => {
  it.each([
    ["9.01", 10n, 9010n],
    ["-9.01", -10n, -9010n],
    ["1.5", 2n, 1500n],
    ["-1.5", -2n, -1500n],
    ["1n", 1n, 1n],
    ["-1n", -1n, -1n],
    ["0.1m", 1n, 1n],
    ["1Mi", 1048576n, 1048576000n],
    ["1.1Ki", 1127n, 1126400n],
    ["12E", 12000000000000000000n, 12000000000000000000000n],
    ["0", 0n, 0n],
    ["1001m", 2n, 1001n],
    ["5n", 1n, 1n],
  ])("%s: value %s, milliValue %s", (s, v, mv) => {
    const q = parseQuantity(s);
    expect(q.value()).toBe(v);
    expect(q.milliValue()).toBe(mv);
  });

  it("TestQuantityValueSet: 1Mi has value 1048576 and serialises as 1Mi", () => {
    const q = parseQuantity("1Mi");
    expect(q.value()).toBe(1024n * 1024n);
    expect(JSON.stringify({ q })).toBe('{"q":"1Mi"}');
  });
});

describe("TestStringQuantityAsApproximateFloat64 via toNumber()", () => {
  it.each([
    ["2Ki", 2048],
    ["1.1Ki", 1126.4],
    ["1Mi", 1.048576e6],
    ["2Gi", 2.147483648e9],
    ["12E", 1.2e19],
    ["0", 0],
    ["9Ei", 9223372036854775807],
  ])("%s ≈ %d", (s, want) => {
    expect(parseQuantity(s).toNumber()).toBe(want);
  });

  it("overflowing doubles become ±Infinity", () => {
    expect(dq(12, 500, "DecimalSI").toNumber()).toBe(Infinity);
    expect(dq(-12, 500, "DecimalSI").toNumber()).toBe(-Infinity);
  });
});

describe("TestJSONWhitespace / TestQuantityUnmarshalCBOR via decodeQuantity (quantity.go UnmarshalJSON)", () => {
  it.each([
    [" 1", "1"],
    ["1 ", "1"],
    [1, "1"],
    [10, "10"],
    [-1, "-1"],
    [" \t\n\r1M \t\n\r", "1M"],
    ["1Mi", "1Mi"],
    [1.5, "1500m"],
    [null, "0"],
  ] as Array<[unknown, string]>)("%j decodes to %s", (raw, want) => {
    expect(decodeQuantity(raw).toString()).toBe(want);
  });

  it.each(["", "  ", "invalid", "1 1"])("%j is rejected with the format message", (raw) => {
    expect(() => decodeQuantity(raw)).toThrow(FORMAT_MSG);
  });

  it("JSON round trip keeps the value (TestJSON)", () => {
    for (const s of ["1Gi", "100m", "1.5", "12E", "-3Ki", "0", "1e-3", "123456789012345678901234567890"]) {
      const q = parseQuantity(s);
      const back = decodeQuantity(JSON.parse(JSON.stringify(q)));
      expect(back.cmp(q)).toBe(0);
      expect(back.toString()).toBe(q.toString());
    }
  });
});

describe("amount_test.go (int64Amount tables through the public API)", () => {
  // TestInt64AmountAdd: [a = v×10^s, b, a + b]. Overflowing cases (upstream ok=false) fall back to
  // exact decimals upstream too, so the exact sum is expected everywhere.
  const MP = MAX_INT64;
  const adds: Array<[bigint, number, bigint, number, bigint, number]> = [
    [100n, 1, 10n, 2, 200n, 1],
    [100n, 1, 1n, 2, 110n, 1],
    [100n, 1, 1n, 100, 10n ** 100n + 1000n, 0],
    [-5n, 2, 50n, 1, 0n, 0],
    [-5n, 2, 5n, 2, 0n, 0],
    [MP, -1, 1n, -1, MP + 1n, -1],
    [MP, -1, 0n, -1, MP, -1],
    [MP / 10n, 1, 10n, 0, (MP / 10n) * 10n + 10n, 0],
  ];
  it.each(adds)("%s e%s + %s e%s", (av, as, bv, bs, cv, cs) => {
    const a = dq(av, as, "DecimalSI");
    const b = dq(bv, bs, "DecimalSI");
    expect(a.add(b).cmp(dq(cv, cs, "DecimalSI"))).toBe(0);
    expect(b.add(a).cmp(dq(cv, cs, "DecimalSI"))).toBe(0);
  });

  // TestInt64AsCanonicalString
  it.each([
    [100n, 0, "100"],
    [100n, 1, "1k"],
    [100n, -1, "10"],
    [10800n, -10, "1080n"],
  ] as Array<[bigint, number, string]>)("canonical(%s e%s) = %s", (v, s, want) => {
    expect(dq(v, s, "DecimalSI").canonical()).toBe(want);
  });

  // TestAmountSign
  it.each([
    [-50n, 1, -1],
    [0n, 1, 0],
    [300n, 1, 1],
    [-50n, -8, -1],
    [50n, -8, 1],
    [0n, -8, 0],
    [-50n, 0, -1],
    [50n, 0, 1],
    [0n, 0, 0],
  ] as Array<[bigint, number, number]>)("sign(%s e%s) = %i", (v, s, want) => {
    expect(dq(v, s, "DecimalSI").sign()).toBe(want);
  });

  // TestInt64AmountAsScaledInt64 / TestScaledValue: value at scale k = (v×10^s)/10^k, rounded up
  // away from zero; expressed with value() on v×10^(s−k).
  it.each([
    [100n, 0, 5, 1n],
    [100n, 1, 1, 100n],
    [100n, 5, 2, 100000n],
    [93n, -1, 0, 10n],
    [100n, -1, 0, 10n],
    [-1932n, 2, 4, -20n],
    [-1900n, 2, 4, -19n],
    // upstream overflows int64 here (ok=false); kubevol is exact
    [876n, 30, 4, 876n * 10n ** 26n],
  ] as Array<[bigint, number, number, bigint]>)("scaled(%s e%s, %i) = %s", (v, s, k, want) => {
    expect(dq(v, s - k, "DecimalSI").value()).toBe(want);
  });

  it.each([
    [-9, -9, 1n],
    [-9, -6, 1n],
    [-9, -3, 1n],
    [-9, 0, 1n],
    [-6, -9, 1000n],
    [-6, -6, 1n],
    [-6, -3, 1n],
    [-6, 0, 1n],
    [-3, -9, 1000000n],
    [-3, -6, 1000n],
    [-3, -3, 1n],
    [-3, 0, 1n],
    [0, -9, 1000000000n],
    [0, -6, 1000000n],
    [0, -3, 1000n],
    [0, 0, 1n],
    [2, -2, 10000n],
  ] as Array<[number, number, bigint]>)("TestScaledValue: 1e%i read at scale %i = %s", (from, to, want) => {
    expect(dq(1n, from - to, "DecimalSI").value()).toBe(want);
  });
});
