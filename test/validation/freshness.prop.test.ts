/** Validation answers from its inputs as they are now (no cache survives an in-place edit). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claims, pool } from "../../src/testing/index.js";
import {
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
} from "../../src/validation/index.js";

const text = (errs: readonly unknown[]) => errs.map(String);

describe("validation is fresh", () => {
  it("validatePersistentVolume / Update: edit in place, validate again = validate a copy", () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.constantFrom("10Gi", "-1", "bogus", ""),
        fc.constantFrom<string[]>([], ["ReadWriteOnce"], ["Bogus"]),
        (seed, cap, modes) => {
          const [pv] = structuredClone(pool(1, seed));
          const prev = structuredClone(pv!);
          validatePersistentVolume(pv);
          validatePersistentVolumeUpdate(pv, prev);
          pv!.spec!.capacity = { storage: cap };
          pv!.spec!.accessModes = modes as never;
          expect(text(validatePersistentVolume(pv))).toEqual(text(validatePersistentVolume(structuredClone(pv))));
          expect(text(validatePersistentVolumeUpdate(pv, prev))).toEqual(
            text(validatePersistentVolumeUpdate(structuredClone(pv), structuredClone(prev))),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it("validatePersistentVolumeClaim / Update", () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.constantFrom("1Gi", "0", "x"),
        fc.constantFrom<object | undefined>(undefined, { matchLabels: { "bad key!": "v" } }),
        (seed, req, selector) => {
          const [pvc] = structuredClone(claims(1, seed));
          const prev = structuredClone(pvc!);
          validatePersistentVolumeClaim(pvc);
          validatePersistentVolumeClaimUpdate(pvc, prev);
          pvc!.spec!.resources = { requests: { storage: req } };
          (pvc!.spec as Record<string, unknown>).selector = selector;
          expect(text(validatePersistentVolumeClaim(pvc))).toEqual(text(validatePersistentVolumeClaim(structuredClone(pvc))));
          expect(text(validatePersistentVolumeClaimUpdate(pvc, prev))).toEqual(
            text(validatePersistentVolumeClaimUpdate(structuredClone(pvc), structuredClone(prev))),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
