/** The allocation-free evaluator behind explainClaim, against evaluateVolume and the check predicates. */
import { describe, expect, it } from "vitest";
import {
  ALL_REASON_BITS,
  CompiledChecks,
  PRE_BOUND_FLAG,
  REASON_BITS,
  REASON_CODES,
  checkContext,
  decodeClaim,
  decodeVolume,
  decodeVolumeCached,
  evaluateVolume,
  failedCodes,
  nodeAffinityId,
  reasonCodesOf,
  volumeEvaluator,
  volumeSignature,
} from "../../src/matching/index.js";
import type { EvaluationHints } from "../../src/matching/index.js";
import { SmallestK } from "../../src/matching/explain-scan.js";
import { ROX, RWO, RWX, node, pv, pvc, refTo } from "./builders.js";

const volumes = [
  pv("ok"),
  pv("small", { cap: "1Mi" }),
  pv("fast", { cls: "fast" }),
  pv("released", { phase: "Released", claimRef: refTo("gone", true) }),
  pv("pre", { claimRef: refTo("data"), cls: "x", phase: "Bound" }),
  pv("old-uid", { claimRef: { namespace: "default", name: "data", uid: "old" } }),
  pv("block", { volumeMode: "Block" }),
  pv("gold", { vac: "gold" }),
  pv("deleting", { deleting: true }),
  pv("rox", { modes: [ROX] }),
  pv("rwx", { modes: [RWO, RWX] }),
  pv("far", { host: "n2" }),
  pv("near", { host: "n1" }),
  pv("labelled", { labels: { zone: "a" } }),
  pv("bad-cap", { cap: "lots" }),
  null as never,
  { metadata: { name: "no-spec" } } as never,
];
const claimsToTry = [
  pvc("data"),
  pvc("data", { req: "10Gi", modes: [RWX] }),
  pvc("data", { selector: { matchLabels: { zone: "a" } }, cls: "fast" }),
  pvc("data", { modes: ["Bogus", RWO] }),
  pvc("data", { volumeMode: "Block", vac: "gold" }),
];
const contexts = [
  { name: "controller", opts: {}, groupModes: true },
  { name: "controller, delayed", opts: { delayBinding: true }, groupModes: true },
  { name: "scheduler", opts: { node: node("n1"), excluded: new Set(["ok"]), delayBinding: true }, groupModes: false },
];

describe("volumeEvaluator / CompiledChecks", () => {
  it.each(contexts)("agrees with evaluateVolume, with and without hints ($name)", ({ opts, groupModes }) => {
    const decoded = volumes.map(decodeVolume);
    const ids = new Map<string, number>();
    const sig = decoded.map((v) => {
      const k = volumeSignature(v);
      if (!ids.has(k)) ids.set(k, ids.size);
      return ids.get(k)!;
    });
    for (const claim of claimsToTry) {
      const c = decodeClaim(claim);
      const ctx = checkContext(opts);
      const plain = volumeEvaluator(c, ctx, groupModes);
      const hinted = new CompiledChecks(c, ctx, groupModes, ids.size);
      decoded.forEach((v, i) => {
        const want = evaluateVolume(v, c, ctx, groupModes);
        const m = plain(v);
        expect(failedCodes(m, groupModes)).toEqual(want.failed);
        expect((m & PRE_BOUND_FLAG) !== 0).toBe(want.preBound);
        const hints: EvaluationHints = {
          signature: sig[i]!,
          capacityKey: v.capacity === undefined ? NaN : v.capacity.toNumber(),
          hasClaimRef: v.claimRef !== undefined,
          affinity: nodeAffinityId(v),
        };
        // Twice: the second call is answered from the memoised signature / affinity bits.
        expect(hinted.evaluate(v, hints)).toBe(m);
        expect(hinted.evaluate(v, hints)).toBe(m);
      });
    }
  });

  it("masks name the failed checks", () => {
    const c = decodeClaim(pvc("data", { req: "10Gi", cls: "fast" }));
    const m = volumeEvaluator(c, checkContext({}), true)(decodeVolume(pv("v", { cap: "1Gi", phase: "Released" })));
    expect(m & ALL_REASON_BITS).toBe(REASON_BITS["too-small"] | REASON_BITS.phase | REASON_BITS.class);
  });
});

describe("reason bits", () => {
  it("one bit per code, in check order", () => {
    const bits = REASON_CODES.map((c) => REASON_BITS[c]);
    expect(new Set(bits).size).toBe(REASON_CODES.length);
    expect(bits.reduce((a, b) => a | b, 0)).toBe(ALL_REASON_BITS);
    expect(reasonCodesOf(ALL_REASON_BITS | PRE_BOUND_FLAG)).toEqual([...REASON_CODES]);
    expect(reasonCodesOf(0)).toEqual([]);
  });
  it("failedCodes puts access-modes first on the controller path only", () => {
    const m = REASON_BITS["access-modes"] | REASON_BITS.phase;
    expect(failedCodes(m, true)).toEqual(["access-modes", "phase"]);
    expect(failedCodes(m, false)).toEqual(["phase", "access-modes"]);
  });
});

describe("memoised decoding and ids", () => {
  it("decodeVolumeCached returns one decoding per object, equal to decodeVolume", () => {
    const v = pv("a");
    expect(decodeVolumeCached(v)).toBe(decodeVolumeCached(v));
    expect(decodeVolumeCached(v)).toEqual(decodeVolume(v));
    expect(decodeVolumeCached(null as never)).toEqual(decodeVolume(null as never));
  });
  it("nodeAffinityId: 0 without affinity, one id per affinity object", () => {
    const shared = { nodeSelectorTerms: [{ matchExpressions: [{ key: "k", operator: "In", values: ["v"] }] }] };
    const a = decodeVolume(pv("a", { affinity: shared }));
    const b = decodeVolume(pv("b", { affinity: shared }));
    const c = decodeVolume(pv("c", { affinity: structuredClone(shared) }));
    expect(nodeAffinityId(decodeVolume(pv("none")))).toBe(0);
    expect(nodeAffinityId(a)).toBe(nodeAffinityId(b));
    expect(nodeAffinityId(a)).not.toBe(nodeAffinityId(c));
  });
  it("volumeSignature: equal for volumes of a kind, different across kinds", () => {
    expect(volumeSignature(decodeVolume(pv("a", { cap: "1Gi" })))).toBe(
      volumeSignature(decodeVolume(pv("b", { cap: "5Gi", labels: { x: "y" } }))),
    );
    expect(volumeSignature(decodeVolume(pv("a")))).not.toBe(volumeSignature(decodeVolume(pv("a", { phase: "Bound" }))));
  });
});

describe("SmallestK", () => {
  it("keeps the k smallest in order", () => {
    const t = new SmallestK<number>(3, (a, b) => a < b);
    for (const x of [5, 1, 9, 3, 7, 2, 8]) t.offer(x);
    expect(t.items).toEqual([1, 2, 3]);
    expect(t.accepts(4)).toBe(false);
    expect(t.accepts(0)).toBe(true);
    const none = new SmallestK<number>(0, (a, b) => a < b);
    none.offer(1);
    expect(none.items).toEqual([]);
  });
});
