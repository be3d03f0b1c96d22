import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { copyWith, extendWith } from "../../src/api/copy-with.js";

const key = fc.constantFrom("a", "b", "phase", "finalizers", "uid", "resourceVersion", "0", "10", "x-y");
const value = fc.oneof(fc.string(), fc.integer(), fc.constant(undefined), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }));
const record = fc.dictionary(key, value, { maxKeys: 6 });

describe("copyWith", () => {
  it("gives what spread syntax gives: the same keys, in the same order, with the same values", () => {
    fc.assert(
      fc.property(record, fc.option(record, { nil: undefined }), (source, patch) => {
        const expected = { ...source, ...patch };
        const got = copyWith<Record<string, unknown>>(source, patch);
        expect(Object.keys(got)).toEqual(Object.keys(expected));
        for (const k of Object.keys(expected)) expect(got[k]).toBe(expected[k]);
        expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
      }),
    );
  });

  it("never changes its inputs and returns a new object", () => {
    const source = { a: 1, b: [2] };
    const patch = { c: 3 } as Partial<typeof source>;
    const got = copyWith(source, patch);
    expect(got).not.toBe(source);
    expect(source).toEqual({ a: 1, b: [2] });
    expect(patch).toEqual({ c: 3 });
    expect(got.b).toBe(source.b); // shallow, as a spread
  });

  it("copies an own __proto__ key as a key, leaving the prototype alone", () => {
    const source = JSON.parse('{"a": 1, "__proto__": {"polluted": true}}') as Record<string, unknown>;
    const got = copyWith(source, { b: 2 });
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.hasOwn(got, "__proto__")).toBe(true);
    expect((got as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(got)).toEqual(["a", "__proto__", "b"]);
  });

  it("treats an undefined source as an empty object", () => {
    expect(copyWith<{ phase?: string }>(undefined, { phase: "Bound" })).toEqual({ phase: "Bound" });
    expect(copyWith(undefined)).toEqual({});
  });
});

describe("extendWith", () => {
  it("gives what spread syntax gives, keys in the same order", () => {
    fc.assert(
      fc.property(record, record, (base, extra) => {
        const expected = { ...base, ...extra };
        const got = extendWith(base, extra) as Record<string, unknown>;
        expect(Object.keys(got)).toEqual(Object.keys(expected));
        for (const k of Object.keys(expected)) expect(got[k]).toBe(expected[k]);
      }),
    );
  });

  it("leaves both inputs alone", () => {
    const base = { a: 1 };
    const extra = { b: "x" };
    const got = extendWith(base, extra);
    expect(got).toEqual({ a: 1, b: "x" });
    expect(got).not.toBe(base);
    expect(base).toEqual({ a: 1 });
    expect(extra).toEqual({ b: "x" });
  });

  it("keeps the extra keys' literal types and lets them override the base's", () => {
    const got = extendWith({ status: 1, name: "pv1" }, { status: "match" });
    expectTypeOf(got.status).toEqualTypeOf<"match">();
    expectTypeOf(got.name).toEqualTypeOf<string>();
  });
});
