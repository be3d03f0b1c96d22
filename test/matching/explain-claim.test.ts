import { describe, expect, it } from "vitest";
import { explainClaim, findBestMatchForClaim, findMatchingVolume } from "../../src/matching/index.js";
import type { ClaimExplanation } from "../../src/matching/index.js";
import { ROX, RWO, RWX, node, pv, pvc, refTo, sc } from "./builders.js";

const verdict = (e: ClaimExplanation, name: string) => e.volumes.find((v) => v.name === name)!;
const text = (e: ClaimExplanation) => e.summary.join("\n");

describe("explainClaim — the match and why it won", () => {
  it("smallest in the tightest access-mode group; later-group and larger candidates lose with reasons", () => {
    const pool = [pv("A", { cap: "100Gi" }), pv("B", { cap: "2Gi", modes: [RWO, ROX] }), pv("C", { cap: "200Gi" }), pv("D", { cap: "100Gi" })];
    const e = explainClaim(pvc("data"), pool);
    expect(e.mode).toBe("controller");
    expect(e.outcome).toBe("matched");
    expect(e.match).toMatchObject({ volume: "A", capacity: "100Gi", reason: "smallest" });
    expect(e.match!.message).toContain("access-mode group RWO");
    expect(verdict(e, "B")).toMatchObject({ status: "candidate", lost: { code: "later-access-mode-group" } });
    expect(verdict(e, "C")).toMatchObject({ status: "candidate", lost: { code: "larger" } });
    expect(verdict(e, "D")).toMatchObject({ status: "candidate", lost: { code: "same-size-larger-name" } });
    expect(e.groups).toEqual([
      { key: "RWO", volumes: 3, candidates: 3, searched: true, matched: true },
      { key: "RWO,ROX", volumes: 1, candidates: 1, searched: true, matched: false },
    ]);
    expect(text(e)).toContain("B (2Gi, RWO,ROX) is smaller but offers more access modes");
    expect(e.closest).toEqual([]);
  });

  it("only candidate", () => {
    expect(explainClaim(pvc("data"), [pv("a")]).match?.reason).toBe("only-candidate");
  });

  it("pre-bound wins and says what was not checked", () => {
    const e = explainClaim(pvc("data", { cls: "fast" }), [pv("small", { cap: "1Gi", cls: "fast" }), pv("pre", { cls: "slow", phase: "Bound", claimRef: refTo("data") })]);
    expect(e.match).toMatchObject({ volume: "pre", reason: "pre-bound" });
    expect(e.match!.message).toContain("phase, selector and class are not checked");
    expect(verdict(e, "small").lost?.code).toBe("pre-bound-wins");
  });

  it("a pre-bound volume in a later group is noted as reserved but never reached", () => {
    const e = explainClaim(pvc("data"), [pv("rwo", { cap: "100Gi" }), pv("pre", { modes: [RWO, ROX], claimRef: refTo("data") })]);
    expect(e.match?.volume).toBe("rwo");
    expect(verdict(e, "pre")).toMatchObject({ preBound: true, status: "candidate", lost: { code: "later-access-mode-group" } });
    expect(text(e)).toMatch(/pre is pre-bound to this claim but is not chosen.*stays reserved/);
  });

  it("a pre-bound volume that is too small is noted as skipped", () => {
    const e = explainClaim(pvc("data", { req: "10Gi" }), [pv("pre", { cap: "1Gi", claimRef: refTo("data") }), pv("b", { cap: "10Gi" })]);
    expect(e.match?.volume).toBe("b");
    expect(verdict(e, "pre").failures.map((f) => f.code)).toEqual(["too-small"]);
    expect(text(e)).toContain("pre is pre-bound to this claim but is skipped: pre has 1Gi, the claim requests 10Gi");
  });
});

describe("explainClaim — scheduler mode", () => {
  it("is the default with a node; checks access modes and affinity", () => {
    const e = explainClaim(pvc("data", { modes: [RWX] }), [pv("rwo", { modes: [RWO] }), pv("far", { modes: [RWX], host: "n9" }), pv("ok", { modes: [RWX, RWO], host: "n1", cap: "50Gi" })], { node: node("n1") });
    expect(e.mode).toBe("scheduler");
    expect(e.node).toBe("n1");
    expect(e.delayBinding).toBe(true);
    expect(e.match?.volume).toBe("ok");
    expect(verdict(e, "rwo").failures.map((f) => f.message)).toEqual(["rwo offers ReadWriteOnce only; the claim needs ReadWriteMany"]);
    expect(verdict(e, "far").failures.map((f) => f.code)).toEqual(["node-affinity"]);
    expect(e.groups).toBeUndefined();
  });

  it("a pre-bound volume that misses the node blocks every other volume", () => {
    const e = explainClaim(pvc("data"), [pv("pre", { host: "n9", claimRef: refTo("data") }), pv("fits", { host: "n1" })], { node: node("n1") });
    expect(e.outcome).toBe("pre-bound-misses-node");
    expect(e.match).toBeUndefined();
    expect(verdict(e, "pre").failures.map((f) => f.code)).toEqual(["node-affinity"]);
    expect(verdict(e, "fits")).toMatchObject({ status: "candidate", lost: { code: "blocked-by-pre-bound" } });
    expect(text(e)).toContain("no other volume is considered on this node");
  });

  it("excluded volumes", () => {
    const e = explainClaim(pvc("data"), [pv("a")], { node: node("n1"), excluded: new Set(["a"]) });
    expect(verdict(e, "a").failures[0]).toMatchObject({ code: "excluded", message: "a is already chosen for another claim of the same pod" });
  });
});

describe("explainClaim — Pending claims", () => {
  it("names the closest candidates and what would make them match", () => {
    const pool = [
      pv("pv-17", { cap: "5Gi", cls: "standard" }),
      pv("pv-3", { cap: "20Gi", cls: "fast" }),
      pv("pv-9", { cap: "20Gi", cls: "standard", volumeMode: "Block" }),
      pv("pv-1", { cap: "50Gi", cls: "standard", claimRef: refTo("other"), phase: "Bound" }),
    ];
    const e = explainClaim(pvc("data", { req: "10Gi", cls: "standard" }), pool);
    expect(e.outcome).toBe("no-match");
    expect(e.staticMatchPossible).toBe(true);
    expect(e.closest.map((c) => c.volume)).toEqual(["pv-17", "pv-3", "pv-9"]);
    expect(e.closest[0]).toEqual({ volume: "pv-17", failed: ["too-small"], fixes: ["request at most 5Gi, or expand pv-17"] });
    expect(verdict(e, "pv-3").failures[0]!.message).toBe("pv-3 is in class 'fast', the claim asks for 'standard'");
    expect(text(e)).toContain("Closest: pv-17 (5Gi, 'standard', RWO) — pv-17 has 5Gi, the claim requests 10Gi.");
    expect(text(e)).toContain("Whether class 'standard' provisions dynamically depends on its StorageClass (not given).");
  });

  it("says when no volume of the class exists, and how the class provisions", () => {
    const classes = [sc("fast", "ebs.csi.aws.com", { wffc: true }), sc("local", "kubernetes.io/no-provisioner")];
    const e1 = explainClaim(pvc("data", { cls: "fast" }), [pv("a", { cls: "slow" })], { classes, delayBinding: false });
    expect(text(e1)).toContain("No PersistentVolume has class 'fast': no static volume can ever match");
    expect(text(e1)).toContain("Class 'fast' provisions dynamically via ebs.csi.aws.com, once a pod using the claim is scheduled (WaitForFirstConsumer).");
    const e2 = explainClaim(pvc("data", { cls: "local" }), [], { classes });
    expect(text(e2)).toContain("Class 'local' has no provisioner (kubernetes.io/no-provisioner)");
    expect(e2.storageClass).toEqual({ name: "local", known: true, exists: true, provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "Immediate", canProvision: false });
    const e3 = explainClaim(pvc("data", { cls: "gold" }), [], { classes });
    expect(text(e3)).toContain(`StorageClass 'gold' does not exist`);
  });

  it("a selector warns that provisioners refuse it", () => {
    const e = explainClaim(pvc("data", { cls: "fast", selector: { matchLabels: { a: "b" } } }), [], { classes: [sc("fast", "x.csi.io")] });
    expect(text(e)).toContain("refuse claims with a selector");
  });

  it('"" vs unset class: default-class assignment only for unset', () => {
    const classes = [sc("std", "x.csi.io", { isDefault: true })];
    expect(text(explainClaim(pvc("data"), [], { classes }))).toContain("assigns the default class 'std'");
    expect(text(explainClaim(pvc("data", { cls: "" }), [], { classes }))).toContain("never gets a default class");
    expect(text(explainClaim(pvc("data", { cls: "fast", betaClass: "" }), [], { classes }))).toContain("never gets a default class");
    expect(text(explainClaim(pvc("data"), [], { classes: [] }))).toContain("no storage class is set");
  });

  it("WaitForFirstConsumer from classes: volumes wait for the scheduler", () => {
    const e = explainClaim(pvc("data", { cls: "local" }), [pv("l1", { cls: "local", host: "n1" })], { classes: [sc("local", "kubernetes.io/no-provisioner", { wffc: true })] });
    expect(e.delayBinding).toBe(true);
    expect(e.outcome).toBe("no-match");
    expect(verdict(e, "l1").failures.map((f) => f.code)).toEqual(["delay-binding"]);
    expect(text(e)).toContain("1 volume (l1) would match once a pod using the claim is scheduled");
  });

  it("nothing static can ever match when every volume is taken", () => {
    const e = explainClaim(pvc("data"), [pv("a", { claimRef: refTo("x"), phase: "Bound" }), pv("b", { deleting: true })]);
    expect(e.staticMatchPossible).toBe(false);
    expect(e.closest).toEqual([]);
    expect(text(e)).toContain("No static volume can match as things stand");
  });

  it("no access-mode group offers the requested modes", () => {
    expect(text(explainClaim(pvc("data", { modes: [RWX] }), [pv("a")]))).toContain("no volume offers ReadWriteMany");
  });
});

describe("explainClaim — spec.volumeName", () => {
  it.each([
    [[], "missing"],
    [[pv("pv-1")], "satisfies"],
    [[pv("pv-1", { cap: "1Mi" })], "mismatch"],
    [[pv("pv-1", { claimRef: refTo("data") })], "pre-bound"],
    [[pv("pv-1", { claimRef: refTo("other") })], "bound-elsewhere"],
  ] as const)("%#: %s", (pool, result) => {
    const e = explainClaim(pvc("data", { volumeName: "pv-1" }), pool as never);
    expect(e.volumeNameCheck?.result).toBe(result);
    expect(e.claim.volumeName).toBe("pv-1");
    expect(text(e)).toContain("The claim names pv-1 in spec.volumeName");
  });
  it("mismatch carries Kubernetes' text", () => {
    expect(explainClaim(pvc("data", { volumeName: "pv-1", req: "1Gi" }), [pv("pv-1", { cap: "1Mi" })]).volumeNameCheck?.message).toBe("requested PV is too small");
  });
});

describe("explainClaim — robustness and data shape", () => {
  it("malformed volumes are reported, not thrown", () => {
    const e = explainClaim(pvc("data"), [null, { metadata: { name: "bad" }, spec: { capacity: { storage: "x" } } }, pv("ok")] as never);
    expect(e.match?.volume).toBe("ok");
    expect(verdict(e, "bad").failures.map((f) => f.code)).toEqual(["access-modes", "capacity-malformed", "phase"]);
    expect(verdict(e, "").failures.map((f) => f.code)).toEqual(["malformed-volume"]);
    expect(text(e)).toContain("2 malformed volumes skipped");
  });
  it("an invalid claim is reported", () => {
    const e = explainClaim(pvc("data", { req: "lots" }), [pv("a")]);
    expect(e.outcome).toBe("invalid-claim");
    expect(e.problems[0]?.code).toBe("claim-request-malformed");
    expect(e.volumes).toEqual([]);
    expect(e.summary[0]).toMatch(/^Invalid claim: the claim requests "lots"/);
    expect(explainClaim(42 as never, null as never).outcome).toBe("invalid-claim");
  });
  it("garbage options do not crash", () => {
    expect(explainClaim(pvc("data"), [pv("a")], null as never).match?.volume).toBe("a");
    expect(explainClaim(pvc("data"), 5 as never).outcome).toBe("no-match");
  });
  it("is plain JSON data", () => {
    const e = explainClaim(pvc("data", { selector: {} }), [pv("a"), pv("b", { cls: "x" }), pv("c", { claimRef: refTo("data"), host: "n2" })], { node: node("n1") });
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });
  it("volumes are sorted by name", () => {
    const e = explainClaim(pvc("data"), [pv("c"), pv("a"), pv("b")]);
    expect(e.volumes.map((v) => v.name)).toEqual(["a", "b", "c"]);
  });
  it("match equals the reference functions", () => {
    const pool = [pv("a", { cap: "3Gi" }), pv("b", { cap: "2Gi", modes: [RWO, ROX] }), pv("c", { cap: "1Gi", host: "n2" })];
    const claim = pvc("data");
    expect(explainClaim(claim, pool).match?.volume).toBe(findBestMatchForClaim(claim, pool)?.metadata.name);
    expect(explainClaim(claim, pool, { node: node("n1") }).match?.volume).toBe(findMatchingVolume(claim, pool, { node: node("n1"), delayBinding: true })?.metadata.name);
  });
});

describe("explainClaim — counts and large pools", () => {
  const pool = [
    pv("a", { cap: "1Mi" }),
    pv("b", { cap: "1Mi", cls: "x" }),
    pv("c", { cls: "x" }),
    pv("d"),
    pv("e"),
    pv("pre", { cap: "1Mi", claimRef: refTo("data") }),
  ];
  it("counts candidates and failed checks over all volumes", () => {
    const e = explainClaim(pvc("data"), pool);
    expect(e.candidates).toBe(2);
    expect(e.reasonCounts).toEqual({ "too-small": 3, class: 2 });
    expect(e.volumesOmitted).toBe(0);
    expect(text(e)).toContain("Of 6 volumes: 2 candidates; failed checks: 3 too-small, 2 class.");
    expect(verdict(e, "b").message).toBe("b has 1Mi, the claim requests 1Gi (and 1 more failed check)");
  });
  it("maxVolumes keeps the match, pre-bound and closest volumes, then others by name", () => {
    const e = explainClaim(pvc("data"), pool, { maxVolumes: 2 });
    expect(e.volumes.map((v) => v.name)).toEqual(["d", "pre"]);
    expect(e.volumesOmitted).toBe(4);
    expect(explainClaim(pvc("data"), pool, { maxVolumes: 3 }).volumes.map((v) => v.name)).toEqual(["a", "d", "pre"]);
    expect(e.reasonCounts).toEqual({ "too-small": 3, class: 2 });
    expect(text(e)).toContain("4 more volumes are not listed (maxVolumes).");
    const none = explainClaim(pvc("data", { req: "1Ti" }), pool, { maxVolumes: 0 });
    expect(none.closest.map((c) => c.volume)).toEqual(none.volumes.map((v) => v.name).filter((n) => n !== "pre"));
    expect(none.volumes.some((v) => v.name === "pre")).toBe(true);
  });
});

describe("explainClaim — headline", () => {
  it.each([
    ["matched", pvc("data"), [pv("a")], {}, "Binds to a (10Gi): a (10Gi) is the only candidate in access-mode group RWO, the tightest group offering ReadWriteOnce with a candidate"],
    ["closest", pvc("data", { req: "10Gi" }), [pv("pv-17", { cap: "5Gi" })], {}, "Pending: no volume matches; closest pv-17: pv-17 has 5Gi, the claim requests 10Gi"],
    ["no class", pvc("data", { cls: "fast" }), [pv("a")], {}, "Pending: no volume matches; no PersistentVolume is in class 'fast'"],
    ["taken", pvc("data"), [pv("a", { claimRef: refTo("x") })], {}, "Pending: no volume matches; every volume is bound to another claim, being deleted, malformed or excluded"],
    ["modes", pvc("data", { modes: [RWX] }), [pv("a")], {}, "Pending: no volume matches: no volume offers ReadWriteMany (no access-mode group contains the requested modes)"],
    ["waiting", pvc("data"), [pv("a")], { delayBinding: true }, "Pending: no volume yet: 1 volume (a) would match once a pod using the claim is scheduled; until then the PV controller waits (event WaitForFirstConsumer)"],
    ["volumeName", pvc("data", { volumeName: "a", req: "1Ti" }), [pv("a")], {}, "Pending: cannot bind to the requested volume a: requested PV is too small"],
    ["invalid", pvc("data", { req: "x" }), [], {}, expect.stringMatching(/^Invalid claim: the claim requests "x"/)],
  ] as const)("%s", (_n, claim, pool, opts, want) => {
    expect(explainClaim(claim, pool as never, opts).headline).toEqual(want);
  });
  it("scheduler: pre-bound volume misses the node", () => {
    const e = explainClaim(pvc("data"), [pv("pre", { host: "n9", claimRef: refTo("data") })], { node: node("n1") });
    expect(e.headline).toMatch(/^Pending: no volume: pre is pre-bound to the claim but cannot be used on node n1/);
  });
});
