/**
 * Bad input never crashes: the root's main entry points, given any arguments at all (JSON values,
 * null-prototype objects, arrays, numbers, too few or too many), return or throw one of kubevol's
 * own typed errors — never a `TypeError` from reading a property of `null`, a `RangeError`, or
 * anything else that is not documented.
 *
 * Not listed: the error classes, whose `message` argument is converted as `Error`'s is (a
 * prototype-less object there throws a `TypeError`, as it does for `new Error(...)`), and
 * `lintRule`, which throws a plain `Error` for an unknown code (documented).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as kubevol from "../../src/index.js";

const ENTRY_POINTS = [
  "accessModeAbbreviation",
  "aggregateMessage",
  "allClaimsBound",
  "applyWrite",
  "checkVolumeSatisfyClaim",
  "claimClass",
  "claimHasClass",
  "claimKey",
  "claimRequest",
  "compareClaimOrder",
  "compareStrategies",
  "compileNodeSelector",
  "completeOperation",
  "createClaim",
  "createCluster",
  "createVolume",
  "defaultClaim",
  "defaultPod",
  "defaultStorageClass",
  "defaultStorageClasses",
  "defaultVolume",
  "deleteClaim",
  "deleteClass",
  "deleteNode",
  "deletePod",
  "deleteVolume",
  "ephemeralClaimName",
  "explainClaim",
  "explainCluster",
  "explainPod",
  "explainRun",
  "failedSchedulingMessage",
  "filterNodes",
  "findBestMatchForClaim",
  "findMatchingVolume",
  "forbiddenStatus",
  "formatFinding",
  "formatLabels",
  "getBindVolumeToClaim",
  "getObject",
  "isClaimInUse",
  "isDefaultStorageClass",
  "isDeleting",
  "isDNS1123Label",
  "isDNS1123Subdomain",
  "isPodTerminated",
  "isQualifiedName",
  "isValidLabelValue",
  "isVolumeBoundToClaim",
  "isVolumeReleased",
  "lintObjects",
  "MatchingError",
  "matchVolume",
  "newRequirement",
  "objectKey",
  "parseQuantity",
  "parseSelector",
  "pickDefaultStorageClass",
  "planBindings",
  "podClaimNames",
  "podReport",
  "podsReferencingClaim",
  "PoolExplainer",
  "provisionOperationId",
  "provisionVolume",
  "quantityIntegerValue",
  "reasonCodesOf",
  "reconcile",
  "replayWorkload",
  "runCluster",
  "selectorFromSet",
  "syncClaim",
  "syncVolume",
  "toStatus",
  "validateLabelKey",
  "validateLabelSelector",
  "validateLabelValue",
  "validateObjectMeta",
  "validateObjectMetaUpdate",
  "validatePersistentVolume",
  "validatePersistentVolumeClaim",
  "validateQualifiedName",
  "validateStorageClass",
  "volumeCapacity",
  "volumeClass",
  "VolumeIndex",
  "volumeModeOf",
  "volumeOperationId",
] as const;

/** The errors the TSDoc of these functions documents. */
const TYPED_ERRORS = [
  kubevol.BindingError,
  kubevol.LifecycleError,
  kubevol.MatchingError,
  kubevol.QuantityError,
  kubevol.SchedulingError,
  kubevol.SelectorError,
];

const junk = fc.oneof(
  fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 3 }),
  fc.constantFrom(null, undefined, {}, [], "", 0, -1, "x"),
);

/** What calling `name` with `args` did, when it was not a return or a typed error. */
function crash(name: string, args: unknown[]): string | undefined {
  const f = (kubevol as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
  try {
    const isClass = /^class\s/.test(Function.prototype.toString.call(f));
    const r = isClass ? new (f as unknown as new (...a: unknown[]) => unknown)(...args) : f(...args);
    // Iterate what iterates (an index, an explainer), a few steps.
    if (r !== null && typeof r === "object" && Symbol.iterator in r) {
      let n = 0;
      for (const _ of r as Iterable<unknown>) if (++n > 3) break;
    }
    return undefined;
  } catch (e) {
    if (TYPED_ERRORS.some((E) => e instanceof E)) {
      expect((e as Error).message).not.toBe("");
      return undefined;
    }
    return `${name}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
}

describe("the root's entry points given garbage", () => {
  it("are all exported", () => {
    expect(ENTRY_POINTS.filter((n) => typeof (kubevol as Record<string, unknown>)[n] !== "function")).toEqual([]);
  });

  for (const name of ENTRY_POINTS) {
    it(`${name} returns or throws a typed error`, () => {
      fc.assert(
        fc.property(fc.array(junk, { maxLength: 4 }), (args) => {
          expect(crash(name, args)).toBeUndefined();
        }),
        { numRuns: 300 },
      );
    });
  }
});
