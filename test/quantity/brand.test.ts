/**
 * The cross-realm brand: a Quantity made by another copy of kubevol (a second module instance,
 * as an ES module and a CommonJS copy, two installed versions or a bundle give) is still a
 * Quantity to `instanceof`, `isQuantity` and the methods of this copy.
 */
import { describe, expect, it, vi } from "vitest";
import { isQuantity, parseQuantity, Quantity } from "../../src/quantity/index.js";

async function otherCopy(): Promise<typeof import("../../src/quantity/index.js")> {
  vi.resetModules();
  return import("../../src/quantity/index.js");
}

describe("isQuantity", () => {
  it("is true for quantities, false for anything else", () => {
    expect(isQuantity(parseQuantity("10Gi"))).toBe(true);
    expect(isQuantity(Quantity.fromValue(1024, "BinarySI"))).toBe(true);
    expect(isQuantity(parseQuantity("1Gi").add(parseQuantity("1Mi")))).toBe(true);
    for (const x of ["10Gi", 10, 10n, null, undefined, {}, [], { _c: 1, _e: 0 }, Object.create(null)]) expect(isQuantity(x)).toBe(false);
  });

  it("agrees with instanceof", () => {
    expect(parseQuantity("1") instanceof Quantity).toBe(true);
    expect({} instanceof Quantity).toBe(false);
    expect((null as unknown) instanceof Quantity).toBe(false);
  });

  it("keeps the brand out of the object's own keys and its JSON", () => {
    const q = parseQuantity("1.5Gi");
    expect(Object.getOwnPropertySymbols(q)).toEqual([]);
    expect(Object.keys(q)).not.toContain("kubevol.Quantity");
    expect(JSON.stringify({ q })).toBe('{"q":"1536Mi"}');
    expect(Object.getOwnPropertySymbols(Quantity.prototype)).toEqual([Symbol.for("kubevol.Quantity")]);
  });
});

describe("a second copy of the module", () => {
  it("has its own class, and every check still holds across the copies", async () => {
    const copy = await otherCopy();
    expect(copy.Quantity).not.toBe(Quantity);
    const theirs = copy.parseQuantity("1Gi");
    const ours = parseQuantity("1024Mi");
    expect(theirs instanceof Quantity).toBe(true);
    expect(ours instanceof copy.Quantity).toBe(true);
    expect(isQuantity(theirs)).toBe(true);
    expect(copy.isQuantity(ours)).toBe(true);
  });

  it("takes the other copy's quantities in arithmetic and comparison", async () => {
    const copy = await otherCopy();
    const theirs = copy.parseQuantity("200000000000000000000.000000001");
    const ours = parseQuantity("200E");
    expect(ours.cmp(theirs)).toBe(-1);
    expect(theirs.cmp(ours)).toBe(1);
    expect(parseQuantity("1Gi").equal(copy.parseQuantity("1024Mi"))).toBe(true);
    expect(parseQuantity("1Gi").add(copy.parseQuantity("512Mi")).toString()).toBe("1536Mi");
    expect(parseQuantity("0").sub(copy.parseQuantity("1Gi")).toString()).toBe("-1Gi");
  });
});

describe("the error classes", () => {
  it("QuantityError and SelectorError match instanceof across copies; subclasses keep the prototype test", async () => {
    vi.resetModules();
    const q = await import("../../src/quantity/index.js");
    const l = await import("../../src/labels/index.js");
    vi.resetModules();
    const q2 = await import("../../src/quantity/index.js");
    const l2 = await import("../../src/labels/index.js");
    expect(q2.QuantityError).not.toBe(q.QuantityError);
    let thrown: unknown;
    try {
      q2.parseQuantity("10GB");
    } catch (e) {
      thrown = e;
    }
    expect(thrown instanceof q.QuantityError).toBe(true);
    expect(thrown instanceof Error).toBe(true);
    expect(new Error("x") instanceof q.QuantityError).toBe(false);
    expect(() => l2.parseSelector("x in")).toThrow(l.SelectorError);
    expect(new l.SelectorError("x") instanceof l2.SelectorError).toBe(true);
    class Sub extends q.QuantityError {}
    expect(new Sub("format") instanceof Sub).toBe(true);
    expect(new q.QuantityError("format") instanceof Sub).toBe(false);
  });
});
