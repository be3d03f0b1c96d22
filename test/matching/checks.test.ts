import { describe, expect, it } from "vitest";
import { isVolumeBoundToClaim } from "../../src/api/index.js";
import {
  REASON_CODES,
  capacitySuffices,
  checkContext,
  classMatches,
  decodeClaim,
  decodeVolume,
  evaluateVolume,
  isPreBound,
  notClaimedByOther,
  volumeNodeAffinityError,
} from "../../src/matching/index.js";
import type { ReasonCode } from "../../src/matching/index.js";
import { describeFailure } from "../../src/matching/describe-failure.js";
import { BETA_CLASS, ROX, RWO, RWX, node, pv, pvc, refTo } from "./builders.js";
import type { PvOpts, PvcOpts } from "./builders.js";

describe("decodeVolume", () => {
  it("decodes every field the checks read", () => {
    const d = decodeVolume(
      pv("pv-1", {
        cap: "10Gi",
        modes: [ROX, RWO, RWO],
        cls: "fast",
        betaClass: "slow",
        volumeMode: "Block",
        vac: "gold",
        labels: { a: "b" },
        host: "n1",
        claimRef: refTo("x"),
        phase: "Bound",
        deleting: true,
      }),
    );
    expect(d).toMatchObject({
      name: "pv-1",
      capacityText: "10Gi",
      class: "slow",
      modesKey: "RWO,ROX",
      volumeMode: "Block",
      vac: "gold",
      labels: { a: "b" },
      phase: "Bound",
      deleting: true,
      hasNodeAffinity: true,
      defect: undefined,
    });
    expect(d.capacity?.cmp(decodeVolume(pv("x", { cap: "10240Mi" })).capacity!)).toBe(0);
    expect(d.claimRef?.name).toBe("x");
  });
  it("defaults: missing capacity is 0, mode Filesystem, vac and class empty", () => {
    const d = decodeVolume(pv("p", { cap: null, phase: null }));
    expect(d.capacity?.isZero()).toBe(true);
    expect(d.capacityText).toBe("0");
    expect([d.volumeMode, d.vac, d.class, d.phase]).toEqual(["Filesystem", "", "", undefined]);
  });
  it.each([
    [null, "malformed-volume"],
    [[], "malformed-volume"],
    [{ metadata: { name: "a" } }, "malformed-volume"],
    [{ metadata: null, spec: {} }, "malformed-volume"],
    [{ metadata: { name: "a" }, spec: { accessModes: 5 } }, "malformed-volume"],
    [{ metadata: { name: "a" }, spec: { capacity: { storage: "1 Gi" } } }, "capacity-malformed"],
    [{ metadata: { name: "a" }, spec: { capacity: { storage: "" } } }, "capacity-malformed"],
  ])("never throws: %j → %s", (input, code) => {
    const d = decodeVolume(input as never);
    expect(d.defect?.code).toBe(code);
    expect(d.capacity).toBeUndefined();
  });
});

describe("decodeClaim", () => {
  it("class resolution: beta annotation first, null and unset are ''", () => {
    expect(decodeClaim(pvc("c", { cls: null })).class).toBe("");
    expect(decodeClaim(pvc("c")).class).toBe("");
    expect(decodeClaim(pvc("c", { cls: "fast", betaClass: "" })).class).toBe("");
    expect(decodeClaim(pvc("c", { cls: "fast", betaClass: "slow" })).class).toBe("slow");
  });
  it("a missing selector is not parsed; {} selects everything", () => {
    expect(decodeClaim(pvc("c")).selector).toBeUndefined();
    expect(decodeClaim(pvc("c", { selector: null })).selector).toBeUndefined();
    expect(decodeClaim(pvc("c", { selector: {} })).selector?.matches({})).toBe(true);
  });
  it("collects problems instead of throwing", () => {
    const c = decodeClaim(pvc("c", { req: "1 Gi", selector: { matchExpressions: [{ key: "a", operator: "In", values: [] }] } }));
    expect(c.problems.map((p) => p.code)).toEqual(["claim-request-malformed", "claim-selector-invalid"]);
    expect(decodeClaim(undefined as never).problems[0]?.code).toBe("claim-malformed");
  });
});

describe("predicates", () => {
  it("claimRef ownership follows IsVolumeBoundToClaim", () => {
    const claim = pvc("data");
    const refs = [
      refTo("data"),
      refTo("data", true),
      { namespace: "default", name: "data", uid: "other" },
      refTo("data", false, "ns2"),
      refTo("x"),
    ];
    for (const ref of refs) {
      const v = pv("v", { claimRef: ref });
      expect(isPreBound(decodeVolume(v), decodeClaim(claim))).toBe(isVolumeBoundToClaim(v, claim));
      expect(notClaimedByOther(decodeVolume(v), decodeClaim(claim))).toBe(isVolumeBoundToClaim(v, claim));
    }
  });
  it.each([
    ["1Gi", "1G", true],
    ["1G", "1Gi", false],
    ["950E", "800E", true],
    ["800E", "950E", false],
    ["1", "1000m", true],
    ["999m", "1", false],
  ])("capacity %s for request %s → %s", (cap, req, want) => {
    expect(capacitySuffices(decodeVolume(pv("v", { cap })), decodeClaim(pvc("c", { req })))).toBe(want);
  });
  it("class equality is exact", () => {
    expect(classMatches(decodeVolume(pv("v", { cls: "Fast" })), decodeClaim(pvc("c", { cls: "fast" })))).toBe(false);
  });
  it("node affinity: undefined without a node, Kubernetes' text otherwise", () => {
    const v = decodeVolume(pv("v", { host: "n1" }));
    expect(volumeNodeAffinityError(v, checkContext({}))).toBeUndefined();
    expect(volumeNodeAffinityError(v, checkContext({ node: node("n1") }))).toBeUndefined();
    expect(volumeNodeAffinityError(v, checkContext({ node: node("n2") }))).toBe("no matching NodeSelectorTerms");
  });
});

describe("evaluateVolume", () => {
  const rows: Array<{
    name: string;
    v: PvOpts;
    c?: PvcOpts;
    ctx?: Parameters<typeof checkContext>[0];
    group?: boolean;
    want: ReasonCode[];
    preBound?: boolean;
  }> = [
    { name: "valid candidate", v: {}, want: [] },
    {
      name: "all failures, in order",
      v: { cap: "1Mi", volumeMode: "Block", vac: "x", deleting: true, phase: "Released", cls: "a", labels: {}, modes: [RWO] },
      c: { selector: { matchLabels: { z: "1" } }, modes: [RWX] },
      ctx: { node: node("n1") },
      want: ["too-small", "volume-mode", "volume-attributes-class", "deleting", "phase", "selector", "class", "access-modes"],
    },
    {
      name: "controller path: access modes first, by group",
      v: { modes: [RWO] },
      c: { modes: [RWX] },
      group: true,
      want: ["access-modes"],
    },
    { name: "no node: access modes not checked", v: { modes: [RWO] }, c: { modes: [RWX] }, want: [] },
    { name: "delay binding without a node", v: {}, ctx: { delayBinding: true }, want: ["delay-binding"] },
    {
      name: "excluded and claimed",
      v: { claimRef: refTo("x"), phase: "Bound" },
      ctx: { excluded: new Set(["v"]) },
      want: ["excluded", "claimed-by-other", "phase"],
    },
    {
      name: "pre-bound: phase/class/selector not checked",
      v: { claimRef: refTo("data"), phase: "Bound", cls: "z" },
      c: { selector: { matchLabels: { a: "b" } } },
      want: [],
      preBound: true,
    },
    {
      name: "pre-bound: node affinity checked",
      v: { claimRef: refTo("data"), host: "n9" },
      ctx: { node: node("n1") },
      want: ["node-affinity"],
      preBound: true,
    },
    {
      name: "pre-bound: scheduler access modes not checked",
      v: { claimRef: refTo("data"), modes: [RWO] },
      c: { modes: [RWX] },
      ctx: { node: node("n1") },
      want: [],
      preBound: true,
    },
    {
      name: "pre-bound: controller access modes checked",
      v: { claimRef: refTo("data"), modes: [RWO] },
      c: { modes: [RWX] },
      group: true,
      want: ["access-modes"],
      preBound: true,
    },
    { name: "pre-bound too small", v: { claimRef: refTo("data"), cap: "1Ki" }, want: ["too-small"], preBound: true },
    { name: "malformed capacity still evaluates the rest", v: { cap: "x", cls: "a" }, want: ["capacity-malformed", "class"] },
  ];
  it.each(rows)("$name", (r) => {
    const got = evaluateVolume(
      decodeVolume(pv("v", r.v)),
      decodeClaim(pvc("data", r.c ?? {})),
      checkContext(r.ctx ?? {}),
      r.group ? "controller" : "scheduler",
    );
    expect(got.failed).toEqual(r.want);
    expect(got.preBound).toBe(r.preBound ?? false);
    const order: readonly ReasonCode[] = r.group ? ["access-modes", ...REASON_CODES.filter((x) => x !== "access-modes")] : REASON_CODES;
    expect([...got.failed].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(got.failed);
  });
  it("a malformed volume fails only malformed-volume", () => {
    expect(evaluateVolume(decodeVolume(null as never), decodeClaim(pvc("c")), checkContext({}), "controller").failed).toEqual([
      "malformed-volume",
    ]);
  });
});

describe("describeFailure — operator sentences", () => {
  const c = (o: PvcOpts = {}) => decodeClaim(pvc("data", o));
  const say = (code: ReasonCode, v: PvOpts, co: PvcOpts = {}, ctx = checkContext({})) =>
    describeFailure(code, decodeVolume(pv("pv-x", v)), c(co), ctx).message;
  it("size", () =>
    expect(describeFailure("too-small", decodeVolume(pv("pv-17", { cap: "5Gi" })), c({ req: "10Gi" }), checkContext({})).message).toBe(
      "pv-17 has 5Gi, the claim requests 10Gi",
    ));
  it("class", () =>
    expect(describeFailure("class", decodeVolume(pv("pv-3", { cls: "fast" })), c({ cls: "standard" }), checkContext({})).message).toBe(
      "pv-3 is in class 'fast', the claim asks for 'standard'",
    ));
  it("class-less volume", () =>
    expect(say("class", {}, { cls: "standard" })).toBe(`pv-x is without a class (""), the claim asks for 'standard'`));
  it("class from the beta annotation is called out", () =>
    expect(say("class", { cls: "fast", betaClass: "" }, { cls: "fast" })).toContain(BETA_CLASS));
  it("access modes", () =>
    expect(
      describeFailure("access-modes", decodeVolume(pv("pv-9", { modes: [RWO] })), c({ modes: [RWX] }), checkContext({ node: node("n") }))
        .message,
    ).toBe("pv-9 offers ReadWriteOnce only; the claim needs ReadWriteMany"));
  it("access modes, several offered", () =>
    expect(say("access-modes", { modes: [RWO, ROX] }, { modes: [RWX, RWO] })).toBe(
      "pv-x offers ReadWriteOnce, ReadOnlyMany; the claim needs ReadWriteMany",
    ));
  it("volume mode", () => expect(say("volume-mode", { volumeMode: "Block" })).toBe("pv-x is a Block volume, the claim needs Filesystem"));
  it("selector names the failing requirement and the volume's label", () =>
    expect(say("selector", { labels: { zone: "b" } }, { selector: { matchLabels: { zone: "a" } } })).toBe(
      `pv-x's labels do not match the claim's selector: "zone=a" (pv-x has zone=b)`,
    ));
  it("stale uid", () =>
    expect(say("claimed-by-other", { claimRef: { namespace: "default", name: "data", uid: "old" } })).toContain(
      "earlier claim named default/data (uid old)",
    ));
  it("released", () =>
    expect(say("claimed-by-other", { claimRef: refTo("gone"), phase: "Released" })).toContain("still belongs to default/gone"));
  it("phase", () => expect(say("phase", { phase: "Pending" })).toContain("is Pending"));
  it("node affinity names the node", () =>
    expect(describeFailure("node-affinity", decodeVolume(pv("l", { host: "n9" })), c(), checkContext({ node: node("n1") })).message).toBe(
      "l cannot be used on node n1: its node affinity does not match (no matching NodeSelectorTerms)",
    ));
  it("VAC", () =>
    expect(say("volume-attributes-class", {}, { vac: "gold" })).toBe("pv-x has VolumeAttributesClass none, the claim asks for 'gold'"));
});
