import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortByFloat64, sortByUint32 } from "../../src/matching/volume-index/radix-sort.js";

describe("radix sorts (VolumeIndex bulk build)", () => {
  it("sortByUint32 is a stable sort by key", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2 ** 32 - 1 }), { maxLength: 300 }), fc.constantFrom(2 as const, 4 as const), (keys, passes) => {
        const items = Int32Array.from(keys, (_, i) => i);
        const want = [...items].sort((a, b) => keys[a]! - keys[b]! || a - b);
        expect([...sortByUint32(Int32Array.from(items), Uint32Array.from(keys), passes)]).toEqual(want);
      }),
    );
  });

  it("sortByFloat64 is a stable numeric sort, negatives and zeros included", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1, 2 ** 53, -1)), { maxLength: 300 }), (keys) => {
        const items = Int32Array.from(keys, (_, i) => i * 3);
        const want = [...items].sort((a, b) => {
          const ka = keys[a / 3]!;
          const kb = keys[b / 3]!;
          if (ka !== kb) return ka < kb ? -1 : 1;
          if (Object.is(ka, -0) !== Object.is(kb, -0)) return Object.is(ka, -0) ? -1 : 1;
          return a - b;
        });
        expect([...sortByFloat64(items, Float64Array.from(keys))]).toEqual(want);
      }),
    );
  });
});
