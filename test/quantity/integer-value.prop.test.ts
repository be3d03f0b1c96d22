import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuantity, quantityIntegerValue } from "../../src/quantity/index.js";

const SUFFIXES = ["", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "m", "n", "u", "K", "e3", "E2", "i", "Gb"];

/** The reference: parseQuantity's value, when it is a safe integer. */
function reference(text: string): number | undefined {
  try {
    const q = parseQuantity(text);
    const v = q.value();
    return q.cmp(parseQuantity(String(v))) === 0 && v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= 0n ? Number(v) : undefined;
  } catch {
    return undefined;
  }
}

describe("quantityIntegerValue", () => {
  it("answers exactly what parseQuantity does wherever it answers", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+-]?[0-9]{0,18}(\.[0-9]{0,3})?$/), fc.constantFrom(...SUFFIXES), (digits, suffix) => {
        const text = digits + suffix;
        const got = quantityIntegerValue(text);
        if (got >= 0) expect(got).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it("answers the plain forms a pool is made of", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom("", "k", "M", "G", "T", "Ki", "Mi", "Gi", "Ti"), (n, s) => {
        const text = `${n}${s}`;
        const want = reference(text);
        expect(quantityIntegerValue(text)).toBe(want ?? -1);
      }),
    );
  });

  it.each([
    ["10Gi", 10737418240],
    ["0", 0],
    ["007", 7],
    ["8Pi", -1],
    ["7Pi", 7 * 2 ** 50],
    ["9007199254740991", -1],
    ["999999999999999", 999999999999999],
    ["1.5Gi", -1],
    ["1e3", -1],
    ["+1", -1],
    ["-1", -1],
    ["", -1],
    ["Gi", -1],
    ["10 Gi", -1],
    ["8Ei", -1],
    ["1000000000000000", -1],
    ["1Ki\u0000", -1],
  ])("%s → %d", (text, want) => {
    expect(quantityIntegerValue(text)).toBe(want);
  });
});
