import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CapacityTexts } from "../../src/matching/capacity-texts.js";
import { VolumeStore } from "../../src/matching/volume-index/volume-store.js";
import type { NodeSelector } from "../../src/labels/index.js";

/** JSON text with every object's keys sorted: equal iff the values are equal as JSON content up to key order. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(",")}]`;
  if (typeof x === "object" && x !== null) {
    const keys = Object.keys(x).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(x);
}

/** Node selectors from a small vocabulary, so that equal ones are drawn often. */
const selector: fc.Arbitrary<unknown> = fc
  .array(
    fc.record(
      {
        matchExpressions: fc.array(
          fc.record({
            key: fc.constantFrom("zone", "kubernetes.io/hostname"),
            operator: fc.constantFrom("In", "NotIn"),
            values: fc.array(fc.constantFrom("a", "b"), { maxLength: 2 }),
          }),
          { maxLength: 2 },
        ),
        matchFields: fc.constant([]),
      },
      { requiredKeys: [] },
    ),
    { maxLength: 2 },
  )
  .map((nodeSelectorTerms) => ({ nodeSelectorTerms }));

/** A copy with every object's keys in reverse order (same content). */
function reordered(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(reordered);
  if (typeof x === "object" && x !== null) {
    // fromEntries defines own keys, "__proto__" included (an assignment would set the prototype).
    return Object.fromEntries(
      Object.keys(x)
        .reverse()
        .map((k) => [k, reordered((x as Record<string, unknown>)[k])]),
    );
  }
  return x;
}

describe("VolumeStore.affinityIs", () => {
  it("is equality of JSON content up to key order", () => {
    const store = new VolumeStore(16, new CapacityTexts());
    const value = fc.oneof(selector, fc.jsonValue({ maxDepth: 3 }));
    fc.assert(
      fc.property(value, value, fc.boolean(), (a, b, reorder) => {
        const id = store.internAffinity(a as NodeSelector);
        const other = reorder ? reordered(b) : b;
        expect(store.affinityIs(id, other as NodeSelector)).toBe(canonical(a) === canonical(b));
        expect(store.affinityIs(id, reordered(a) as NodeSelector)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    // Found by a CI run: an own "__proto__" key.
    const odd = JSON.parse('{"__proto__":false}') as NodeSelector;
    const id = store.internAffinity(odd);
    expect(store.affinityIs(id, reordered(odd) as NodeSelector)).toBe(true);
    expect(store.affinityIs(id, {} as NodeSelector)).toBe(false);
  });

  it("tells arrays from objects with the same keys, and counts extra keys on either side", () => {
    const store = new VolumeStore(16, new CapacityTexts());
    const id = store.internAffinity({ nodeSelectorTerms: [{ matchExpressions: [] }] } as NodeSelector);
    expect(store.affinityIs(id, { nodeSelectorTerms: { 0: { matchExpressions: [] } } } as unknown as NodeSelector)).toBe(false);
    expect(store.affinityIs(id, { nodeSelectorTerms: [{ matchExpressions: [], matchFields: [] }] } as NodeSelector)).toBe(false);
    expect(store.affinityIs(id, { nodeSelectorTerms: [{}] } as NodeSelector)).toBe(false);
    expect(store.affinityIs(id, { nodeSelectorTerms: [{ matchExpressions: [] }], x: 1 } as unknown as NodeSelector)).toBe(false);
    expect(store.affinityIs(id, undefined)).toBe(false);
    expect(store.affinityIs(0, undefined)).toBe(true);
  });
});
