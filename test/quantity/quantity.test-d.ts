/**
 * Type tests: `isQuantity` narrows; the representation and the constructor are not part of the
 * public type (so not of the published declarations either).
 */
import { describe, expectTypeOf, it } from "vitest";
import { isQuantity, parseQuantity, Quantity } from "../../src/quantity/index.js";

describe("Quantity's public type", () => {
  it("isQuantity narrows unknown to Quantity", () => {
    const x: unknown = JSON.parse("null");
    if (isQuantity(x)) expectTypeOf(x).toEqualTypeOf<Quantity>();
    expectTypeOf(isQuantity).guards.toEqualTypeOf<Quantity>();
  });

  it("shows no representation fields and no constructor", () => {
    const q = parseQuantity("10Gi");
    expectTypeOf(q.format).toEqualTypeOf<"DecimalExponent" | "BinarySI" | "DecimalSI">();
    // @ts-expect-error the coefficient is not part of the type
    q._c;
    // @ts-expect-error nor is the input text
    q._s;
    // @ts-expect-error the constructor is private: use parseQuantity or Quantity.fromValue
    new Quantity(1, undefined, 0, "DecimalSI", undefined);
  });
});
