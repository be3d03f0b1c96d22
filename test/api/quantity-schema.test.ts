import { describe, expect, it } from "vitest";
import { numberToQuantityText, QuantityOrNullSchema, QuantitySchema, quantityText, trimQuantityText } from "../../src/api/index.js";
import { parseQuantity, QUANTITY_FORMAT_MESSAGE, QUANTITY_SUFFIX_MESSAGE } from "../../src/quantity/index.js";

describe("QuantitySchema", () => {
  it.each(["10Gi", "1G", "500M", "1.5Gi", "100m", "1e3", "+1Ki", "01", "1.500k", "0", "-1", "200E"])(
    "keeps the string %j as written",
    (q) => {
      expect(QuantitySchema.parse(q)).toBe(q);
    },
  );

  it("trims surrounding whitespace as the API server's decoder does", () => {
    expect(QuantitySchema.parse(" 1G ")).toBe("1G");
    expect(QuantitySchema.parse("\t10Gi\n")).toBe("10Gi");
  });

  const numbers: [number, string][] = [
    [0, "0"],
    [-0, "0"],
    [10, "10"],
    [1073741824, "1073741824"],
    [-5, "-5"],
    [1.5, "1.5"],
    [0.1, "0.1"],
    [2.5e-3, "0.0025"],
    [1.5e-7, "0.00000015"],
    [1e21, "1000000000000000000000"],
    [1.234e22, "12340000000000000000000"],
    [-1e-7, "-0.0000001"],
    [Number.MAX_SAFE_INTEGER, "9007199254740991"],
  ];
  it.each(numbers)("writes the number %d as %j", (n, text) => {
    expect(QuantitySchema.parse(n)).toBe(text);
    expect(numberToQuantityText(n)).toBe(text);
    // the text is a quantity with exactly the number's value (for these spellings)
    expect(parseQuantity(text).toNumber()).toBe(n === 0 ? 0 : n);
  });

  it("rejects malformed text with Kubernetes' messages", () => {
    const format = QuantitySchema.safeParse("10GB");
    expect(format.success).toBe(false);
    expect(format.error?.issues[0]?.message).toBe(QUANTITY_FORMAT_MESSAGE);
    const suffix = QuantitySchema.safeParse("1K");
    expect(suffix.error?.issues[0]?.message).toBe(QUANTITY_SUFFIX_MESSAGE);
    expect(QuantitySchema.safeParse("").error?.issues[0]?.message).toBe(QUANTITY_FORMAT_MESSAGE);
    expect(QuantitySchema.safeParse("1 Gi").success).toBe(false);
  });

  it.each([NaN, Infinity, -Infinity])("rejects the non-finite number %d", (n) => {
    const r = QuantitySchema.safeParse(n);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(QUANTITY_FORMAT_MESSAGE);
  });

  it.each([
    [true, "boolean"],
    [null, "null"],
    [undefined, "undefined"],
    [{}, "object"],
    [[1], "array"],
  ] as const)("rejects %j with a type message", (v, type) => {
    const r = QuantitySchema.safeParse(v);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(`Invalid input: expected quantity (string or number), received ${type}`);
  });

  it("QuantityOrNullSchema reads null as zero", () => {
    expect(QuantityOrNullSchema.parse(null)).toBe("0");
    expect(QuantityOrNullSchema.parse("1Gi")).toBe("1Gi");
    expect(QuantityOrNullSchema.safeParse(undefined).success).toBe(false);
  });
});

describe("quantity text helpers", () => {
  it("trims Go whitespace, including U+0085 and U+00A0", () => {
    expect(trimQuantityText("\u00851Gi\u00a0")).toBe("1Gi");
    expect(trimQuantityText("1Gi")).toBe("1Gi");
    expect(trimQuantityText("   ")).toBe("");
  });

  it("quantityText accepts strings and numbers only", () => {
    expect(quantityText(" 5Gi")).toBe("5Gi");
    expect(quantityText(1000)).toBe("1000");
    expect(() => quantityText(false)).toThrow(QUANTITY_FORMAT_MESSAGE);
    expect(() => numberToQuantityText(NaN)).toThrow(QUANTITY_FORMAT_MESSAGE);
  });

  it("writes the smallest and largest doubles without an exponent", () => {
    expect(numberToQuantityText(5e-324)).toBe(`0.${"0".repeat(323)}5`);
    expect(numberToQuantityText(1e308)).toBe(`1${"0".repeat(308)}`);
    expect(parseQuantity(numberToQuantityText(5e-324)).toString()).toBe("1n");
  });
});
