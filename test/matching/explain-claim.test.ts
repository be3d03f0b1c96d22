import { describe, expect, it } from "vitest";
import { explainClaim, findBestMatchForClaim, findMatchingVolume } from "../../src/matching/index.js";
import type { ClaimExplanation } from "../../src/matching/index.js";
import { ROX, RWO, RWX, node, pv, pvc, refTo, sc } from "./builders.js";

const verdict = (e: ClaimExplanation, name: string) => e.volumes.find((v) => v.name === name)!;
const text = (e: ClaimExplanation) => e.summary.join("\n");

describe("explainClaim — the match and why it won", () => {
  it("smallest in the tightest access-mode group; later-group and larger candidates lose with reasons", () => {
    const pool = [
      pv("A", { cap: "100Gi" }),
      pv("B", { cap: "2Gi", modes: [RWO, ROX] }),
      pv("C", { cap: "200Gi" }),
      pv("D", { cap: "100Gi" }),
    ];
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
    const e = explainClaim(pvc("data", { cls: "fast" }), [
      pv("small", { cap: "1Gi", cls: "fast" }),
      pv("pre", { cls: "slow", phase: "Bound", claimRef: refTo("data") }),
    ]);
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
    const e = explainClaim(
      pvc("data", { modes: [RWX] }),
      [pv("rwo", { modes: [RWO] }), pv("far", { modes: [RWX], host: "n9" }), pv("ok", { modes: [RWX, RWO], host: "n1", cap: "50Gi" })],
      { node: node("n1") },
    );
    expect(e.mode).toBe("scheduler");
    expect(e.node).toBe("n1");
    expect(e.delayBinding).toBe(true);
    expect(e.match?.volume).toBe("ok");
    expect(verdict(e, "rwo").failures.map((f) => f.message)).toEqual(["rwo offers ReadWriteOnce only; the claim needs ReadWriteMany"]);
    expect(verdict(e, "far").failures.map((f) => f.code)).toEqual(["node-affinity"]);
    expect(e.groups).toBeUndefined();
  });

  it("a pre-bound volume that misses the node blocks every other volume", () => {
    const e = explainClaim(pvc("data"), [pv("pre", { host: "n9", claimRef: refTo("data") }), pv("fits", { host: "n1" })], {
      node: node("n1"),
    });
    expect(e.outcome).toBe("pre-bound-misses-node");
    expect(e.match).toBeUndefined();
    expect(verdict(e, "pre").failures.map((f) => f.code)).toEqual(["node-affinity"]);
    expect(verdict(e, "fits")).toMatchObject({ status: "candidate", lost: { code: "blocked-by-pre-bound" } });
    expect(text(e)).toContain("no other volume is considered on this node");
  });

  it("excluded volumes", () => {
    const e = explainClaim(pvc("data"), [pv("a")], { node: node("n1"), excluded: new Set(["a"]) });
    expect(verdict(e, "a").failures[0]).toMatchObject({
      code: "excluded",
      message: "a is already chosen for another claim of the same pod",
    });
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
    // Volumes of the claim's own class first: pv-3 (class 'fast') is not "close" while 'standard' has volumes.
    expect(e.closest.map((c) => c.volume)).toEqual(["pv-17", "pv-9"]);
    expect(e.closest[0]).toEqual({ volume: "pv-17", failed: ["too-small"], fixes: ["request at most 5Gi, or expand pv-17"] });
    expect(verdict(e, "pv-3").failures[0]!.message).toBe("pv-3 is in class 'fast', the claim asks for 'standard'");
    expect(text(e)).toContain("Closest: pv-17 (5Gi, 'standard', RWO) — pv-17 has 5Gi, the claim requests 10Gi.");
    expect(text(e)).toContain("Whether class 'standard' provisions dynamically depends on its StorageClass (not given).");
    expect(text(e)).not.toContain("Closest: pv-3");
  });

  it("lists volumes of other classes only when the class has none, and says so once", () => {
    const pool = [pv("a", { cls: "x", cap: "5Gi" }), pv("b", { cls: "y" })];
    const e = explainClaim(pvc("data", { cls: "gold", req: "10Gi" }), pool);
    expect(e.closest.map((c) => c.volume)).toEqual(["b", "a"]);
    const lines = e.summary.filter((l) => l.startsWith("Closest"));
    expect(lines).toEqual([
      "Closest volumes of other classes (each would need the claim's class changed, at creation):",
      "Closest: b (10Gi, 'y', RWO) — only the class differs.",
      "Closest: a (5Gi, 'x', RWO) — a has 5Gi, the claim requests 10Gi. To match: request at most 5Gi, or expand a.",
    ]);
    // A class that provisions dynamically: other classes' volumes are noise.
    const provisioned = explainClaim(pvc("data", { cls: "gold" }), pool, { classes: [sc("gold", "ebs.csi.aws.com")] });
    expect(provisioned.closest).toEqual([]);
    // The class has volumes, all taken: nothing from other classes either.
    const taken = explainClaim(pvc("data", { cls: "x" }), [pv("a", { cls: "x", claimRef: refTo("o") }), pv("b", { cls: "y" })]);
    expect(taken.closest).toEqual([]);
  });

  it("says when no volume of the class exists, and how the class provisions", () => {
    const classes = [sc("fast", "ebs.csi.aws.com", { wffc: true }), sc("local", "kubernetes.io/no-provisioner")];
    const e1 = explainClaim(pvc("data", { cls: "fast" }), [pv("a", { cls: "slow" })], { classes, delayBinding: false });
    expect(text(e1)).toContain("No PersistentVolume has class 'fast': no static volume can ever match");
    expect(text(e1)).toContain(
      "Class 'fast' provisions dynamically via ebs.csi.aws.com, once a pod using the claim is scheduled (WaitForFirstConsumer).",
    );
    const e2 = explainClaim(pvc("data", { cls: "local" }), [], { classes });
    expect(text(e2)).toContain("Class 'local' has no provisioner (kubernetes.io/no-provisioner)");
    expect(e2.storageClass).toEqual({
      name: "local",
      known: true,
      exists: true,
      provisioner: "kubernetes.io/no-provisioner",
      volumeBindingMode: "Immediate",
      canProvision: false,
    });
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
    const e = explainClaim(pvc("data", { cls: "local" }), [pv("l1", { cls: "local", host: "n1" })], {
      classes: [sc("local", "kubernetes.io/no-provisioner", { wffc: true })],
    });
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
  it("the pool is not searched: the match is the named volume or nothing", () => {
    const pool = [pv("pv-1", { cap: "100Gi" }), pv("small", { cap: "2Gi" })];
    const ok = explainClaim(pvc("data", { volumeName: "pv-1" }), pool);
    expect(ok.outcome).toBe("matched");
    expect(ok.match).toMatchObject({ volume: "pv-1", reason: "volume-name" });
    expect(verdict(ok, "pv-1")).toMatchObject({ status: "match", failures: [] });
    expect(verdict(ok, "small")).toMatchObject({ status: "candidate", lost: { code: "volume-name" } });
    expect(text(ok)).not.toContain("Binds to small");
    const taken = explainClaim(pvc("data", { volumeName: "pv-1" }), [
      pv("pv-1", { claimRef: refTo("other") }),
      pv("small", { cap: "2Gi" }),
    ]);
    expect(taken.outcome).toBe("no-match");
    expect(taken.match).toBeUndefined();
    expect(text(taken)).not.toMatch(/Binds to/);
    expect(taken.closest).toEqual([]);
    // In scheduler mode too: such a claim waits for the PV controller.
    expect(explainClaim(pvc("data", { volumeName: "pv-1" }), pool, { node: node("n1") }).match?.reason).toBe("volume-name");
  });
  it("mismatch carries Kubernetes' text", () => {
    expect(explainClaim(pvc("data", { volumeName: "pv-1", req: "1Gi" }), [pv("pv-1", { cap: "1Mi" })]).volumeNameCheck?.message).toBe(
      "requested PV is too small",
    );
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
    const e = explainClaim(
      pvc("data", { selector: {} }),
      [pv("a"), pv("b", { cls: "x" }), pv("c", { claimRef: refTo("data"), host: "n2" })],
      { node: node("n1") },
    );
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });
  it("volumes are sorted by name", () => {
    const e = explainClaim(pvc("data"), [pv("c"), pv("a"), pv("b")]);
    expect(e.volumes.map((v) => v.name)).toEqual(["a", "b", "c"]);
  });
  it("match equals the reference functions", () => {
    const pool = [pv("a", { cap: "3Gi" }), pv("b", { cap: "2Gi", modes: [RWO, ROX] }), pv("c", { cap: "1Gi", host: "n2" })];
    const claim = pvc("data");
    expect(explainClaim(claim, pool).match?.volume).toBe(findBestMatchForClaim(claim, pool)?.metadata?.name);
    expect(explainClaim(claim, pool, { node: node("n1") }).match?.volume).toBe(
      findMatchingVolume(claim, pool, { node: node("n1"), delayBinding: true })?.metadata?.name,
    );
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
  const manual = sc("manual", "kubernetes.io/no-provisioner");
  const local = sc("local", "kubernetes.io/no-provisioner", { wffc: true });
  const fast = sc("fast", "ebs.csi.aws.com");
  const fastWffc = sc("fast", "ebs.csi.aws.com", { wffc: true });
  const classes = [manual, local, fast];
  const released = {
    ...pv("iscsi-old-reports-30g", {
      cap: "30Gi",
      cls: "manual",
      phase: "Released",
      claimRef: { namespace: "shop", name: "reports", uid: "u-old" },
    }),
  };
  released.spec = { ...released.spec, persistentVolumeReclaimPolicy: "Retain" };
  it.each([
    ["matched", pvc("data"), [pv("a")], {}, "Binds to a (10Gi): the only candidate in access-mode group RWO"],
    ["smallest", pvc("data"), [pv("a"), pv("b", { cap: "5Gi" })], {}, "Binds to b (5Gi): the smallest candidate in access-mode group RWO"],
    ["pre-bound", pvc("data"), [pv("a", { claimRef: refTo("data") })], {}, "Binds to a (10Gi): pre-bound, its claimRef names the claim"],
    ["scheduler", pvc("data"), [pv("a", { host: "n1" })], { node: node("n1") }, "Binds to a (10Gi): the only candidate that fits node n1"],
    [
      "too small",
      pvc("archive", { cls: "manual", req: "500Gi" }),
      [
        pv("hdd", { cls: "manual", cap: "200Gi", modes: [RWO, ROX] }),
        pv("ssd", { cls: "manual", cap: "50Gi", claimRef: refTo("x") }),
        pv("l", { cls: "local", cap: "370Gi" }),
      ],
      { classes },
      "no volume of class 'manual' is large enough (largest fitting: 200Gi < 500Gi)",
    ],
    [
      "too small everywhere, other failures too",
      pvc("data", { req: "1Ti" }),
      [pv("a", { cap: "5Gi" }), pv("b", { cap: "6Gi", volumeMode: "Block" })],
      {},
      "no class-less volume is large enough (largest fitting: 5Gi < 1Ti)",
    ],
    [
      "no common blocker: the closest volume",
      pvc("data", { req: "8Gi" }),
      [pv("a", { cap: "5Gi" }), pv("b", { volumeMode: "Block" })],
      {},
      "closest a: a has 5Gi, the claim requests 8Gi",
    ],
    [
      "access modes",
      pvc("up", { cls: "manual", modes: [RWX] }),
      [pv("hdd", { cls: "manual", modes: [RWO, ROX] })],
      { classes },
      "no volume of class 'manual' offers ReadWriteMany",
    ],
    [
      "access modes, the one that offers them is taken",
      pvc("up", { cls: "manual", modes: [RWX] }),
      [
        pv("hdd", { cls: "manual", modes: [RWO, ROX] }),
        pv("nfs", { cls: "manual", modes: [RWX], claimRef: refTo("media"), phase: "Bound" }),
      ],
      { classes },
      "no free volume of class 'manual' offers ReadWriteMany",
    ],
    [
      "selector",
      pvc("s", { cls: "manual", selector: { matchLabels: { disktype: "nvme" } } }),
      [pv("hdd", { cls: "manual", labels: { disktype: "hdd" } }), pv("ssd", { cls: "manual", labels: { disktype: "ssd" } })],
      { classes },
      "no volume of class 'manual' matches selector disktype=nvme",
    ],
    ["volume mode", pvc("data", { volumeMode: "Block" }), [pv("a")], {}, "no class-less volume has volumeMode Block"],
    ["phase", pvc("data"), [pv("a", { phase: "Released" }), pv("b", { phase: "Pending" })], {}, "no class-less volume is Available"],
    ["node affinity", pvc("data"), [pv("a", { host: "n2" })], { node: node("n1") }, "no class-less volume fits node n1"],
    ["missing class", pvc("cache", { cls: "gold" }), [pv("a", { cls: "manual" })], { classes }, "StorageClass 'gold' does not exist"],
    [
      "missing class with volumes of it",
      pvc("cache", { cls: "gold", req: "1Ti" }),
      [pv("a", { cls: "gold" })],
      { classes },
      "no volume of class 'gold' is large enough (largest fitting: 10Gi < 1Ti); StorageClass 'gold' does not exist",
    ],
    [
      "provisioner",
      pvc("web", { cls: "fast" }),
      [pv("a", { cls: "manual" }), pv("l", { cls: "local" })],
      { classes },
      "waiting for ebs.csi.aws.com to provision a volume",
    ],
    [
      "provisioner, static volumes too small",
      pvc("web", { cls: "fast", req: "1Ti" }),
      [pv("a", { cls: "fast" })],
      { classes },
      "waiting for ebs.csi.aws.com to provision a volume",
    ],
    [
      "WaitForFirstConsumer, provisioner",
      pvc("web", { cls: "fast" }),
      [],
      { classes: [fastWffc] },
      "waiting for a pod to be scheduled (WaitForFirstConsumer)",
    ],
    [
      "scheduler, provisioner",
      pvc("web", { cls: "fast" }),
      [pv("a", { cls: "fast", host: "n2" })],
      { classes: [fastWffc], node: node("n1") },
      "no volume fits node n1; ebs.csi.aws.com provisions one there",
    ],
    [
      "WaitForFirstConsumer, static volumes",
      pvc("kafka", { cls: "local", req: "300Gi" }),
      [pv("l1", { cls: "local", cap: "370Gi", host: "n1" })],
      { classes },
      "waiting for a pod to be scheduled (WaitForFirstConsumer); 1 volume could then match",
    ],
    [
      "WaitForFirstConsumer, nothing would match",
      pvc("kafka", { cls: "local", req: "1Ti" }),
      [pv("l1", { cls: "local" })],
      { classes },
      "no volume of class 'local' is large enough (largest fitting: 10Gi < 1Ti); binding also waits for a pod",
    ],
    [
      "waiting (delayBinding given)",
      pvc("data"),
      [pv("a")],
      { delayBinding: true },
      "waiting for a pod to be scheduled (WaitForFirstConsumer); 1 volume could then match",
    ],
    ["no volume of the class", pvc("data", { cls: "fast" }), [pv("a")], {}, "no PersistentVolume has class 'fast'"],
    ["no class-less volume", pvc("data", { cls: "" }), [pv("a", { cls: "x" })], {}, 'no PersistentVolume is without a class ("")'],
    ["one taken", pvc("data"), [pv("a", { claimRef: refTo("x") })], {}, "the only class-less volume is bound to another claim"],
    [
      "all taken",
      pvc("data"),
      [pv("a", { claimRef: refTo("x") }), pv("b", { claimRef: refTo("y") })],
      {},
      "all 2 class-less volumes are bound to other claims",
    ],
    [
      "taken or deleting",
      pvc("data"),
      [pv("a", { claimRef: refTo("x") }), pv("b", { deleting: true })],
      {},
      "every class-less volume is bound to another claim, being deleted or excluded",
    ],
    ["modes, pool-wide", pvc("data", { modes: [RWX] }), [pv("a")], {}, "no class-less volume offers ReadWriteMany"],
    [
      "default class",
      pvc("data"),
      [pv("a", { cap: "1Mi" })],
      { classes: [sc("std", "kubernetes.io/no-provisioner", { isDefault: true })] },
      "no volume without a class matches; the default class 'std' will be assigned",
    ],
    [
      "volumeName: too small",
      pvc("data", { volumeName: "a", req: "1Ti" }),
      [pv("a")],
      {},
      "cannot bind a (named in spec.volumeName): requested PV is too small",
    ],
    ["volumeName: missing", pvc("data", { volumeName: "a" }), [pv("b")], {}, "a (named in spec.volumeName) does not exist"],
    [
      "volumeName: bound",
      pvc("data", { volumeName: "a" }),
      [pv("a", { claimRef: refTo("x"), phase: "Bound" }), pv("b")],
      {},
      "a (named in spec.volumeName) is bound to default/x",
    ],
    [
      "volumeName: Released, Retain",
      pvc("reports-restore", { ns: "shop", cls: "manual", req: "30Gi", volumeName: "iscsi-old-reports-30g" }),
      [released, pv("iscsi-hdd-200g", { cls: "manual", cap: "200Gi" })],
      { classes },
      "iscsi-old-reports-30g is Released (Retain), still bound to shop/reports; clear its spec.claimRef to reuse it",
    ],
    [
      "volumeName: satisfies",
      pvc("data", { volumeName: "a" }),
      [pv("a"), pv("b", { cap: "2Gi" })],
      {},
      "Binds to a (10Gi): named in spec.volumeName, and it satisfies the claim",
    ],
    [
      "volumeName: pre-bound",
      pvc("data", { volumeName: "a" }),
      [pv("a", { claimRef: refTo("data") })],
      {},
      "Binds to a (10Gi): named in spec.volumeName and pre-bound to the claim",
    ],
    ["invalid", pvc("data", { req: "x" }), [], {}, expect.stringMatching(/^Invalid claim: the claim requests "x"/)],
  ] as const)("%s", (_n, claim, pool, opts, want) => {
    const e = explainClaim(claim, pool as never, opts as never);
    expect(e.headline).toEqual(want);
    if (typeof want === "string") expect(want.length).toBeLessThanOrEqual(115);
  });
  it("scheduler: pre-bound volume misses the node", () => {
    const e = explainClaim(pvc("data"), [pv("pre", { host: "n9", claimRef: refTo("data") })], { node: node("n1") });
    expect(e.headline).toBe("pre is pre-bound to the claim but does not fit node n1");
  });
});

describe("explainClaim — repeated explanations over one pool", () => {
  it("give the same result as a fresh pool, also after a volume object is replaced", () => {
    const pool = [pv("a", { cap: "5Gi" }), pv("b"), pv("c", { cls: "x" }), pv("d", { claimRef: refTo("other") })];
    const fresh = () => structuredClone(pool);
    const claims = [pvc("data"), pvc("data", { req: "8Gi" }), pvc("data", { cls: "x" }), pvc("data", { req: "1Ti" })];
    for (const c of claims) expect(explainClaim(c, pool)).toEqual(explainClaim(c, fresh()));
    for (const c of claims) expect(explainClaim(c, [...pool])).toEqual(explainClaim(c, fresh()));
    const changed = [...pool];
    changed[0] = pv("a", { cap: "5Gi", claimRef: refTo("z") });
    expect(explainClaim(claims[0]!, pool).match?.volume).toBe("a");
    expect(explainClaim(claims[0]!, changed)).toEqual(explainClaim(claims[0]!, structuredClone(changed)));
    expect(explainClaim(claims[0]!, changed).match?.volume).toBe("b");
    expect(explainClaim(claims[0]!, pool).match?.volume).toBe("a");
  });
  it("accepts any iterable, one-shot generators included", () => {
    const pool = [pv("a", { cap: "5Gi" }), pv("b")];
    // Another order than the last pool's, so a check against the cached pool reads part of it.
    function* gen() {
      yield pool[1]!;
      yield pool[0]!;
    }
    expect(explainClaim(pvc("data"), pool).match?.volume).toBe("a");
    expect(explainClaim(pvc("data"), gen())).toEqual(explainClaim(pvc("data"), pool));
    expect(explainClaim(pvc("data"), new Set(pool))).toEqual(explainClaim(pvc("data"), pool));
  });
});
