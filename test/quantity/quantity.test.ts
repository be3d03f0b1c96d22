import { describe, expect, it } from "vitest";
import { Quantity, QuantityError, decodeQuantity, parseQuantity, type QuantityFormat } from "../../src/quantity/index.js";

const q = parseQuantity;

describe("add / sub / neg (B.7)", () => {
  it.each([
    ["1Gi", "+", "512Mi", "1536Mi", "BinarySI"],
    ["100m", "+", "900m", "1", "DecimalSI"],
    ["0", "+", "1Gi", "1Gi", "BinarySI"],
    ["0", "-", "1Gi", "-1Gi", "BinarySI"],
    ["1Gi", "-", "0", "1Gi", "BinarySI"],
    ["1Gi", "+", "0", "1Gi", "BinarySI"],
    ["1", "+", "1Ki", "1025", "DecimalSI"],
    ["1Ki", "-", "1", "1023", "BinarySI"],
    ["1G", "+", "1Gi", "2073741824", "DecimalSI"],
    ["1G", "-", "1Gi", "-73741824", "DecimalSI"],
    ["1.5", "+", "1.5", "3", "DecimalSI"],
    ["100m", "+", "0", "100m", "DecimalSI"],
    ["100m", "-", "0", "100m", "DecimalSI"],
    ["0", "+", "100m", "100m", "DecimalSI"],
    ["0", "-", "100m", "-100m", "DecimalSI"],
    ["0Ki", "+", "1k", "1k", "DecimalSI"],
    ["1k", "-", "1k", "0", "DecimalSI"],
    ["1Gi", "-", "1Gi", "0", "BinarySI"],
    ["8Ei", "+", "8Ei", "18446744073709551614", "BinarySI"],
    ["4Ei", "+", "4Ei", "8Ei", "BinarySI"],
    ["200E", "+", "800E", "1e21", "DecimalSI"],
    ["1e1000", "-", "1e1000", "0", "DecimalExponent"],
    ["1e1000", "+", "1n", "1" + "0".repeat(1008) + "1e-9", "DecimalExponent"],
    ["9007199254740991", "+", "1", "9007199254740992", "DecimalSI"],
    ["-9007199254740991", "-", "1", "-9007199254740992", "DecimalSI"],
    ["9007199254740992", "-", "1", "9007199254740991", "DecimalSI"],
    ["1n", "+", "1E", "1" + "0".repeat(26) + "1n", "DecimalSI"],
  ] as const)("%s %s %s = %s (%s)", (a, op, b, want, format) => {
    const r = op === "+" ? q(a).add(q(b)) : q(a).sub(q(b));
    expect(r.toString()).toBe(want);
    expect(r.format).toBe(format);
    expect(r.canonical()).toBe(want);
  });

  it("neg flips the sign and keeps the format", () => {
    expect(q("9.01").neg().toString()).toBe("-9010m");
    expect(q("-9.01").neg().toString()).toBe("9010m");
    expect(q("1Gi").neg().toString()).toBe("-1Gi");
    expect(q("1Gi").neg().format).toBe("BinarySI");
    expect(q("0").neg().toString()).toBe("0");
    expect(q("0").neg().sign()).toBe(0);
    expect(q("200E").neg().toString()).toBe("-200E");
    expect(q("12345678901234567890").neg().neg().cmp(q("12345678901234567890"))).toBe(0);
  });

  it("never mutates its operands", () => {
    const a = q("1.500k");
    const b = q("+1Ki");
    a.add(b);
    a.sub(b);
    a.neg();
    expect(a.toString()).toBe("1.500k");
    expect(b.toString()).toBe("+1Ki");
  });
});

describe("sign / isZero", () => {
  it.each([
    ["0", 0],
    ["-0", 0],
    ["0Ki", 0],
    ["-", 0],
    ["1n", 1],
    ["-1n", -1],
    ["200E", 1],
    ["-200E", -1],
    ["-8Ei", -1],
  ] as const)("%s has sign %d", (s, want) => {
    expect(q(s).sign()).toBe(want);
    expect(q(s).isZero()).toBe(want === 0);
  });
});

describe("value() and milliValue(): ceil away from zero, exact BigInt (B.6)", () => {
  it.each([
    ["0", 0n, 0n],
    ["1", 1n, 1000n],
    ["1.5", 2n, 1500n],
    ["-1.5", -2n, -1500n],
    ["1n", 1n, 1n],
    ["-1n", -1n, -1n],
    ["1u", 1n, 1n],
    ["-1u", -1n, -1n],
    ["100m", 1n, 100n],
    ["-100m", -1n, -100n],
    ["0.5m", 1n, 1n],
    ["1999m", 2n, 1999n],
    ["1001m", 2n, 1001n],
    ["1.0001m", 1n, 2n],
    ["10Gi", 10737418240n, 10737418240000n],
    ["1Gi", 1073741824n, 1073741824000n],
    ["1G", 1000000000n, 1000000000000n],
    ["1.1Ki", 1127n, 1126400n],
    ["-1.1Ki", -1127n, -1126400n], // Kubernetes' big-decimal path gives -1125
    ["8Ei", 9223372036854775807n, 9223372036854775807000n], // Kubernetes' MilliValue overflows
    ["200E", 200n * 10n ** 18n, 200n * 10n ** 21n], // Kubernetes' int64 overflows
    ["-999999999999999999.0", -999999999999999999n, -999999999999999999000n],
    ["1000E", 10n ** 21n, 10n ** 24n],
    ["1e-9", 1n, 1n],
    ["9223372036854775.807", 9223372036854776n, 9223372036854775807n],
    ["12345678901234567890.000000001", 12345678901234567891n, 12345678901234567890001n],
    ["-12345678901234567890.000000001", -12345678901234567891n, -12345678901234567890001n],
    ["1e30", 10n ** 30n, 10n ** 33n],
    ["0.000000001e30", 10n ** 21n, 10n ** 24n],
  ] as const)("%s → value %s, milli %s", (s, v, m) => {
    expect(q(s).value()).toBe(v);
    expect(q(s).milliValue()).toBe(m);
  });

  it("works on arithmetic results", () => {
    expect(q("1.5Gi").add(q("1n")).value()).toBe(1610612737n);
    expect(q("0").sub(q("1.5")).value()).toBe(-2n);
  });
});

describe("Quantity.fromValue (NewQuantity, B.7)", () => {
  it.each([
    [1, "DecimalSI", "1"],
    [1000, "DecimalSI", "1k"],
    [1234000, "DecimalSI", "1234k"],
    [1024, "BinarySI", "1Ki"],
    [1048576, "BinarySI", "1Mi"],
    [1023, "BinarySI", "1023"],
    [1000, "BinarySI", "1k"],
    [1025, "BinarySI", "1025"],
    [3072, "BinarySI", "3Ki"],
    [1536, "BinarySI", "1536"],
    [-1024, "BinarySI", "-1Ki"],
    [1000000, "invalidFormatDefaultsToExponent", "1e6"],
    [0, "BinarySI", "0"],
    [-0, "DecimalSI", "0"],
    [10737418240, "BinarySI", "10Gi"],
    [1e21, "DecimalSI", "1e21"],
    [2 ** 60, "BinarySI", "1Ei"],
    [2 ** 70, "BinarySI", "1024Ei"],
  ] as const)("%s as %s prints %s", (n, format, want) => {
    const r = Quantity.fromValue(n, format as QuantityFormat);
    expect(r.toString()).toBe(want);
    expect(r.format).toBe(format === "invalidFormatDefaultsToExponent" ? "DecimalExponent" : format);
    expect(r.value()).toBe(BigInt(n));
  });

  it("defaults to DecimalSI and takes BigInts of any size", () => {
    expect(Quantity.fromValue(1000).format).toBe("DecimalSI");
    expect(Quantity.fromValue(10n ** 30n).toString()).toBe("1e30");
    expect(Quantity.fromValue(-(2n ** 64n), "BinarySI").toString()).toBe("-16Ei");
    expect(Quantity.fromValue(2n ** 63n - 1n, "BinarySI").value()).toBe(2n ** 63n - 1n);
    expect(Quantity.fromValue(123n).cmp(q("123"))).toBe(0);
    expect(Quantity.fromValue(2n ** 53n + 1n).cmp(Quantity.fromValue(2n ** 53n))).toBe(1);
    // the round trip: NewQuantity(v).String() parses back to v
    for (const n of [1n, 1000n, 1234000n, 1024n, 1048576n, 2n ** 62n]) {
      expect(q(Quantity.fromValue(n, "BinarySI").toString()).value()).toBe(n);
      expect(q(Quantity.fromValue(n).toString()).value()).toBe(n);
    }
  });

  it.each([1.5, NaN, Infinity, -Infinity, 0.1])("rejects the non-integer %s", (n) => {
    expect(() => Quantity.fromValue(n)).toThrow(QuantityError);
    try {
      Quantity.fromValue(n);
    } catch (e) {
      expect((e as QuantityError).reason).toBe("argument");
      expect((e as QuantityError).message).toBe(`quantity value must be an integer, got ${n}`);
    }
  });

  it("rejects non-numbers", () => {
    expect(() => Quantity.fromValue("10" as unknown as number)).toThrow("quantity value must be an integer, got string");
  });
});

describe("toNumber: nearest double", () => {
  it.each([
    ["1.5Gi", 1610612736],
    ["100m", 0.1],
    ["1n", 1e-9],
    ["0.1n", 1e-9],
    ["-1.5", -1.5],
    ["0", 0],
    ["9007199254740993", 9007199254740992],
    ["200E", 2e20],
    ["1e1000", Infinity],
    ["-1e1000", -Infinity],
    ["12345678901234567890.123456789", 12345678901234567890.123456789],
    ["1.5e-5", 1.5e-5],
  ] as const)("%s ≈ %d", (s, want) => {
    expect(q(s).toNumber()).toBe(want);
  });

  it("is never -0", () => {
    expect(Object.is(q("-0").toNumber(), 0)).toBe(true);
    expect(Object.is(q("1").sub(q("1")).toNumber(), 0)).toBe(true);
  });
});

describe("JSON", () => {
  it("encodes as the printed string (cached text included)", () => {
    expect(JSON.stringify({ a: q("10Gi"), b: q("1.500k"), c: q("1000"), d: q("1Gi").add(q("1Gi")) })).toBe(
      '{"a":"10Gi","b":"1.500k","c":"1k","d":"2Gi"}',
    );
  });
});

describe("decodeQuantity (UnmarshalJSON, B.8)", () => {
  it.each([
    [" 1", "1"],
    ["1 ", "1"],
    ["\t10Gi\n", "10Gi"],
    ["\u00a01\u3000", "1"],
    ["\u00851", "1"],
    [1, "1"],
    [10, "10"],
    [-1, "-1"],
    [1.5, "1500m"],
    [1e21, "1e+21"], // JavaScript spells it 1e+21, which Kubernetes keeps as typed
    [0.1, "100m"],
    [null, "0"],
    [undefined, "0"],
  ] as const)("%j → %s", (v, want) => {
    expect(decodeQuantity(v).toString()).toBe(want);
  });

  it.each([["\ufeff1"], [true], [{}], [[]], [NaN], ["1 Gi"], [""], ["  "]])("%j throws QuantityError", (v) => {
    expect(() => decodeQuantity(v)).toThrow(QuantityError);
  });
});
