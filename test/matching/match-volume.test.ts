import { describe, expect, it } from "vitest";
import { MatchingError, matchVolume } from "../../src/matching/index.js";
import { pv, pvc, ROX, RWO, RWX } from "./builders.js";

describe("matchVolume", () => {
  it("passes a volume that satisfies every check", () => {
    expect(matchVolume(pvc("c", { req: "1Gi", modes: [RWO] }), pv("v", { cap: "2Gi", modes: [RWO, ROX] }))).toEqual({
      preBound: false,
      failed: [],
    });
  });
  it("reports every failed check in Kubernetes' order, access modes first on the controller path", () => {
    const m = matchVolume(
      pvc("c", { req: "5Gi", modes: [RWX], cls: "fast" }),
      pv("v", { cap: "1Gi", modes: [RWO], cls: "slow", phase: "Bound" }),
    );
    expect(m.failed).toEqual(["access-modes", "too-small", "phase", "class"]);
  });
  it("skips phase, selector and class for a volume pre-bound to the claim", () => {
    const m = matchVolume(
      pvc("c", { req: "1Gi", modes: [RWO], cls: "fast" }),
      pv("v", { cap: "1Gi", modes: [RWO], cls: "slow", phase: "Pending", claimRef: { namespace: "default", name: "c" } }),
    );
    expect(m).toEqual({ preBound: true, failed: [] });
  });
  it("throws a MatchingError for a claim with an invalid selector", () => {
    const bad = pvc("c", { req: "1Gi", modes: [RWO] });
    (bad.spec as Record<string, unknown>).selector = { matchExpressions: [{ key: "k", operator: "Foo" }] };
    expect(() => matchVolume(bad, pv("v"))).toThrow(MatchingError);
  });
});
