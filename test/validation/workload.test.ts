import { describe, expect, it } from "vitest";
import { claims, pool } from "../../src/testing/index.js";
import { validatePersistentVolume, validatePersistentVolumeClaim } from "../../src/validation/index.js";

// The seeded benchmark workload (docs/benchmarks.md) must consist of objects the API server would accept.
describe("the seeded workload is valid", () => {
  it("pool(2000) volumes", () => {
    const bad = pool(2000, 42).flatMap((pv) => validatePersistentVolume(pv).map((e) => `${pv.metadata!.name}: ${e.toString()}`));
    expect(bad).toEqual([]);
  });
  it("claims(2000)", () => {
    const bad = claims(2000, 42).flatMap((c) => validatePersistentVolumeClaim(c).map((e) => `${c.metadata!.name}: ${e.toString()}`));
    expect(bad).toEqual([]);
  });
});
