import { describe, expect, it } from "vitest";
import { compareGroupKeys, findBestMatchForClaim, matchingGroupKeys } from "../../src/matching/index.js";
import { ROX, RWO, RWOP, RWX, nameOf, pv, pvc, refTo } from "./builders.js";
import type { PvOpts, PvcOpts } from "./builders.js";

function run(claim: PvcOpts, pool: Array<[string, PvOpts]>, delayBinding = false): string | undefined {
  return nameOf(
    findBestMatchForClaim(
      pvc("data", claim),
      pool.map(([n, o]) => pv(n, o)),
      { delayBinding },
    ),
  );
}

describe("access-mode groups", () => {
  it("keeps groups containing the requested modes, fewest modes first", () => {
    expect(matchingGroupKeys(["RWO,ROX,RWX", "RWO,ROX", "RWO", "RWX"], [RWO])).toEqual(["RWO", "RWO,ROX", "RWO,ROX,RWX"]);
    expect(matchingGroupKeys(["RWO,ROX,RWX", "RWO,ROX", "RWO"], [RWX])).toEqual(["RWO,ROX,RWX"]);
    expect(matchingGroupKeys(["RWO,ROX,RWX", "RWO,ROX", "RWO"], [ROX])).toEqual(["RWO,ROX", "RWO,ROX,RWX"]);
  });
  it("equal mode counts: ascending key", () => {
    expect(["RWO,RWX", "RWO,RWOP", "RWO,ROX", "RWX", "ROX", "RWO"].sort(compareGroupKeys)).toEqual([
      "ROX",
      "RWO",
      "RWX",
      "RWO,ROX",
      "RWO,RWOP",
      "RWO,RWX",
    ]);
  });
  it("requesting no modes keeps every group, the empty one first", () => {
    expect(matchingGroupKeys(["RWO", "", "RWO,ROX"], [])).toEqual(["", "RWO", "RWO,ROX"]);
  });
  it("an unknown requested mode keeps nothing", () => {
    expect(matchingGroupKeys(["RWO", "RWO,ROX"], ["ReadWriteSometimes"])).toEqual([]);
  });
});

describe("findBestMatchForClaim", () => {
  it("a tighter group beats a smaller volume (1Gi RWO takes 100Gi RWO over 2Gi RWO+ROX)", () => {
    expect(
      run({ req: "1Gi", modes: [RWO] }, [
        ["A", { modes: [RWO], cap: "100Gi" }],
        ["B", { modes: [RWO, ROX], cap: "2Gi" }],
      ]),
    ).toBe("A");
  });
  it("falls through to a looser group when the tight one has no match", () => {
    expect(
      run({ req: "1Gi" }, [
        ["A", { modes: [RWO], cap: "100Mi" }],
        ["B", { modes: [RWO, ROX], cap: "2Gi" }],
      ]),
    ).toBe("B");
  });
  it("smallest within the group", () => {
    expect(
      run({}, [
        ["a", { cap: "9Gi" }],
        ["b", { cap: "3Gi" }],
        ["c", { cap: "5Gi" }],
      ]),
    ).toBe("b");
  });
  it("access modes are enforced by the groups (unlike findMatchingVolume without a node)", () => {
    expect(run({ modes: [RWX] }, [["a", { modes: [RWO] }]])).toBeUndefined();
  });
  it("a ROX claim is served from RWO,ROX", () => {
    expect(
      run({ modes: [ROX] }, [
        ["a", { modes: [RWO] }],
        ["b", { modes: [RWO, ROX] }],
      ]),
    ).toBe("b");
  });
  it("equal-size groups go in key order: RWO,ROX before RWO,RWX", () => {
    expect(
      run({ modes: [RWO] }, [
        ["x", { modes: [RWO, RWX], cap: "1Gi" }],
        ["r", { modes: [RWO, ROX], cap: "50Gi" }],
      ]),
    ).toBe("r");
  });
  it("RWO,RWOP sorts between RWO,ROX and RWO,RWX", () => {
    expect(
      run({ modes: [RWO] }, [
        ["x", { modes: [RWO, RWX], cap: "1Gi" }],
        ["p", { modes: [RWO, RWOP], cap: "50Gi" }],
      ]),
    ).toBe("p");
  });
  it("duplicate modes do not change the group", () => {
    expect(
      run({ modes: [RWO] }, [
        ["d", { modes: [RWO, RWO], cap: "50Gi" }],
        ["r", { modes: [RWO, ROX], cap: "1Gi" }],
      ]),
    ).toBe("d");
  });
  it("no requested modes: the class-less-modes group comes first", () => {
    expect(
      run({ modes: [] }, [
        ["none", { modes: [], cap: "100Gi" }],
        ["rwo", { cap: "1Gi" }],
      ]),
    ).toBe("none");
  });

  describe("pre-bound volumes", () => {
    it("within a group the pre-bound volume wins", () => {
      expect(
        run({}, [
          ["small", { cap: "1Gi" }],
          ["pre", { cap: "50Gi", claimRef: refTo("data") }],
        ]),
      ).toBe("pre");
    });
    it("pre-bound by uid", () => {
      expect(
        run({}, [
          ["small", { cap: "1Gi" }],
          ["pre", { cap: "50Gi", claimRef: refTo("data", true), phase: "Bound" }],
        ]),
      ).toBe("pre");
    });
    it("a pre-bound volume lacking a requested mode is never returned", () => {
      expect(run({ modes: [RWX] }, [["pre", { modes: [RWO], claimRef: refTo("data") }]])).toBeUndefined();
    });
    it("a pre-bound volume in a later group loses to an earlier group's match", () => {
      expect(
        run({ modes: [RWO] }, [
          ["rwo", { cap: "100Gi" }],
          ["pre", { modes: [RWO, ROX], cap: "1Gi", claimRef: refTo("data") }],
        ]),
      ).toBe("rwo");
    });
    it("a pre-bound volume in a later group is found when earlier groups have none", () => {
      expect(
        run({ modes: [RWO] }, [
          ["rwo", { cap: "100Mi" }],
          ["pre", { modes: [RWO, ROX], claimRef: refTo("data") }],
        ]),
      ).toBe("pre");
    });
    it("a pre-bound volume too small is skipped", () => {
      expect(
        run({ req: "10Gi" }, [
          ["pre", { cap: "1Gi", claimRef: refTo("data") }],
          ["b", { cap: "10Gi" }],
        ]),
      ).toBe("b");
    });
    it("a pre-bound volume with a different class still wins (class not checked)", () => {
      expect(
        run({ cls: "fast" }, [
          ["pre", { cls: "other", claimRef: refTo("data") }],
          ["f", { cls: "fast" }],
        ]),
      ).toBe("pre");
    });
  });

  describe("delayed binding", () => {
    it("only pre-bound volumes are returned", () => {
      expect(run({}, [["a", {}]], true)).toBeUndefined();
      expect(
        run(
          {},
          [
            ["a", { cap: "1Gi" }],
            ["pre", { claimRef: refTo("data") }],
          ],
          true,
        ),
      ).toBe("pre");
    });
  });

  it("never depends on input order", () => {
    const pool: Array<[string, PvOpts]> = [
      ["a", { cap: "1Gi" }],
      ["b", { cap: "1073741824" }],
      ["c", { cap: "1Gi", modes: [RWO, ROX] }],
    ];
    expect(run({}, pool)).toBe("a");
    expect(run({}, [...pool].reverse())).toBe("a");
  });
});
