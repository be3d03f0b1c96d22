/**
 * planBindings on hand-written snapshots: fixed pairs, pending reasons, user strategies and their
 * errors, bad input, the clock.
 */
import { describe, expect, it } from "vitest";
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../../src/api/index.js";
import { BindingError, type BindingStrategy, planBindings } from "../../src/binding/index.js";

const pv = (
  name: string,
  storage: string,
  extra: Partial<NonNullable<PersistentVolume["spec"]>> = {},
  phase = "Available",
): PersistentVolume => ({
  metadata: { name },
  spec: { capacity: { storage }, accessModes: ["ReadWriteOnce"], storageClassName: "", ...extra },
  status: { phase: phase as "Available" },
});
const pvc = (
  name: string,
  storage: string | undefined,
  extra: Partial<NonNullable<PersistentVolumeClaim["spec"]>> = {},
): PersistentVolumeClaim => ({
  metadata: { name, namespace: "default", uid: `u-${name}` },
  spec: {
    accessModes: ["ReadWriteOnce"],
    storageClassName: "",
    ...(storage === undefined ? {} : { resources: { requests: { storage } } }),
    ...extra,
  },
});
const wait: StorageClass = {
  metadata: { name: "wait" },
  provisioner: "kubernetes.io/no-provisioner",
  volumeBindingMode: "WaitForFirstConsumer",
};

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe("planBindings", () => {
  it("greedy order loses a claim the optimum binds", () => {
    // Here the greedy order is harmless: a (older, RWO) takes the 5Gi RWO volume, b (RWX) the 10Gi RWO,RWX one.
    const input = deepFreeze({
      volumes: [pv("small", "5Gi"), pv("big", "10Gi", { accessModes: ["ReadWriteOnce", "ReadWriteMany"] })],
      claims: [
        { ...pvc("a", "4Gi"), metadata: { name: "a", namespace: "default", creationTimestamp: "2026-01-01T00:00:00Z" } },
        pvc("b", "4Gi", { accessModes: ["ReadWriteMany"] }),
      ],
    });
    const k = planBindings(input, { strategy: "kubernetes" });
    expect(k.assignments.map((a) => [a.claim, a.volume])).toEqual([
      ["default/a", "small"],
      ["default/b", "big"],
    ]);
    const bigFirst = deepFreeze({
      volumes: [pv("v5", "5Gi", { accessModes: ["ReadWriteOnce", "ReadWriteMany"] }), pv("v10", "10Gi")],
      claims: [
        { ...pvc("a", "4Gi"), metadata: { name: "a", namespace: "default", creationTimestamp: "2026-01-01T00:00:00Z" } },
        pvc("b", "8Gi"),
      ],
    });
    // Kubernetes: a's access-mode group RWO holds v10 only, so a takes v10 and b (8Gi) finds nothing.
    expect(planBindings(bigFirst, { strategy: "kubernetes" }).metrics.bound).toBe(1);
    const opt = planBindings(bigFirst, { strategy: "optimal" });
    expect(opt.metrics.bound).toBe(2);
    expect(opt.assignments.map((a) => [a.claim, a.volume])).toEqual([
      ["default/a", "v5"],
      ["default/b", "v10"],
    ]);
    expect(opt.metrics.wastedBytes).toBe(3n << 30n);
  });

  it("keeps bound pairs, honours pre-binding both ways, and leaves WaitForFirstConsumer claims pending", () => {
    const bound = {
      ...pv("b", "1Gi", { claimRef: { namespace: "default", name: "old", uid: "u-old" } }, "Bound"),
    };
    const old = {
      ...pvc("old", "1Gi", { volumeName: "b" }),
      metadata: { name: "old", namespace: "default", uid: "u-old", annotations: { "pv.kubernetes.io/bind-completed": "yes" } },
    };
    const input = {
      volumes: [bound, pv("named", "9Gi"), pv("reserved", "9Gi", { claimRef: { namespace: "default", name: "r" } }), pv("free", "1Gi")],
      claims: [old, pvc("n", "1Gi", { volumeName: "named" }), pvc("r", "1Gi"), pvc("w", "1Gi", { storageClassName: "wait" })],
      classes: [wait],
    };
    for (const strategy of ["kubernetes", "best-fit-decreasing", "optimal"] as const) {
      const p = planBindings(input, { strategy });
      expect(p.assignments).toEqual([
        { claim: "default/n", volume: "named", source: "pre-bound" },
        { claim: "default/old", volume: "b", source: "bound" },
        { claim: "default/r", volume: "reserved", source: "pre-bound" },
      ]);
      expect(p.pending).toEqual([
        { claim: "default/w", reason: "WaitForFirstConsumer", message: "waiting for first consumer to be created before binding" },
      ]);
    }
  });

  it("reports metrics per class and overall, timed by the injected clock", () => {
    let t = 0;
    const p = planBindings(
      { volumes: [pv("v", "10Gi")], claims: [pvc("a", "4Gi"), pvc("z", "1Gi", { storageClassName: "ghost" })] },
      { strategy: "optimal", clock: () => (t += 5) },
    );
    expect(p.metrics).toMatchObject({
      considered: 2,
      bound: 1,
      pending: 1,
      requestedBytes: 4n << 30n,
      allocatedBytes: 10n << 30n,
      wastedBytes: 6n << 30n,
    });
    expect(p.metrics.byClass.get("")?.wastedBytes).toBe(6n << 30n);
    expect(p.metrics.byClass.get("ghost")).toMatchObject({ considered: 1, pending: 1, bound: 0 });
    expect(p.metrics.timeMs).toBe(15);
    expect(p.pending[0]).toMatchObject({ claim: "default/z", reason: "NoMatch" });
  });

  it("bad input: empty pools, claims without requests, unknown classes, non-objects", () => {
    for (const strategy of ["kubernetes", "best-fit-decreasing", "optimal"] as const) {
      expect(planBindings({ volumes: [], claims: [] }, { strategy }).metrics.considered).toBe(0);
      const empty = planBindings({ volumes: [], claims: [pvc("a", "1Gi")] }, { strategy });
      expect(empty.pending.map((p) => p.reason)).toEqual(["NoMatch"]);
      const noRequest = planBindings({ volumes: [pv("v2", "2Gi"), pv("v1", "1Gi")], claims: [pvc("a", undefined)] }, { strategy });
      expect(noRequest.assignments.map((a) => a.volume)).toEqual(["v1"]);
      const junk = planBindings({ volumes: [null as never, pv("v", "1Gi")], claims: [null as never, pvc("a", "1Gi")] }, { strategy });
      expect(junk.metrics.bound).toBe(1);
      expect(junk.pending).toMatchObject([{ claim: "claims[0]", reason: "InvalidClaim" }]);
      const badSelector = planBindings(
        { volumes: [pv("v", "1Gi")], claims: [pvc("a", "1Gi", { selector: { matchLabels: { "bad key!": "x" } } })] },
        { strategy },
      );
      expect(badSelector.pending.map((p) => p.reason)).toEqual(["InvalidClaim"]);
    }
    expect(() => planBindings(42 as never)).toThrow(BindingError);
    expect(() => planBindings({ volumes: 3 as never, claims: [] })).toThrow(/volumes: Invalid value/);
    expect(() => planBindings({ volumes: [], claims: [] }, { strategy: "nope" as never })).toThrow(
      expect.objectContaining({ code: "UnknownStrategy" }),
    );
  });

  it("optimal stays exact when waste does not fit a double (bigint fallback)", () => {
    const input = {
      volumes: [pv("a", "1000000000000000003"), pv("b", "900000000000000001")],
      claims: [pvc("x", "800000000000000000"), pvc("y", "850000000000000000"), pvc("z", "950000000000000000")],
    };
    const p = planBindings(input, { strategy: "optimal" });
    expect(p.assignments.map((a) => `${a.claim}=${a.volume}`)).toEqual(["default/y=b", "default/z=a"]);
    expect(p.metrics.wastedBytes).toBe(100000000000000004n);
  });

  describe("user strategies", () => {
    const input = { volumes: [pv("v1", "1Gi"), pv("v2", "2Gi")], claims: [pvc("a", "1Gi"), pvc("b", "2Gi")] };
    const run = (plan: BindingStrategy["plan"]) => () => planBindings(input, { strategy: { name: "mine", plan } });

    it("get the problem and its queries, and their pairs are used", () => {
      const p = planBindings(input, {
        strategy: {
          name: "largest-first",
          plan(problem) {
            expect(problem.claims.map((c) => [c.key, c.requestBytes])).toEqual([
              ["default/a", 1n << 30n],
              ["default/b", 2n << 30n],
            ]);
            expect(problem.candidates("default/a")).toEqual(["v1", "v2"]);
            expect(problem.compatible("default/b", "v1")).toBe(false);
            expect(problem.smallestCompatible("default/a", new Set(["v1"]))).toBe("v2");
            return [{ claim: "default/b", volume: "v2" }];
          },
        },
      });
      expect(p.strategy).toBe("largest-first");
      expect(p.assignments).toEqual([{ claim: "default/b", volume: "v2", source: "planned" }]);
      expect(p.pending.map((x) => x.claim)).toEqual(["default/a"]);
    });

    it("are rejected with a typed error naming the strategy and both objects", () => {
      expect(
        run(() => [
          { claim: "default/a", volume: "v2" },
          { claim: "default/b", volume: "v2" },
        ]),
      ).toThrow(
        expect.objectContaining({ code: "InvalidAssignment", strategy: "mine", claim: "default/b", volume: "v2", field: "assignments[1]" }),
      );
      expect(run(() => [{ claim: "default/b", volume: "v1" }])).toThrow(
        /strategy "mine" assigned volume "v1" to claim "default\/b", which it may not bind/,
      );
      expect(run(() => [{ claim: "default/x", volume: "v1" }])).toThrow(expect.objectContaining({ code: "InvalidAssignment" }));
      expect(run(() => [{ claim: "default/a", volume: "v9" }])).toThrow(expect.objectContaining({ code: "InvalidAssignment" }));
      expect(
        run(() => [
          { claim: "default/a", volume: "v1" },
          { claim: "default/a", volume: "v2" },
        ]),
      ).toThrow(/two volumes/);
      expect(
        run(() => {
          throw new Error("boom");
        }),
      ).toThrow(expect.objectContaining({ code: "StrategyFailed", strategy: "mine", message: 'strategy "mine" threw: boom' }));
      expect(run(() => null as never)).toThrow(expect.objectContaining({ code: "StrategyFailed" }));
      expect(run(() => [42] as never)).toThrow(expect.objectContaining({ code: "StrategyFailed", field: "assignments[0]" }));
      const loop = () =>
        planBindings(input, {
          maxQueries: 1000,
          strategy: {
            name: "spin",
            plan(problem) {
              for (;;) problem.compatible("default/a", "v1");
            },
          },
        });
      expect(loop).toThrow(expect.objectContaining({ code: "StrategyFailed", strategy: "spin" }));
    });
  });
});
