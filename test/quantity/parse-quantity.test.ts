import { describe, expect, it } from "vitest";
import {
  MAX_QUANTITY_EXPONENT,
  MAX_QUANTITY_LENGTH,
  QUANTITY_FORMAT_MESSAGE,
  QUANTITY_SUFFIX_MESSAGE,
  Quantity,
  QuantityError,
  parseQuantity,
  type QuantityErrorReason,
  type QuantityFormat,
} from "../../src/quantity/index.js";
import { canonicalNanos, nanosOf } from "./model.js";

const FORMAT_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX_MESSAGE = "unable to parse quantity's suffix";

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("error messages", () => {
  it("are Kubernetes' texts verbatim", () => {
    expect(QUANTITY_FORMAT_MESSAGE).toBe(FORMAT_MESSAGE);
    expect(QUANTITY_SUFFIX_MESSAGE).toBe(SUFFIX_MESSAGE);
  });
});

// [input, toString() (what the API server prints, cached text included), canonical(), format]
const VALID: [string, string, string, QuantityFormat][] = [
  // zeros (B.2 step 3): never "-0", never a suffix; only "0" itself keeps its text
  ["0", "0", "0", "DecimalSI"],
  ["0n", "0", "0", "DecimalSI"],
  ["0u", "0", "0", "DecimalSI"],
  ["0m", "0", "0", "DecimalSI"],
  ["0k", "0", "0", "DecimalSI"],
  ["0Ki", "0", "0", "BinarySI"],
  ["0Mi", "0", "0", "BinarySI"],
  ["0Gi", "0", "0", "BinarySI"],
  ["0Ti", "0", "0", "BinarySI"],
  ["0e3", "0", "0", "DecimalExponent"],
  ["0.0Ki", "0", "0", "BinarySI"],
  ["-", "0", "0", "DecimalSI"],
  ["+", "0", "0", "DecimalSI"],
  ["00", "0", "0", "DecimalSI"],
  ["-0", "0", "0", "DecimalSI"],
  ["+0", "0", "0", "DecimalSI"],
  ["0000", "0", "0", "DecimalSI"],
  [".", "0", "0", "DecimalSI"],
  ["-.", "0", "0", "DecimalSI"],
  ["0.", "0", "0", "DecimalSI"],
  ["-0.000", "0", "0", "DecimalSI"],
  // no digits at all before the suffix: the integer part counts as 0 (Kubernetes accepts these too)
  ["Ki", "0", "0", "BinarySI"],
  ["-Gi", "0", "0", "BinarySI"],
  ["m", "0", "0", "DecimalSI"],
  ["e3", "0", "0", "DecimalExponent"],
  [".E", "0", "0", "DecimalSI"],
  // plain numbers and decimal SI suffixes
  ["1", "1", "1", "DecimalSI"],
  ["9", "9", "9", "DecimalSI"],
  ["5n", "5n", "5n", "DecimalSI"],
  ["4u", "4u", "4u", "DecimalSI"],
  ["3m", "3m", "3m", "DecimalSI"],
  ["8k", "8k", "8k", "DecimalSI"],
  ["50k", "50k", "50k", "DecimalSI"],
  ["7M", "7M", "7M", "DecimalSI"],
  ["6G", "6G", "6G", "DecimalSI"],
  ["5T", "5T", "5T", "DecimalSI"],
  ["40T", "40T", "40T", "DecimalSI"],
  ["300T", "300T", "300T", "DecimalSI"],
  ["2P", "2P", "2P", "DecimalSI"],
  ["1E", "1E", "1E", "DecimalSI"],
  ["500G", "500G", "500G", "DecimalSI"],
  ["1000", "1k", "1k", "DecimalSI"],
  ["1000M", "1G", "1G", "DecimalSI"],
  ["1.0E", "1E", "1E", "DecimalSI"],
  ["1536", "1536", "1536", "DecimalSI"],
  // binary SI suffixes
  ["1Ki", "1Ki", "1Ki", "BinarySI"],
  ["8Ki", "8Ki", "8Ki", "BinarySI"],
  ["7Mi", "7Mi", "7Mi", "BinarySI"],
  ["6Gi", "6Gi", "6Gi", "BinarySI"],
  ["10Gi", "10Gi", "10Gi", "BinarySI"],
  ["5Ti", "5Ti", "5Ti", "BinarySI"],
  ["10Ti", "10Ti", "10Ti", "BinarySI"],
  ["100Ti", "100Ti", "100Ti", "BinarySI"],
  ["4Pi", "4Pi", "4Pi", "BinarySI"],
  ["3Ei", "3Ei", "3Ei", "BinarySI"],
  ["1024Mi", "1Gi", "1Gi", "BinarySI"],
  ["1024Ki", "1Mi", "1Mi", "BinarySI"],
  ["1032Ki", "1032Ki", "1032Ki", "BinarySI"],
  ["16Gi", "16Gi", "16Gi", "BinarySI"],
  ["2048Ti", "2Pi", "2Pi", "BinarySI"],
  // binary with fractions: integers ≥ 1024 keep a binary suffix, others print as DecimalSI
  ["1.5Gi", "1536Mi", "1536Mi", "BinarySI"],
  ["0.5Mi", "512Ki", "512Ki", "BinarySI"],
  ["100.035Ki", "102435840m", "102435840m", "BinarySI"],
  ["0.05Gi", "53687091200m", "53687091200m", "BinarySI"],
  ["0.025Ti", "27487790694400m", "27487790694400m", "BinarySI"],
  [".001Ki", "1024m", "1024m", "BinarySI"],
  [".000001Ki", "1024u", "1024u", "DecimalSI"],
  [".000000001Ki", "1024n", "1024n", "DecimalSI"],
  [".000000000001Ki", "2n", "2n", "DecimalSI"],
  ["0.000000000001Ki", "2n", "2n", "DecimalSI"],
  ["-1.1Ki", "-1126400m", "-1126400m", "BinarySI"],
  ["1.1Ki", "1126400m", "1126400m", "BinarySI"],
  // exponents
  ["1E-3", "1E-3", "1e-3", "DecimalExponent"],
  ["1e3", "1e3", "1e3", "DecimalExponent"],
  ["1E6", "1E6", "1e6", "DecimalExponent"],
  ["1e9", "1e9", "1e9", "DecimalExponent"],
  ["1E12", "1E12", "1e12", "DecimalExponent"],
  ["1e15", "1e15", "1e15", "DecimalExponent"],
  ["1E18", "1E18", "1e18", "DecimalExponent"],
  ["1e13", "10e12", "10e12", "DecimalExponent"],
  ["1e14", "100e12", "100e12", "DecimalExponent"],
  ["1e4", "10e3", "10e3", "DecimalExponent"],
  ["1e21", "1e21", "1e21", "DecimalExponent"],
  ["1e+3", "1e+3", "1e3", "DecimalExponent"],
  ["1e0", "1e0", "1", "DecimalExponent"],
  ["1e-9", "1e-9", "1e-9", "DecimalExponent"],
  ["1e-10", "1e-9", "1e-9", "DecimalExponent"],
  ["1e0003", "1e0003", "1e3", "DecimalExponent"],
  ["1E+0", "1E+0", "1", "DecimalExponent"],
  ["0.5e0", "500e-3", "500e-3", "DecimalExponent"],
  ["0.5e-1", "50e-3", "50e-3", "DecimalExponent"],
  ["0.5e-2", "5e-3", "5e-3", "DecimalExponent"],
  ["1.2e3", "1200", "1200", "DecimalExponent"],
  ["1.3E+6", "1300e3", "1300e3", "DecimalExponent"],
  ["1.40e9", "1400e6", "1400e6", "DecimalExponent"],
  ["1.53E12", "1530e9", "1530e9", "DecimalExponent"],
  ["1.6e15", "1600e12", "1600e12", "DecimalExponent"],
  ["1.7E18", "1700e15", "1700e15", "DecimalExponent"],
  ["1e999", "1e999", "1e999", "DecimalExponent"],
  ["1e1000", "10e999", "10e999", "DecimalExponent"],
  ["1e-1000", "1e-9", "1e-9", "DecimalExponent"],
  // things that look like floating point
  ["0.001", "1m", "1m", "DecimalSI"],
  [".001", "1m", "1m", "DecimalSI"],
  ["0.0005k", "500m", "500m", "DecimalSI"],
  [".0001k", "100m", "100m", "DecimalSI"],
  ["0.005", "5m", "5m", "DecimalSI"],
  ["0.05", "50m", "50m", "DecimalSI"],
  ["0.5", "500m", "500m", "DecimalSI"],
  ["0.00050k", "500m", "500m", "DecimalSI"],
  ["0.00500", "5m", "5m", "DecimalSI"],
  ["0.50000", "500m", "500m", "DecimalSI"],
  ["9.01", "9010m", "9010m", "DecimalSI"],
  ["8.1k", "8100", "8100", "DecimalSI"],
  ["7.123456M", "7.123456M", "7123456", "DecimalSI"],
  ["6.987654321G", "6.987654321G", "6987654321", "DecimalSI"],
  ["40.1T", "40100G", "40100G", "DecimalSI"],
  ["300.2T", "300200G", "300200G", "DecimalSI"],
  ["2.5P", "2500T", "2500T", "DecimalSI"],
  ["1.01E", "1010P", "1010P", "DecimalSI"],
  // rounding up (away from zero) to a nano
  ["0.1n", "1n", "1n", "DecimalSI"],
  ["0.9n", "1n", "1n", "DecimalSI"],
  ["3.001n", "4n", "4n", "DecimalSI"],
  ["1.1E-9", "2e-9", "2e-9", "DecimalExponent"],
  ["0.5e-9", "1e-9", "1e-9", "DecimalExponent"],
  ["0.0000000001", "1n", "1n", "DecimalSI"],
  ["0.0000000005", "1n", "1n", "DecimalSI"],
  ["0.00000000050", "1n", "1n", "DecimalSI"],
  ["0.00000012345", "124n", "124n", "DecimalSI"],
  ["0.00000012354", "124n", "124n", "DecimalSI"],
  ["-0.0000000001", "-1n", "-1n", "DecimalSI"],
  ["-3.001n", "-4n", "-4n", "DecimalSI"],
  ["0.1m", "100u", "100u", "DecimalSI"],
  ["1.0000000000", "1", "1", "DecimalSI"],
  // the BinarySI cap at 2^63-1; decimal values are never capped
  ["8Ei", "9223372036854775807", "9223372036854775807", "BinarySI"],
  ["9Ei", "9223372036854775807", "9223372036854775807", "BinarySI"],
  ["-8Ei", "-9223372036854775807", "-9223372036854775807", "BinarySI"],
  ["9223372036854775807Ki", "9223372036854775807", "9223372036854775807", "BinarySI"],
  ["7.99999999999Ei", "9223372036843246592953931531n", "9223372036843246592953931531n", "BinarySI"],
  ["12E", "12E", "12E", "DecimalSI"],
  ["100E", "100E", "100E", "DecimalSI"],
  ["200E", "200E", "200E", "DecimalSI"],
  ["12345678901234567890", "12345678901234567890", "12345678901234567890", "DecimalSI"],
  // DecimalSI beyond E: Kubernetes (older releases) prints "1"; kubevol prints the exact e-form
  ["1000E", "1e21", "1e21", "DecimalSI"],
  ["10000E", "10e21", "10e21", "DecimalSI"],
  ["1000000P", "1e21", "1e21", "DecimalSI"],
  ["5000E", "5e21", "5e21", "DecimalSI"],
];

describe("parseQuantity: valid input (B.2–B.5)", () => {
  it.each(VALID)("%s prints %s, canonical %s, %s", (input, printed, canonical, format) => {
    const q = parseQuantity(input);
    expect(q.toString()).toBe(printed);
    expect(q.canonical()).toBe(canonical);
    expect(q.format).toBe(format);
    expect(q.toJSON()).toBe(printed);
    // the canonical form re-parses to the same value
    expect(parseQuantity(canonical).cmp(q)).toBe(0);
    expect(nanosOf(q)).toBe(canonicalNanos(canonical));
  });

  it("negates every non-zero entry with a leading '-'", () => {
    for (const [input, , canonical] of VALID) {
      if (input.startsWith("-") || input.startsWith("+")) continue;
      const q = parseQuantity("-" + input);
      if (canonical === "0") {
        expect(q.isZero()).toBe(true);
        continue;
      }
      expect(q.canonical()).toBe("-" + canonical);
      expect(q.cmp(parseQuantity(input).neg())).toBe(0);
    }
  });

  it("accepts an explicit '+' on every entry with the same value", () => {
    for (const [input] of VALID) {
      if (input.startsWith("-") || input.startsWith("+")) continue;
      expect(parseQuantity("+" + input).cmp(parseQuantity(input))).toBe(0);
    }
  });
});

// B.5: when Kubernetes keeps the input text as the printed form
const CACHED: [string, string][] = [
  ["+1", "+1"],
  ["01", "01"],
  ["001k", "001k"],
  ["1.", "1."],
  ["5.k", "5.k"],
  ["1.G", "1.G"],
  ["1.500k", "1.500k"],
  ["100.035k", "100.035k"],
  ["10.035M", "10.035M"],
  ["5.444T", "5.444T"],
  ["1E3", "1E3"],
  ["1e+3", "1e+3"],
  ["1e0", "1e0"],
  ["1E-3", "1E-3"],
  ["+1Ki", "+1Ki"],
  ["01Ki", "01Ki"],
  ["-1Ki", "-1Ki"],
  ["+5Mi", "+5Mi"],
  // not kept: the heuristic fails
  ["1000", "1k"],
  ["1.0E", "1E"],
  ["1024Ki", "1Mi"],
  ["0.5", "500m"],
  ["+0.5", "500m"],
  ["00.500", "500m"],
  ["1.000", "1"],
  ["1.0", "1"],
  ["1000k", "1M"],
  ["+8Ki", "8Ki"],
  ["+16Gi", "16Gi"],
  ["+1.5Gi", "1536Mi"],
  ["+1.Ki", "+1.Ki"],
  // fast-path length limits: decimal ≤ 18 digits; binary integer part ≤ 11 (Ki), 8 (Mi), 5 (Gi), 2 (Ti), never Pi/Ei
  ["+123456789012345678", "+123456789012345678"],
  ["+1234567890123456789", "1234567890123456789"],
  ["+123456789012345.678", "+123456789012345.678"],
  ["+1234567890123456.789", "1234567890123456789m"],
  ["+99999999999Ki", "+99999999999Ki"],
  ["+999999999999Ki", "999999999999Ki"],
  ["+99999999Mi", "+99999999Mi"],
  ["+999999999Mi", "999999999Mi"],
  ["+99999Gi", "+99999Gi"],
  ["+999999Gi", "999999Gi"],
  ["+99Ti", "+99Ti"],
  ["+999Ti", "999Ti"],
  ["+1Pi", "1Pi"],
  ["+1Ei", "1Ei"],
  // scale must be ≥ -9 and a multiple of 3
  ["+1e-9", "+1e-9"],
  ["+0.000000001", "1n"],
  ["+1.000000001", "+1.000000001"],
  ["+1.0000000001", "1000000001n"],
  ["+1.5e2", "150"],
  ["+1.5e4", "+1.5e4"],
  ["+15e2", "1500"],
  ["+1e999", "+1e999"],
];

describe("the cached input string (B.5)", () => {
  it.each(CACHED)("%s prints %s", (input, printed) => {
    const q = parseQuantity(input);
    expect(q.toString()).toBe(printed);
    expect(JSON.stringify(q)).toBe(JSON.stringify(printed));
    // the cache never changes the value
    expect(parseQuantity(q.canonical()).cmp(q)).toBe(0);
  });

  it("is dropped by any arithmetic", () => {
    const q = parseQuantity("1.500k");
    expect(q.add(parseQuantity("0")).toString()).toBe("1500");
    expect(q.sub(parseQuantity("0")).toString()).toBe("1500");
    expect(q.neg().toString()).toBe("-1500");
    expect(q.neg().neg().toString()).toBe("1500");
    expect(parseQuantity("+1Ki").add(parseQuantity("0")).toString()).toBe("1Ki");
  });

  it("keeps every canonical string Kubernetes' own table says is kept", () => {
    for (const s of [
      "1Gi",
      "300Mi",
      "6Ki",
      "1001Gi",
      "1Ti",
      "5",
      "500m",
      "1G",
      "1m",
      "80m",
      "1080m",
      "300M",
      "1T",
      "1E",
      "1234567M",
      "1234567m",
      "3k",
      "1025",
      "1e9",
      "1e-3",
      "1e-9",
      "80e-3",
      "300e6",
      "1e12",
      "1e3",
      "3e3",
      "1n",
      "80n",
      "1080n",
      "1u",
      "80u",
      "1080u",
      "0",
    ]) {
      expect(parseQuantity(s).toString()).toBe(s);
    }
  });
});

// [input, reason, message]
const INVALID: [string, QuantityErrorReason][] = [
  ["", "format"],
  [" 1", "format"],
  ["1 ", "format"],
  ["\t1", "format"],
  ["1\n", "format"],
  ["10 Gi", "format"],
  ["1.1.M", "format"],
  ["1+1.0M", "format"],
  ["0.1am", "format"],
  ["aoeu", "format"],
  ["Non-Numeric", "format"],
  ["1e3.5", "format"],
  ["1KI", "format"],
  ["1b", "format"],
  ["10GB", "format"],
  ["1e1k", "format"],
  ["0x10", "format"],
  ["1_000", "format"],
  ["1,000", "format"],
  ["1E--3", "format"],
  ["1e+-3", "format"],
  ["١", "format"],
  ["１", "format"],
  ["1Gi ", "format"],
  ["-3.01e-x", "format"],
  ["1i", "suffix"],
  [".5i", "suffix"],
  ["-3.01i", "suffix"],
  ["-3.01e-", "suffix"],
  ["0.1mi", "suffix"],
  ["1K", "suffix"],
  ["1ki", "suffix"],
  ["1mi", "suffix"],
  ["1ei", "suffix"],
  ["1mm", "suffix"],
  ["1EE", "suffix"],
  ["1Ee3", "suffix"],
  ["1e", "suffix"],
  ["1e-", "suffix"],
  ["1e+", "suffix"],
  ["1k3", "suffix"],
  ["1Gi3", "suffix"],
  ["1+1", "suffix"],
  ["+-1", "suffix"],
  ["--1", "suffix"],
  ["-+1", "suffix"],
  ["1KiB", "format"],
  ["1e99999999999999999999", "suffix"],
  ["1e9223372036854775808", "suffix"],
  ["1e-9223372036854775809", "suffix"],
  // kubevol's limits (Kubernetes accepts these)
  ["1e1001", "limit"],
  ["1e-1001", "limit"],
  ["1e999999999", "limit"],
  ["1E999999999", "limit"],
  ["1e9223372036854775807", "limit"],
  ["1e-9223372036854775808", "limit"],
  ["1e00000000000000000000000000005000", "limit"],
  ["10e1000", "limit"],
  ["1" + "0".repeat(983) + "E", "limit"],
  ["1" + "0".repeat(1001), "limit"],
  ["1".repeat(MAX_QUANTITY_LENGTH + 1), "limit"],
  ["x".repeat(100_000), "limit"],
];

describe("parseQuantity: invalid input", () => {
  it.each(INVALID.map(([s, r]) => [s.length > 40 ? `${s.slice(0, 20)}…(${s.length} chars)` : s, s, r] as const))(
    "%s → %s",
    (_label, input, reason) => {
      const e = thrown(() => parseQuantity(input));
      expect(e).toBeInstanceOf(QuantityError);
      const err = e as QuantityError;
      expect(err.reason).toBe(reason);
      expect(err.name).toBe("QuantityError");
      if (reason === "format") expect(err.message).toBe(FORMAT_MESSAGE);
      if (reason === "suffix") expect(err.message).toBe(SUFFIX_MESSAGE);
      if (reason === "limit") expect(err.message).toMatch(/too long|out of range|too large/);
    },
  );

  it("rejects non-strings with the format error", () => {
    for (const v of [10, null, undefined, {}, [], 1n]) {
      const e = thrown(() => parseQuantity(v as unknown as string));
      expect(e).toBeInstanceOf(QuantityError);
      expect((e as QuantityError).message).toBe(FORMAT_MESSAGE);
    }
  });

  it("accepts the largest values inside the limits", () => {
    expect(parseQuantity("1" + "0".repeat(MAX_QUANTITY_EXPONENT)).canonical()).toBe("10e999");
    expect(parseQuantity("1" + "0".repeat(982) + "E").canonical()).toBe("10e999");
    expect(parseQuantity("9".repeat(MAX_QUANTITY_EXPONENT + 1)).cmp(parseQuantity("1e1000"))).toBe(1);
    expect(parseQuantity("1e-1000").canonical()).toBe("1e-9");
    expect(parseQuantity("0." + "0".repeat(MAX_QUANTITY_LENGTH - 3) + "1").canonical()).toBe("1n");
    expect(parseQuantity("1e0000000000000000000000000001000").canonical()).toBe("10e999");
  });
});

describe("1Gi vs 1G and other comparisons (B.6)", () => {
  const q = parseQuantity;
  it.each([
    ["1Gi", "1G", 1],
    ["1G", "1Gi", -1],
    ["1Gi", "1024Mi", 0],
    ["1Gi", "1073741824", 0],
    ["1k", "1000", 0],
    ["1k", "1e3", 0],
    ["0m", "0Ki", 0],
    ["0m", "-0", 0],
    ["100m", "50m", 1],
    ["50m", "100m", -1],
    ["10000T", "100Gi", 1],
    ["200E", "800E", -1],
    ["950E", "800E", 1],
    ["800E", "950E", -1],
    ["200E", "200E", 0],
    ["200E", "200000000000000000000", 0],
    ["200E", "199999999999999999999.999999999", 1],
    ["200E", "200000000000000000000.000000001", -1],
    ["9223372036854775807", "8Ei", 0],
    ["9223372036854775808", "8Ei", 1],
    ["9007199254740993", "9007199254740992", 1],
    ["9007199254740992", "9007199254740993", -1],
    ["-9007199254740993", "-9007199254740992", -1],
    ["1e1000", "2e999", 1],
    ["-1e1000", "-2e999", -1],
    ["1e1000", "-1e1000", 1],
    ["1e1000", "1000e997", 0],
    ["1n", "0", 1],
    ["-1n", "0", -1],
    ["1.000000001", "1", 1],
    ["0.1", "100m", 0],
    ["1.5Gi", "1536Mi", 0],
    ["1.5Gi", "1610612736", 0],
    ["1.5Gi", "1610612736.000000001", -1],
  ] as const)("%s cmp %s = %d", (a, b, want) => {
    expect(q(a).cmp(q(b))).toBe(want);
    expect(q(b).cmp(q(a))).toBe(want === 0 ? 0 : -want);
    expect(q(a).equal(q(b))).toBe(want === 0);
    expect(q(a).sub(q(b)).sign()).toBe(want);
  });
});

describe("parse results are Quantity instances", () => {
  it("is immutable in value (arithmetic returns new objects)", () => {
    const a = parseQuantity("10Gi");
    const b = a.add(parseQuantity("1Gi"));
    expect(a.toString()).toBe("10Gi");
    expect(b).not.toBe(a);
    expect(b).toBeInstanceOf(Quantity);
  });
});
