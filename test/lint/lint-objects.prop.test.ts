import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LINT_RULES, lintObjects } from "../../src/lint/index.js";
import { claims, pool } from "../../src/testing/index.js";
import { sc } from "./fixtures.js";

const codes = new Set(LINT_RULES.map((r) => r.code));
const kind = fc.constantFrom("PersistentVolume", "PersistentVolumeClaim", "StorageClass", "Pod", "List");
const junkObject = fc.record(
  {
    kind,
    metadata: fc.oneof(fc.record({ name: fc.string({ maxLength: 4 }) }), fc.jsonValue({ maxDepth: 2 })),
    spec: fc.jsonValue({ maxDepth: 3 }),
    status: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: ["kind"] },
);

describe("lintObjects laws", () => {
  it("never throws on junk; findings are well-formed and point into the input", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(junkObject, fc.jsonValue({ maxDepth: 2 })), { maxLength: 8 }), fc.boolean(), (objects, withCluster) => {
        const findings = lintObjects(
          objects,
          withCluster ? { cluster: { volumes: objects as never[], storageClasses: objects as never[], nodes: [] } } : {},
        );
        for (const f of findings) {
          expect(codes.has(f.code)).toBe(true);
          expect(["error", "warning", "info"]).toContain(f.severity);
          expect(f.message.length).toBeGreaterThan(0);
          expect(f.hint.length).toBeGreaterThan(0);
          expect(f.field.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("on the seeded workload: deterministic, ordered by input, and disabling a rule removes exactly its findings", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.constantFrom(...LINT_RULES.map((r) => r.code)), (seed, code) => {
        const volumes = pool(60, seed);
        const objects = [
          ...volumes.slice(0, 30),
          ...claims(30, seed),
          sc("fast-0", {}, { default: true }),
          sc("local", { provisioner: "kubernetes.io/no-provisioner" }),
        ];
        const options = { cluster: { volumes, storageClasses: [] } };
        const all = lintObjects(objects, options);
        expect(lintObjects(objects, options)).toEqual(all);
        for (let i = 1; i < all.length; i++) expect(all[i]!.object.index).toBeGreaterThanOrEqual(all[i - 1]!.object.index);
        const without = lintObjects(objects, { ...options, disable: [code] });
        expect(without).toEqual(all.filter((f) => f.code !== code));
      }),
      { numRuns: 25 },
    );
  });
});
