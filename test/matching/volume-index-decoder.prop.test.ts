/**
 * The index's fast volume decoder must be indistinguishable from `decodeVolume` (the one place the
 * decoding rules live): same fields for well-formed volumes, garbage and everything between.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PersistentVolume } from "../../src/api/index.js";
import { type DecodedVolume, decodeVolume } from "../../src/matching/decoded-volume.js";
import { VolumeDecoder } from "../../src/matching/volume-index/volume-decoder.js";
import { pool } from "../../src/testing/index.js";

function comparable(d: DecodedVolume): Record<string, unknown> {
  const { capacity, ...rest } = d;
  return { ...rest, capacity: capacity === undefined ? undefined : `${capacity.toString()} ${capacity.format}` };
}

const oddValue = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }), fc.constant([]), fc.constant({}));
/** Mostly well-formed, sometimes an odd value of the wrong type. */
const orOdd = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: oddValue });

const VOLUME: fc.Arbitrary<unknown> = fc.record(
  {
    metadata: orOdd(
      fc.record(
        {
          name: orOdd(fc.constantFrom("a", "b", "")),
          labels: orOdd(fc.constant({ zone: "a" })),
          annotations: orOdd(fc.constantFrom({ "volume.beta.kubernetes.io/storage-class": "beta" }, {})),
          deletionTimestamp: orOdd(fc.constantFrom("2026-01-01T00:00:00Z", "")),
        },
        { requiredKeys: [] },
      ),
    ),
    spec: orOdd(
      fc.record(
        {
          capacity: orOdd(
            fc.record(
              {
                storage: fc.oneof(
                  fc.constantFrom("1Gi", "1G", " 2Gi", "bogus", "1.5", "800E"),
                  fc.integer({ min: 0, max: 10 }),
                  fc.constant(null),
                ),
              },
              { requiredKeys: [] },
            ),
          ),
          accessModes: orOdd(fc.constantFrom(["ReadWriteOnce"], ["ReadOnlyMany", "ReadWriteOnce"], ["Weird"], [])),
          storageClassName: orOdd(fc.constantFrom("fast", "")),
          volumeMode: orOdd(fc.constantFrom("Block", "Filesystem")),
          volumeAttributesClassName: orOdd(fc.constant("gold")),
          claimRef: orOdd(fc.constant({ namespace: "ns", name: "c" })),
          nodeAffinity: orOdd(fc.constantFrom({ required: { nodeSelectorTerms: [] } }, { required: null }, {})),
        },
        { requiredKeys: [] },
      ),
    ),
    status: orOdd(fc.record({ phase: orOdd(fc.constantFrom("Available", "Bound")) }, { requiredKeys: [] })),
  },
  { requiredKeys: [] },
);

describe("VolumeDecoder", () => {
  it("decodes exactly as decodeVolume, first and second time (memoised)", () => {
    const decoder = new VolumeDecoder();
    fc.assert(
      fc.property(VOLUME, (raw) => {
        const pv = raw as PersistentVolume;
        const expected = comparable(decodeVolume(pv));
        expect(comparable(decoder.decode(pv))).toEqual(expected);
        expect(comparable(decoder.decode(pv))).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it("agrees on a generated pool and shares quantities between equal texts", () => {
    const decoder = new VolumeDecoder();
    const vols = pool(3000, 5);
    const decoded = vols.map((v) => decoder.decode(v));
    vols.forEach((v, i) => expect(comparable(decoded[i]!)).toEqual(comparable(decodeVolume(v))));
    const byText = new Map<string, unknown>();
    for (const d of decoded) {
      const seen = byText.get(d.capacityText);
      if (seen !== undefined) expect(d.capacity).toBe(seen);
      else byText.set(d.capacityText, d.capacity);
    }
  });
});
