/**
 * `matchingGroupKeys` decides containment with mode bits; the definition it must agree with is
 * Kubernetes' list form: a group matches when its parsed modes contain every requested mode.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { containsAccessModes, parseAccessModesKey } from "../../src/api/helpers/index.js";
import { compareGroupKeys, matchingGroupKeys } from "../../src/matching/index.js";

const abbreviation = fc.constantFrom("RWO", "ROX", "RWX", "RWOP", "rwo", " RWO", "XYZ", "");
const key = fc.array(abbreviation, { maxLength: 4 }).map((parts) => parts.join(","));
const mode = fc.constantFrom("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod", "readwriteonce", "", "RWO");

describe("matchingGroupKeys", () => {
  it("keeps exactly the keys whose parsed modes contain every requested mode, in search order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 8 }), fc.array(mode, { maxLength: 4 }), (keys, requested) => {
        const expected = keys.filter((k) => containsAccessModes(parseAccessModesKey(k), requested)).sort(compareGroupKeys);
        expect(matchingGroupKeys(keys, requested)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it("matches no group for a request naming a mode no volume can offer", () => {
    expect(matchingGroupKeys(["RWO", "RWO,ROX,RWX,RWOP"], ["ReadWriteOnce", "ReadWriteSometimes"])).toEqual([]);
  });
});
