/** compareStrategies: rows, distance from optimal, differing fates. */
import { describe, expect, it } from "vitest";
import { compareStrategies, planBindings } from "../../src/binding/index.js";
import { claims, pool } from "../../src/testing/index.js";

describe("compareStrategies", () => {
  const input = { volumes: pool(2000, 7), claims: claims(400, 8), classes: [] };

  it("gives one row per strategy with its distance from optimal", () => {
    let t = 0;
    const { rows, plans, differences } = compareStrategies(input, undefined, { clock: () => t++ });
    expect(rows.map((r) => r.strategy)).toEqual(["kubernetes", "best-fit-decreasing", "optimal"]);
    const opt = rows[2]!;
    expect(opt.boundBelowOptimal).toBe(0);
    expect(opt.wasteAboveOptimal).toBe(0n);
    for (const r of rows) {
      expect(r.boundBelowOptimal).toBeGreaterThanOrEqual(0);
      expect(r.bound + r.pending).toBe(400);
      expect(r.timeMs).toBeGreaterThan(0);
    }
    // Same plans as planBindings.
    for (const p of plans) expect(p.assignments).toEqual(planBindings(input, { strategy: p.strategy as "optimal" }).assignments);
    // Every difference names a claim some strategies treat differently.
    expect(differences.length).toBeGreaterThan(0);
    for (const d of differences) expect(new Set(Object.values(d.volumes)).size).toBeGreaterThan(1);
  });

  it("runs optimal for the distance even when it is not listed", () => {
    const { rows } = compareStrategies(input, ["kubernetes"]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.boundBelowOptimal).toBeGreaterThanOrEqual(0);
  });
});
