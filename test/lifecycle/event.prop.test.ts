import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DistinctEvents, eventKey, type LifecycleEvent } from "../../src/lifecycle/index.js";

/** Events over a small vocabulary (with "/" in names and an absent namespace), so repeats and near-repeats are common. */
const event: fc.Arbitrary<LifecycleEvent> = fc.record({
  type: fc.constantFrom("Normal" as const, "Warning" as const),
  reason: fc.constantFrom("FailedBinding", "WaitForFirstConsumer"),
  message: fc.constantFrom("no persistent volumes available", "waiting", "waiting "),
  object: fc.record(
    {
      kind: fc.constantFrom("PersistentVolume" as const, "PersistentVolumeClaim" as const, "Pod" as const),
      namespace: fc.constantFrom("", "a", "a/b"),
      name: fc.constantFrom("c", "b/c", "x"),
    },
    { requiredKeys: ["kind", "name"] },
  ),
  time: fc.constantFrom("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z"),
});

describe("DistinctEvents", () => {
  it("adds an event exactly when no earlier one has its eventKey", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const set = new DistinctEvents();
        const keys = new Set<string>();
        for (const e of events) {
          const fresh = !keys.has(eventKey(e));
          keys.add(eventKey(e));
          expect(set.add(e)).toBe(fresh);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("treats an absent namespace as the empty one, and keeps objects whose joined names collide apart", () => {
    const e: LifecycleEvent = {
      type: "Normal",
      reason: "R",
      message: "m",
      object: { kind: "PersistentVolumeClaim", namespace: "a/b", name: "c" },
      time: "2026-01-01T00:00:00Z",
    };
    const set = new DistinctEvents();
    expect(set.add(e)).toBe(true);
    expect(set.add({ ...e, object: { kind: "PersistentVolumeClaim", namespace: "a", name: "b/c" } })).toBe(true);
    expect(set.add({ ...e, time: "2026-01-02T00:00:00Z" })).toBe(false);
    const pv: LifecycleEvent = { ...e, object: { kind: "PersistentVolume", name: "pv" } };
    expect(set.add(pv)).toBe(true);
    expect(set.add({ ...pv, object: { kind: "PersistentVolume", namespace: "", name: "pv" } })).toBe(false);
  });
});
