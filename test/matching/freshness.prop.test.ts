/**
 * Pure means fresh: every stateless entry point answers as it would for a deep copy of its
 * inputs, whatever was called before and whatever the caller edited in place in between. Each
 * property calls the function once (warming any cache it might keep), edits the inputs in place,
 * calls it again, and compares with the answer on deep copies. The VolumeIndex and the
 * PoolExplainer, which keep state by contract, answer edited claims afresh and volumes as of their
 * last upsert.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PersistentVolume, PersistentVolumeClaim } from "../../src/api/index.js";
import {
  checkVolumeSatisfyClaim,
  explainClaim,
  findBestMatchForClaim,
  findMatchingVolume,
  matchVolume,
  PoolExplainer,
  VolumeIndex,
} from "../../src/matching/index.js";
import { claimArb, nodeArb, poolArb } from "./arbitraries.js";

type Edit = (pool: PersistentVolume[], claim: PersistentVolumeClaim) => void;

/** In-place edits of everything the checks read, of one volume (by position) or of the claim. */
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom("1Gi", "10Gi", "1Ei", "1", "bogus")).map(
    ([i, cap]): Edit =>
      (pool) => {
        const v = pool[i % pool.length]!;
        v.spec!.capacity = { ...(v.spec!.capacity ?? {}), storage: cap };
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom("Available", "Bound", "Released")).map(
    ([i, phase]): Edit =>
      (pool) => {
        pool[i % pool.length]!.status = { phase: phase as "Available" };
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom("a", "b")).map(
    ([i, zone]): Edit =>
      (pool) => {
        const v = pool[i % pool.length]!;
        if (v.metadata!.labels) v.metadata!.labels.zone = zone;
        else v.metadata!.labels = { zone };
      },
  ),
  fc.tuple(fc.nat(), fc.constantFrom("", "fast", "slow")).map(
    ([i, cls]): Edit =>
      (pool) => {
        pool[i % pool.length]!.spec!.storageClassName = cls;
      },
  ),
  fc.nat().map(
    (i): Edit =>
      (pool) => {
        const v = pool[i % pool.length]!;
        v.spec!.claimRef = v.spec!.claimRef ? null : { namespace: "default", name: "data" };
      },
  ),
  fc.nat().map(
    (i): Edit =>
      (pool) => {
        const modes = pool[i % pool.length]!.spec!.accessModes;
        if (modes) modes.push("ReadWriteMany");
      },
  ),
  fc.constantFrom("1Gi", "5Gi", "50Gi", "1", "x").map(
    (req): Edit =>
      (_pool, claim) => {
        claim.spec!.resources = { requests: { storage: req } };
      },
  ),
  fc.constantFrom("", "fast", "slow").map(
    (cls): Edit =>
      (_pool, claim) => {
        claim.spec!.storageClassName = cls;
      },
  ),
  fc.constantFrom<object | undefined>(undefined, { matchLabels: { zone: "a" } }, { matchLabels: { zone: "b" } }).map(
    (selector): Edit =>
      (_pool, claim) => {
        claim.spec!.selector = selector as NonNullable<PersistentVolumeClaim["spec"]> extends infer S
          ? S extends { selector?: infer L }
            ? L
            : never
          : never;
      },
  ),
  fc.constant<Edit>((_pool, claim) => {
    claim.spec!.accessModes = ["ReadWriteMany"];
  }),
);

const editsArb = fc.array(editArb, { minLength: 1, maxLength: 4 });

/** A call's outcome as comparable data: volume names for PV results, the error class otherwise. */
function outcome(f: () => unknown): unknown {
  try {
    const r = f();
    if (r === undefined) return undefined;
    if (typeof r === "object" && r !== null && "spec" in r && "metadata" in r) return (r as PersistentVolume).metadata?.name;
    return JSON.parse(JSON.stringify(r));
  } catch (e) {
    return `throws ${(e as Error).name}`;
  }
}

/** The freshness law for one entry point over (pool, claim). */
function fresh(f: (claim: PersistentVolumeClaim, pool: PersistentVolume[]) => unknown): void {
  fc.assert(
    fc.property(poolArb, claimArb, editsArb, (pool, claim, edits) => {
      const mine = structuredClone(pool);
      const myClaim = structuredClone(claim);
      outcome(() => f(myClaim, mine));
      for (const edit of edits) edit(mine, myClaim);
      expect(outcome(() => f(myClaim, mine))).toEqual(outcome(() => f(structuredClone(myClaim), structuredClone(mine))));
    }),
    { numRuns: 200 },
  );
}

describe("stateless entry points answer from their inputs as they are now", () => {
  it("findBestMatchForClaim", () => fresh((c, p) => findBestMatchForClaim(c, p)));
  it("findBestMatchForClaim (delayBinding)", () => fresh((c, p) => findBestMatchForClaim(c, p, { delayBinding: true })));
  it("findMatchingVolume, with and without a node", () => {
    fresh((c, p) => findMatchingVolume(c, p));
    fc.assert(
      fc.property(poolArb, claimArb, editsArb, nodeArb, (pool, claim, edits, node) => {
        const mine = structuredClone(pool);
        const myClaim = structuredClone(claim);
        const opts = { node, delayBinding: true };
        findMatchingVolume(myClaim, mine, opts);
        for (const edit of edits) edit(mine, myClaim);
        expect(outcome(() => findMatchingVolume(myClaim, mine, opts))).toEqual(
          outcome(() => findMatchingVolume(structuredClone(myClaim), structuredClone(mine), opts)),
        );
      }),
      { numRuns: 150 },
    );
  });
  it("checkVolumeSatisfyClaim", () => fresh((c, p) => p.map((v) => checkVolumeSatisfyClaim(v, c))));
  it("matchVolume", () => fresh((c, p) => p.map((v) => outcome(() => matchVolume(c, v)))));
  it("explainClaim", () => fresh((c, p) => explainClaim(c, p, { maxVolumes: 3 })));
  it("explainClaim on a node", () =>
    fresh((c, p) => explainClaim(c, p, { node: { name: "n1", labels: { "kubernetes.io/hostname": "n1" } } })));
});

describe("objects that keep state by contract", () => {
  it("VolumeIndex: an edited claim gets a fresh answer; volumes are seen as of their last upsert", () => {
    fc.assert(
      fc.property(poolArb, claimArb, editsArb, (pool, claim, edits) => {
        const built = structuredClone(pool);
        const index = new VolumeIndex(built);
        const myClaim = structuredClone(claim);
        outcome(() => index.findBestMatchForClaim(myClaim));
        for (const edit of edits) edit(built, myClaim);
        // The volumes as they were when indexed: the original pool.
        expect(outcome(() => index.findBestMatchForClaim(myClaim))).toEqual(
          outcome(() => findBestMatchForClaim(structuredClone(myClaim), pool)),
        );
        expect(outcome(() => index.findMatchingVolume(myClaim))).toEqual(outcome(() => findMatchingVolume(structuredClone(myClaim), pool)));
        // After upserting the edited objects, the index sees the edits.
        for (const v of built) index.upsert(v);
        expect(outcome(() => index.findBestMatchForClaim(myClaim))).toEqual(
          outcome(() => findBestMatchForClaim(structuredClone(myClaim), structuredClone(built))),
        );
        expect(index.checkInvariants()).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("PoolExplainer: an edited claim is explained afresh; volumes as of their last upsert", () => {
    fc.assert(
      fc.property(poolArb, claimArb, editsArb, (pool, claim, edits) => {
        const built = structuredClone(pool);
        const explainer = new PoolExplainer(built);
        const myClaim = structuredClone(claim);
        explainer.explain(myClaim);
        for (const edit of edits) edit(built, myClaim);
        expect(outcome(() => explainer.explain(myClaim))).toEqual(outcome(() => explainClaim(structuredClone(myClaim), pool)));
        for (const v of built) explainer.upsert(v);
        expect(outcome(() => explainer.explain(myClaim))).toEqual(
          outcome(() => explainClaim(structuredClone(myClaim), structuredClone(built))),
        );
      }),
      { numRuns: 150 },
    );
  });
});
