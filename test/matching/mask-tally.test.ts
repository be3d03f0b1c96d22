/** The reusable failure-mask tally of the explanation scans. */
import { describe, expect, it } from "vitest";
import { MaskTally } from "../../src/matching/explain/mask-tally.js";

describe("MaskTally", () => {
  it("drains the counts in ascending mask order and is empty after", () => {
    const t = new MaskTally();
    for (const m of [8, 1, 8, 0, 8, 1]) t.add(m);
    expect([...t.drain()]).toEqual([
      [0, 1],
      [1, 2],
      [8, 3],
    ]);
    expect([...t.drain()]).toEqual([]);
  });

  it("reset forgets a scan cut short, so the next one counts from zero", () => {
    const t = new MaskTally();
    t.add(5);
    t.add(5);
    t.reset();
    t.add(5);
    expect([...t.drain()]).toEqual([[5, 1]]);
  });
});
