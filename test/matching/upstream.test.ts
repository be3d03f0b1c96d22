/**
 * Conformance tables re-expressed from kubernetes' `pkg/controller/volume/persistentvolume/index_test.go`
 * (the PV controller's volume index: TestMatchVolume, TestMatchingWithBoundVolumes,
 * TestFindingVolumeWithDifferentAccessModes, TestFindingPreboundVolumes, TestBestMatchDelayed,
 * TestVolumeModeCheck, TestFilteringVolumeModes, TestStorageObjectInUseProtectionFiltering,
 * TestCheckAccessModes) and component-helpers' `storage/volume/pv_helpers_test.go`
 * (TestFindMatchVolumeWithNode: a node, excluded volumes, pre-bound volumes, phases), with the
 * expected outcomes taken from upstream or derived from the functions they test (kubernetes/component-helpers storage/volume/pv_helpers.go `FindMatchingVolume`, kubernetes/kubernetes pkg/controller/volume/persistentvolume/index.go `findBestMatchForClaim`, kubernetes/kubernetes pkg/controller/volume/persistentvolume/pv_controller.go `checkVolumeSatisfyClaim`).
 *
 * Upstream identifies volumes by UID in its expectations; the pool below keeps upstream's names and
 * UIDs and the tests compare UIDs.
 */
import { describe, expect, it } from "vitest";
import {
  claimClass,
  containsAccessModes,
  isVolumeBoundToClaim,
  volumeClass,
  type PersistentVolume,
  type PersistentVolumeClaim,
} from "../../src/api/index.js";
import type { NodeSelector } from "../../src/labels/index.js";
import {
  MatchingError,
  VolumeIndex,
  checkVolumeSatisfyClaim,
  findBestMatchForClaim,
  findMatchingVolume,
} from "../../src/matching/index.js";

const RWO = "ReadWriteOnce";
const ROX = "ReadOnlyMany";
const RWX = "ReadWriteMany";
const RWOP = "ReadWriteOncePod";
const BETA = "volume.beta.kubernetes.io/storage-class";

interface V {
  uid: string;
  name: string;
  cap?: string;
  modes?: string[];
  cls?: string;
  labels?: Record<string, string>;
  claimRef?: { name?: string; namespace?: string; uid?: string };
  phase?: string;
  mode?: string | null;
  affinity?: NodeSelector;
  deleting?: boolean;
  vac?: string;
  annotations?: Record<string, string>;
}

function vol(v: V): PersistentVolume {
  return {
    metadata: {
      name: v.name,
      uid: v.uid,
      ...(v.labels ? { labels: v.labels } : {}),
      ...(v.annotations ? { annotations: v.annotations } : {}),
      ...(v.deleting ? { deletionTimestamp: "2024-01-01T00:00:00Z" } : {}),
    },
    spec: {
      ...(v.cap !== undefined ? { capacity: { storage: v.cap } } : {}),
      accessModes: (v.modes ?? [RWO]) as NonNullable<PersistentVolume["spec"]>["accessModes"],
      ...(v.cls !== undefined ? { storageClassName: v.cls } : {}),
      ...(v.claimRef ? { claimRef: v.claimRef } : {}),
      ...(v.mode === null ? {} : { volumeMode: (v.mode ?? "Filesystem") as "Filesystem" }),
      ...(v.affinity ? { nodeAffinity: { required: v.affinity } } : {}),
      ...(v.vac !== undefined ? { volumeAttributesClassName: v.vac } : {}),
      local: { path: "/mnt" },
    },
    ...(v.phase === "" ? {} : { status: { phase: (v.phase ?? "Available") as "Available" } }),
  } as PersistentVolume;
}

interface C {
  name?: string;
  ns?: string;
  uid?: string;
  modes?: string[];
  cls?: string | null;
  selector?: NonNullable<PersistentVolumeClaim["spec"]>["selector"];
  mode?: string | null;
  vac?: string;
  annotations?: Record<string, string>;
}

/** upstream makePVC: claim01 in myns, [ROX, RWO], Filesystem. */
function makePVC(size: string | null, c: C = {}): PersistentVolumeClaim {
  return {
    metadata: {
      name: c.name ?? "claim01",
      namespace: c.ns ?? "myns",
      ...(c.uid !== undefined ? { uid: c.uid } : {}),
      ...(c.annotations ? { annotations: c.annotations } : {}),
    },
    spec: {
      accessModes: (c.modes ?? [ROX, RWO]) as NonNullable<PersistentVolumeClaim["spec"]>["accessModes"],
      ...(size !== null ? { resources: { requests: { storage: size } } } : {}),
      ...(c.cls !== undefined ? { storageClassName: c.cls } : {}),
      ...(c.selector !== undefined ? { selector: c.selector } : {}),
      ...(c.mode === null ? {} : { volumeMode: (c.mode ?? "Filesystem") as "Filesystem" }),
      ...(c.vac !== undefined ? { volumeAttributesClassName: c.vac } : {}),
    },
  } as PersistentVolumeClaim;
}

const affinity = (key: string, value: string): NodeSelector => ({
  nodeSelectorTerms: [{ matchExpressions: [{ key, operator: "In", values: [value] }] }],
});

const uidOf = (pv: PersistentVolume | undefined) => (pv === undefined ? "" : (pv.metadata!.uid ?? ""));

/** upstream createTestVolumes (current era: every volume Filesystem, phases set). */
function createTestVolumes(): PersistentVolume[] {
  return [
    vol({ uid: "gce-pd-10", name: "gce003", cap: "10G", modes: [RWO, ROX] }),
    vol({ uid: "gce-pd-20", name: "gce004", cap: "20G", modes: [RWO, ROX], claimRef: { uid: "def456" }, phase: "Bound" }),
    vol({ uid: "nfs-5", name: "nfs002", cap: "5G", modes: [RWO, ROX, RWX] }),
    vol({ uid: "gce-pd-1", name: "gce001", cap: "1G", modes: [RWO, ROX], claimRef: { uid: "abc123" }, phase: "Bound" }),
    vol({ uid: "nfs-10", name: "nfs003", cap: "10G", modes: [RWO, ROX, RWX] }),
    vol({ uid: "gce-pd-5", name: "gce002", cap: "5G", modes: [RWO, ROX] }),
    vol({ uid: "nfs-1", name: "nfs001", cap: "1G", modes: [RWO, ROX, RWX] }),
    vol({ uid: "gce-pd-2", name: "gce0022", cap: "20000G", modes: [RWO], labels: { "should-exist": "true" } }),
    vol({ uid: "gce-pd-silver1", name: "gce0023", cap: "10000G", modes: [RWO], labels: { "should-exist": "true" }, cls: "silver" }),
    vol({ uid: "gce-pd-silver2", name: "gce0024", cap: "100G", modes: [RWO], cls: "silver" }),
    vol({ uid: "gce-pd-gold", name: "gce0025", cap: "50G", modes: [RWO], cls: "gold" }),
    vol({ uid: "local-pd-very-large", name: "local001", cap: "200E", modes: [RWO, ROX, RWX], cls: "large" }),
    vol({ uid: "local-pd-extremely-large", name: "local002", cap: "800E", modes: [RWO, ROX, RWX], cls: "large" }),
    vol({ uid: "affinity-pv", name: "affinity001", cap: "100G", modes: [RWO, ROX], cls: "wait", affinity: affinity("key1", "value1") }),
    vol({ uid: "affinity-pv2", name: "affinity002", cap: "150G", modes: [RWO, ROX], cls: "wait", affinity: affinity("key1", "value1") }),
    vol({
      uid: "affinity-prebound",
      name: "affinity003",
      cap: "100G",
      modes: [RWO, ROX],
      cls: "wait",
      claimRef: { name: "claim02", namespace: "myns" },
      affinity: affinity("key1", "value1"),
    }),
    // Upstream names this one "affinity003" as well; in a store keyed by name it replaces the
    // pre-bound volume above. kubevol has the same store semantics, so the pool for
    // findMatchingVolume (a plain list upstream) renames it — see poolForList().
    vol({ uid: "affinity-pv3", name: "affinity003", cap: "200G", modes: [RWO, ROX], cls: "wait", affinity: affinity("key1", "value3") }),
    vol({
      uid: "affinity-pv4-pending",
      name: "affinity004-pending",
      cap: "200G",
      modes: [RWO, ROX],
      cls: "wait",
      affinity: affinity("key1", "value4"),
      phase: "Pending",
    }),
    vol({
      uid: "affinity-pv4-failed",
      name: "affinity004-failed",
      cap: "200G",
      modes: [RWO, ROX],
      cls: "wait",
      affinity: affinity("key1", "value4"),
      phase: "Failed",
    }),
    vol({
      uid: "affinity-pv4-released",
      name: "affinity004-released",
      cap: "200G",
      modes: [RWO, ROX],
      cls: "wait",
      affinity: affinity("key1", "value4"),
      phase: "Released",
    }),
    vol({
      uid: "affinity-pv4-empty",
      name: "affinity004-empty",
      cap: "200G",
      modes: [RWO, ROX],
      cls: "wait",
      affinity: affinity("key1", "value4"),
      phase: "",
    }),
  ];
}

/** The same pool as a plain list with unique names (what FindMatchingVolume's slice holds). */
function poolForList(): PersistentVolume[] {
  return createTestVolumes().map((pv) =>
    pv.metadata!.uid === "affinity-pv3" ? { ...pv, metadata: { ...pv.metadata, name: "affinity003b" } } : pv,
  );
}

describe("TestMatchVolume (findBestMatchForClaim over the index_test pool)", () => {
  const scenarios: Array<[string, string, PersistentVolumeClaim]> = [
    ["successful-match-gce-10", "gce-pd-10", makePVC("8G")],
    ["successful-match-nfs-5", "nfs-5", makePVC("5G", { modes: [ROX, RWO, RWX] })],
    ["successful-skip-1g-bound-volume", "gce-pd-5", makePVC("1G")],
    ["successful-no-match", "", makePVC("999G")],
    ["successful-no-match-due-to-label", "", makePVC("999G", { selector: { matchLabels: { "should-not-exist": "true" } } })],
    [
      "successful-no-match-due-to-size-constraint-with-label-selector",
      "",
      makePVC("20000G", { selector: { matchLabels: { "should-exist": "true" } }, modes: [ROX, RWO] }),
    ],
    [
      "successful-match-due-with-constraint-and-label-selector",
      "gce-pd-2",
      makePVC("20000G", { selector: { matchLabels: { "should-exist": "true" } }, modes: [RWO] }),
    ],
    [
      "successful-match-with-class",
      "gce-pd-silver1",
      makePVC("1G", { selector: { matchLabels: { "should-exist": "true" } }, modes: [RWO], cls: "silver" }),
    ],
    ["successful-match-with-class-and-labels", "gce-pd-silver2", makePVC("1G", { modes: [RWO], cls: "silver" })],
    ["successful-match-very-large", "local-pd-very-large", makePVC("1E", { modes: [RWO], cls: "large" })],
    ["successful-match-exact-extremely-large", "local-pd-extremely-large", makePVC("800E", { modes: [RWO], cls: "large" })],
    ["successful-no-match-way-too-large", "", makePVC("950E", { modes: [RWO], cls: "large" })],
    // More on the same pool (expected from pv_helpers.go FindMatchingVolume / index.go findBestMatchForClaim).
    ["class via the beta annotation", "gce-pd-silver2", makePVC("1G", { modes: [RWO], annotations: { [BETA]: "silver" } })],
    ["beta annotation wins over spec", "gce-pd-gold", makePVC("1G", { modes: [RWO], cls: "silver", annotations: { [BETA]: "gold" } })],
    ["gold too small", "", makePVC("51G", { modes: [RWO], cls: "gold" })],
    ["unknown class", "", makePVC("1G", { modes: [RWO], cls: "platinum" })],
    ["empty class equals no class", "gce-pd-5", makePVC("1G", { cls: "" })],
    ["RWX only finds the three-mode group", "nfs-1", makePVC("1G", { modes: [RWX] })],
    ["RWOP is offered by no volume", "", makePVC("1G", { modes: [RWOP] })],
    ["wait class, controller path, no delay: smallest affinity volume", "affinity-pv", makePVC("100G", { modes: [RWO], cls: "wait" })],
    ["wait class 101G", "affinity-pv2", makePVC("101G", { modes: [RWO], cls: "wait" })],
    ["wait class 151G (pv3 has no node check here)", "affinity-pv3", makePVC("151G", { modes: [RWO], cls: "wait" })],
    ["wait class 201G: only non-Available volumes are left", "", makePVC("201G", { modes: [RWO], cls: "wait" })],
    [
      "selector matchExpressions In",
      "gce-pd-2",
      makePVC("1G", { modes: [RWO], selector: { matchExpressions: [{ key: "should-exist", operator: "In", values: ["true"] }] } }),
    ],
    [
      "selector DoesNotExist",
      "gce-pd-5",
      makePVC("1G", { selector: { matchExpressions: [{ key: "should-exist", operator: "DoesNotExist" }] } }),
    ],
    ["empty selector selects everything", "gce-pd-5", makePVC("1G", { selector: {} })],
    ["null selector is no filter", "gce-pd-5", makePVC("1G", { selector: null })],
    ["no request is zero", "gce-pd-5", makePVC(null)],
    ["Block claim finds nothing (all Filesystem)", "", makePVC("1G", { mode: "Block" })],
    ["claim without volumeMode is Filesystem", "gce-pd-5", makePVC("1G", { mode: null })],
    ["1Gi is more than 1G", "gce-pd-5", makePVC("1Gi")],
    ["10Gi does not fit 10G", "gce-pd-2", makePVC("10Gi", { modes: [RWO] })],
    // No requested modes: every group qualifies, the single-mode "RWO" group is searched first.
    ["no access modes requested", "gce-pd-2", makePVC("1G", { modes: [] })],
    ["duplicate requested modes", "gce-pd-5", makePVC("1G", { modes: [RWO, ROX, RWO] })],
  ];

  it.each(scenarios)("%s → %j", (_name, want, claim) => {
    expect(uidOf(findBestMatchForClaim(claim, createTestVolumes()))).toBe(want);
  });

  it("VolumeIndex gives the same answers", () => {
    const index = new VolumeIndex(createTestVolumes());
    for (const [, want, claim] of scenarios) {
      expect(uidOf(index.findBestMatchForClaim(claim))).toBe(want);
    }
    expect(index.findBestMatchForClaim(makePVC("8G"), { delayBinding: true })).toBeUndefined();
  });

  it("the result does not depend on the pool order (unique names)", () => {
    for (const [, want, claim] of scenarios) {
      expect(uidOf(findBestMatchForClaim(claim, poolForList()))).toBe(want);
      expect(uidOf(findBestMatchForClaim(claim, poolForList().reverse()))).toBe(want);
    }
  });

  it("an invalid claim selector is an error", () => {
    const claim = makePVC("1G", { selector: { matchExpressions: [{ key: "a", operator: "Bogus" }] } });
    expect(() => findBestMatchForClaim(claim, createTestVolumes())).toThrow(MatchingError);
    expect(() => findMatchingVolume(claim, createTestVolumes())).toThrow(MatchingError);
  });

  it("the inputs are not mutated", () => {
    const pool = createTestVolumes();
    const before = JSON.stringify(pool);
    const claim = makePVC("8G");
    const claimBefore = JSON.stringify(claim);
    findBestMatchForClaim(claim, pool);
    findMatchingVolume(claim, pool, { node: { labels: { key1: "value1" } } });
    expect(JSON.stringify(pool)).toBe(before);
    expect(JSON.stringify(claim)).toBe(claimBefore);
  });
});

describe("TestMatchingWithBoundVolumes", () => {
  it("skips the volume bound to another claim", () => {
    const pv1 = vol({ uid: "gce-pd-1", name: "gce001", cap: "1G", modes: [RWO, ROX], claimRef: { uid: "abc123" }, phase: "Bound" });
    const pv2 = vol({ uid: "gce-pd-2", name: "gce002", cap: "1G", modes: [RWO, ROX] });
    expect(findBestMatchForClaim(makePVC("1G"), [pv1, pv2])?.metadata?.name).toBe("gce002");
    expect(findBestMatchForClaim(makePVC("1G"), [pv2, pv1])?.metadata?.name).toBe("gce002");
  });
});

describe("TestFindingVolumeWithDifferentAccessModes", () => {
  const gce = (claimRef?: V["claimRef"]) =>
    vol({ uid: "001", name: "gce", cap: "10G", modes: [RWO, ROX], ...(claimRef ? { claimRef } : {}) });
  const ebs = (claimRef?: V["claimRef"]) => vol({ uid: "002", name: "ebs", cap: "10G", modes: [RWO], ...(claimRef ? { claimRef } : {}) });
  const nfs = () => vol({ uid: "003", name: "nfs", cap: "10G", modes: [RWO, ROX, RWX] });
  const bound = {}; // upstream: an empty ObjectReference (bound to "someone else")
  // [step, ebs bound, gce bound, requested modes, expected name]
  const steps: Array<[string, boolean, boolean, string[], string]> = [
    ["exact RWO", false, false, [RWO], "ebs"],
    ["exact RWO+ROX", false, false, [RWO, ROX], "gce"],
    ["order of requested modes does not matter", false, false, [RWX, RWO, ROX], "nfs"],
    ["fewer modes requested still match", false, false, [RWX], "nfs"],
    ["exact match bound: next level up", true, false, [RWO], "gce"],
    ["continue up the levels", true, true, [RWO], "nfs"],
    ["partial mode request", true, false, [ROX], "gce"],
  ];
  it.each(steps)("%s", (_s, ebsBound, gceBound, modes, want) => {
    const pool = [gce(gceBound ? bound : undefined), ebs(ebsBound ? bound : undefined), nfs()];
    expect(findBestMatchForClaim(makePVC("1G", { modes }), pool)?.metadata?.name).toBe(want);
  });

  it("access-mode tightness beats size (index.go findBestMatchForClaim)", () => {
    const a = vol({ uid: "a", name: "a", cap: "100Gi", modes: [RWO] });
    const b = vol({ uid: "b", name: "b", cap: "2Gi", modes: [RWO, ROX] });
    expect(findBestMatchForClaim(makePVC("1Gi", { modes: [RWO] }), [a, b])?.metadata?.name).toBe("a");
    // FindMatchingVolume over one list (no groups) takes the smaller one.
    expect(findMatchingVolume(makePVC("1Gi", { modes: [RWO] }), [a, b])?.metadata?.name).toBe("b");
  });

  it("a volume without (known) access modes sits in the empty group (helper.GetAccessModesAsString, index.go allPossibleMatchingAccessModes)", () => {
    const modeless = vol({ uid: "m", name: "m", cap: "1G", modes: [] });
    const unknown = vol({ uid: "u", name: "u", cap: "1G", modes: ["Foo"] });
    const rwo = vol({ uid: "w", name: "w", cap: "5G", modes: [RWO] });
    const rwoPlusUnknown = vol({ uid: "x", name: "x", cap: "2G", modes: ["Foo", RWO] });
    expect(uidOf(findBestMatchForClaim(makePVC("1G", { modes: [RWO] }), [modeless, unknown, rwo]))).toBe("w");
    // A claim requesting nothing searches the empty group (0 modes) first.
    expect(uidOf(findBestMatchForClaim(makePVC("1G", { modes: [] }), [rwo, unknown]))).toBe("u");
    // Unknown modes are ignored by the index key: ["Foo", RWO] is in the RWO group.
    expect(uidOf(findBestMatchForClaim(makePVC("1G", { modes: [RWO] }), [rwo, rwoPlusUnknown]))).toBe("x");
    // A claim requesting an unknown mode matches nothing.
    expect(findBestMatchForClaim(makePVC("1G", { modes: ["Foo"] }), [modeless, unknown, rwo, rwoPlusUnknown])).toBeUndefined();
  });

  it("groups with the same number of modes are all searched before larger groups", () => {
    const p = vol({ uid: "p", name: "p", cap: "5Gi", modes: [RWO, RWX] });
    const q = vol({ uid: "q", name: "q", cap: "1Gi", modes: [RWO, ROX, RWX] });
    expect(findBestMatchForClaim(makePVC("1Gi", { modes: [RWX] }), [p, q])?.metadata?.name).toBe("p");
  });
});

describe("TestFindingPreboundVolumes", () => {
  const claim = makePVC("1Gi", { modes: [RWO] });
  const claimRef = { name: "claim01", namespace: "myns", uid: "" };
  const testVolume = (name: string, size: string, modes = [RWO]) => vol({ uid: name, name, cap: size, modes });
  // [step, which volume carries which claimRef, expected]
  const steps: Array<[string, Record<string, V["claimRef"]>, string]> = [
    ["exact match on size", {}, "pv1"],
    ["exact match pre-bound elsewhere: next size up", { pv1: { name: "foo", namespace: "bar" } }, "pv5"],
    ["largest volume pre-bound to the claim wins", { pv8: claimRef }, "pv8"],
    ["too-small volume pre-bound to the claim is skipped", { pvBadSize: claimRef }, "pv1"],
    ["pre-bound volume without the mode is never seen", { pvBadMode: claimRef }, "pv1"],
    // pv_helpers.go IsVolumeBoundToClaim: a claimRef with a UID only matches that incarnation.
    ["pre-bound with the claim's uid", { pv8: { name: "claim01", namespace: "myns", uid: "u1" } }, "pv8"],
  ];
  it.each(steps)("%s", (_s, refs, want) => {
    const pool = [
      testVolume("pv1", "1Gi"),
      testVolume("pv5", "5Gi"),
      testVolume("pv8", "8Gi"),
      testVolume("pvBadSize", "1Mi"),
      testVolume("pvBadMode", "1Gi", [ROX]),
    ].map((pv) => {
      const ref = refs[pv.metadata!.name!];
      return ref ? { ...pv, spec: { ...pv.spec, claimRef: ref } } : pv;
    });
    const c = want === "pv8" && refs.pv8?.uid === "u1" ? { ...claim, metadata: { ...claim.metadata, uid: "u1" } } : claim;
    expect(findBestMatchForClaim(c, pool)?.metadata?.name).toBe(want);
  });

  it("a claimRef with a uid does not match a claim without one", () => {
    const pv8 = testVolume("pv8", "8Gi");
    const pool = [testVolume("pv1", "1Gi"), { ...pv8, spec: { ...pv8.spec, claimRef: { name: "claim01", namespace: "myns", uid: "u1" } } }];
    expect(findBestMatchForClaim(claim, pool)?.metadata?.name).toBe("pv1");
  });

  it("several volumes pre-bound to the claim: one of them is returned (kubevol: the smallest name)", () => {
    const mk = (n: string, size: string) => {
      const v = testVolume(n, size);
      return { ...v, spec: { ...v.spec, claimRef } };
    };
    const got = findBestMatchForClaim(claim, [mk("pvB", "2Gi"), mk("pvA", "5Gi"), testVolume("pv1", "1Gi")]);
    expect(got?.metadata?.name).toBe("pvA");
  });

  it("a pre-bound volume in a later group than an earlier match is never seen (index.go findBestMatchForClaim)", () => {
    const early = testVolume("early", "5Gi", [RWO]);
    const pb = { ...testVolume("pb", "1Gi", [RWO, ROX]), spec: { ...testVolume("pb", "1Gi", [RWO, ROX]).spec, claimRef } };
    expect(findBestMatchForClaim(claim, [early, pb])?.metadata?.name).toBe("early");
    // Within one group the pre-bound volume wins.
    const same = { ...testVolume("pb", "9Gi", [RWO]), spec: { ...testVolume("pb", "9Gi", [RWO]).spec, claimRef } };
    expect(findBestMatchForClaim(claim, [early, same])?.metadata?.name).toBe("pb");
  });

  it("a pre-bound volume's phase is not checked", () => {
    const pb = vol({ uid: "pb", name: "pb", cap: "2Gi", phase: "Released", claimRef });
    expect(findBestMatchForClaim(claim, [testVolume("pv1", "1Gi"), pb])?.metadata?.name).toBe("pb");
    expect(findMatchingVolume(claim, [testVolume("pv1", "1Gi"), pb])?.metadata?.name).toBe("pb");
  });

  it("a pre-bound volume with a VolumeAttributesClass mismatch is skipped", () => {
    const pb = vol({ uid: "pb", name: "pb", cap: "2Gi", vac: "gold", claimRef });
    expect(findBestMatchForClaim(claim, [testVolume("pv1", "1Gi"), pb])?.metadata?.name).toBe("pv1");
  });

  it("ReadWriteOncePod", () => {
    const rwop = vol({ uid: "o", name: "o", cap: "1Gi", modes: [RWOP] });
    const rwo = vol({ uid: "w", name: "w", cap: "1Gi", modes: [RWO] });
    expect(findBestMatchForClaim(makePVC("1Gi", { modes: [RWOP] }), [rwo, rwop])?.metadata?.name).toBe("o");
    expect(findBestMatchForClaim(makePVC("1Gi", { modes: [RWO] }), [rwop, rwo])?.metadata?.name).toBe("w");
    expect(findBestMatchForClaim(makePVC("1Gi", { modes: [RWO] }), [rwop])).toBeUndefined();
  });

  it("duplicate modes on a volume do not change its group", () => {
    const v = vol({ uid: "d", name: "d", cap: "1Gi", modes: [RWO, RWO, ROX] });
    const w = vol({ uid: "w", name: "w", cap: "1Gi", modes: [RWO, ROX, RWX] });
    expect(findBestMatchForClaim(makePVC("1Gi", { modes: [ROX] }), [w, v])?.metadata?.name).toBe("d");
  });

  it("a claimRef with another uid is another claim's", () => {
    const pool = [
      testVolume("pv1", "1Gi"),
      {
        ...testVolume("pv8", "8Gi"),
        spec: { ...testVolume("pv8", "8Gi").spec, claimRef: { name: "claim01", namespace: "myns", uid: "old" } },
      },
    ];
    const c = { ...claim, metadata: { ...claim.metadata, uid: "new" } };
    expect(findBestMatchForClaim(c, pool)?.metadata?.name).toBe("pv1");
  });
});

describe("TestBestMatchDelayed and delayed binding", () => {
  it("binding through the PV controller is delayed: no match", () => {
    expect(findBestMatchForClaim(makePVC("8G"), createTestVolumes(), { delayBinding: true })).toBeUndefined();
  });
  it("…except a volume pre-bound to the claim", () => {
    const claim = makePVC("100G", { name: "claim02", modes: [RWO], cls: "wait" });
    const pool = poolForList();
    expect(uidOf(findBestMatchForClaim(claim, pool, { delayBinding: true }))).toBe("affinity-prebound");
    expect(uidOf(findMatchingVolume(claim, pool, { delayBinding: true }))).toBe("affinity-prebound");
  });
  it("delay binding does not apply when a node is given (scheduler path)", () => {
    const claim = makePVC("100G", { modes: [RWO], cls: "wait" });
    expect(uidOf(findMatchingVolume(claim, poolForList(), { node: { labels: { key1: "value1" } }, delayBinding: true }))).toBe(
      "affinity-pv",
    );
    expect(findMatchingVolume(claim, poolForList(), { delayBinding: true })).toBeUndefined();
  });
});

describe("TestVolumeModeCheck / TestFilteringVolumeModes", () => {
  const block = () => vol({ uid: "local-1", name: "block", cap: "10G", modes: [RWO], mode: "Block" });
  const fs = () => vol({ uid: "local-1", name: "block", cap: "10G", modes: [RWO], mode: "Filesystem" });
  const none = () => vol({ uid: "local-1", name: "nil-mode", cap: "10G", modes: [RWO], mode: null });
  const pvc = (mode: string | null) => makePVC("8G", { modes: [RWO], mode });
  const table: Array<[string, PersistentVolume, PersistentVolumeClaim, boolean]> = [
    ["pvc block and pv filesystem", fs(), pvc("Block"), true],
    ["pvc filesystem and pv block", block(), pvc("Filesystem"), true],
    ["pvc block and pv block", block(), pvc("Block"), false],
    ["pvc filesystem and pv filesystem", fs(), pvc("Filesystem"), false],
    ["pvc filesystem and pv nil", none(), pvc("Filesystem"), false],
    ["pvc nil and pv filesystem", fs(), pvc(null), false],
    ["pvc nil and pv nil", none(), pvc(null), false],
    ["pvc nil and pv block", block(), pvc(null), true],
    ["pvc block and pv nil", none(), pvc("Block"), true],
  ];
  it.each(table)("%s: mismatch=%s", (_n, pv, claim, mismatch) => {
    expect(checkVolumeSatisfyClaim(pv, claim)).toBe(mismatch ? "incompatible volumeMode" : undefined);
    expect(findBestMatchForClaim(claim, [pv]) === undefined).toBe(mismatch);
    expect(findMatchingVolume(claim, [pv]) === undefined).toBe(mismatch);
    expect(findMatchingVolume(claim, [pv], { node: { name: "n", labels: {} } }) === undefined).toBe(mismatch);
  });

  it("a pre-bound volume with the wrong mode is skipped and another volume is chosen (pv_helpers.go FindMatchingVolume)", () => {
    const prebound = vol({ uid: "pb", name: "pb", cap: "10G", mode: "Block", claimRef: { name: "claim01", namespace: "myns" } });
    const other = vol({ uid: "o", name: "o", cap: "20G" });
    expect(findMatchingVolume(makePVC("8G", { modes: [RWO] }), [prebound, other])?.metadata?.name).toBe("o");
  });
});

describe("TestStorageObjectInUseProtectionFiltering", () => {
  const pv = vol({ uid: "pv1", name: "pv1", cap: "1G", modes: [RWO] });
  const deleting = vol({ uid: "pv1", name: "pv1", cap: "1G", modes: [RWO], deleting: true });
  const pvc = makePVC("1G", { name: "pvc1", modes: [RWO] });
  it("checkVolumeSatisfyClaim", () => {
    expect(checkVolumeSatisfyClaim(pv, pvc)).toBeUndefined();
    expect(checkVolumeSatisfyClaim(deleting, pvc)).toBe('the volume is marked for deletion "pv1"');
  });
  it("findBestMatchForClaim / findMatchingVolume", () => {
    expect(findBestMatchForClaim(pvc, [pv])?.metadata?.name).toBe("pv1");
    expect(findBestMatchForClaim(pvc, [deleting])).toBeUndefined();
    expect(findMatchingVolume(pvc, [deleting], { node: { labels: {} } })).toBeUndefined();
  });
  it("a deleting pre-bound volume is skipped silently", () => {
    const pb = vol({ uid: "pb", name: "pb", cap: "1G", claimRef: { name: "pvc1", namespace: "myns" }, deleting: true });
    expect(findMatchingVolume(pvc, [pb, pv])?.metadata?.name).toBe("pv1");
  });
});

describe("TestCheckAccessModes", () => {
  const offered = [RWO, RWX];
  it.each([
    ["success-single-mode", [RWX], true],
    ["success-many-modes", [RWX, RWO], true],
    ["fail-single-mode", [ROX], false],
    ["fail-many-modes", [RWX, ROX], false],
    ["no modes requested", [], true],
  ] as Array<[string, string[], boolean]>)("%s", (_n, requested, ok) => {
    expect(containsAccessModes(offered, requested)).toBe(ok);
    const pv = vol({ uid: "x", name: "x", cap: "100G", modes: offered });
    expect(checkVolumeSatisfyClaim(pv, makePVC("100G", { modes: requested }))).toBe(ok ? undefined : "incompatible accessMode");
  });
});

describe("TestFindMatchVolumeWithNode (component-helpers pv_helpers_test.go, verbatim pool)", () => {
  // makeTestVolume: Local, RWO+ROX, Filesystem, Available unless `available` is false.
  const mk = (uid: string, name: string, cap: string, available: boolean, v: Partial<V> = {}) =>
    vol({ uid, name, cap, modes: [RWO, ROX], ...(available ? {} : { phase: "" }), ...v });
  const volumes = (): PersistentVolume[] => [
    mk("local-small", "local001", "5G", true),
    mk("local-pd-very-large", "local002", "200E", true, { cls: "large" }),
    mk("affinity-pv", "affinity001", "100G", true, { cls: "wait", affinity: affinity("key1", "value1") }),
    mk("affinity-pv2", "affinity002", "150G", true, { cls: "wait", affinity: affinity("key1", "value1") }),
    mk("affinity-prebound", "affinity003", "100G", true, {
      cls: "wait",
      claimRef: { name: "claim02", namespace: "myns" },
      affinity: affinity("key1", "value1"),
    }),
    // NB: upstream gives this volume the same name as the pre-bound one above.
    mk("affinity-pv3", "affinity003", "200G", true, { cls: "wait", affinity: affinity("key1", "value3") }),
    mk("affinity-pv4", "affinity004", "200G", false, { cls: "wait", affinity: affinity("key1", "value4") }),
  ];
  const node = (v: string) => ({ metadata: { labels: { key1: v } } });
  // makeTestPersistentVolumeClaim: namespace myns, class "wait", Filesystem.
  const claim = (name: string, modes: string[]) => makePVC("100G", { name, modes, cls: "wait" });
  const run = (c: PersistentVolumeClaim, n: ReturnType<typeof node>, excluded: string[] = []) =>
    uidOf(findMatchingVolume(c, volumes(), { node: n, excluded: new Set(excluded), delayBinding: true }));

  // [scenario, claim, node, excluded, expected]
  const scenarios: Array<[string, PersistentVolumeClaim, ReturnType<typeof node>, string[], string]> = [
    ["success-match", claim("claim01", [RWO]), node("value1"), [], "affinity-pv"],
    ["success-exclusion", claim("claim01", [RWO]), node("value1"), ["affinity001"], "affinity-pv2"],
    ["fail-exclusion", claim("claim01", [RWO]), node("value1"), ["affinity001", "affinity002"], ""],
    ["fail-accessmode", claim("claim01", [RWX]), node("value1"), [], ""],
    ["fail-nodeaffinity", claim("claim01", [RWO]), node("value2"), [], ""],
    ["fail-nonavaliable", claim("claim04", [RWO]), node("value4"), [], ""],
    ["success-bad-and-good-node-affinity", claim("claim03", [RWO]), node("value3"), [], "affinity-pv3"],
  ];
  it.each(scenarios)("%s", (_n, c, n, excluded, want) => {
    expect(run(c, n, excluded)).toBe(want);
  });

  // These two depend on both "affinity003" volumes being present. kubevol's findMatchingVolume keeps
  // only the last volume of a name (its documented store semantics), so the pre-bound volume is
  // dropped: success-prebound returns affinity-pv and fail-prebound-node-affinity returns
  // affinity-pv3. A deliberate divergence from FindMatchingVolume's slice semantics: the API server
  // never stores two PersistentVolumes of one name, and kubevol treats its input as a store (the
  // VolumeIndex is keyed by name too). docs/matching.md documents it.
  it("duplicate names in the slice: the last volume of a name wins (kubevol's store semantics)", () => {
    expect(run(claim("claim02", [RWO]), node("value1"))).toBe("affinity-pv");
    expect(run(claim("claim02", [RWO]), node("value3"))).toBe("affinity-pv3");
  });
  it("the same two scenarios with unique names", () => {
    const renamed = volumes().map((pv) =>
      pv.metadata!.uid === "affinity-pv3" ? { ...pv, metadata: { ...pv.metadata, name: "affinity003b" } } : pv,
    );
    const go = (c: PersistentVolumeClaim, n: ReturnType<typeof node>) =>
      uidOf(findMatchingVolume(c, renamed, { node: n, delayBinding: true }));
    expect(go(claim("claim02", [RWO]), node("value1"))).toBe("affinity-prebound");
    expect(go(claim("claim02", [RWO]), node("value3"))).toBe("");
  });
});

describe("FindMatchingVolume with a node (index_test pool; scenarios derived from pv_helpers.go FindMatchingVolume)", () => {
  const node = (v: string) => ({ name: `node-${v}`, labels: { key1: v } });
  const wait = (size: string, c: C = {}) => makePVC(size, { modes: [RWO], cls: "wait", ...c });
  // [name, claim, node (undefined = controller path), excluded names, delayBinding, expected uid]
  const scenarios: Array<[string, PersistentVolumeClaim, ReturnType<typeof node> | undefined, string[], boolean, string]> = [
    ["successful-match-gce-10 (no node)", makePVC("8G"), undefined, [], false, "gce-pd-10"],
    ["successful-skip-1g-bound-volume (no node)", makePVC("1G", { modes: [RWO, ROX, RWX] }), undefined, [], false, "nfs-1"],
    // Without a node FindMatchingVolume does not check access modes: the RWO-only 20000G volume fits
    // (the PV controller's index only avoids it through its access-mode groups).
    ["no node: access modes unchecked", makePVC("999G"), undefined, [], false, "gce-pd-2"],
    ["with a node the same claim finds nothing", makePVC("999G", { modes: [ROX, RWO] }), node("value1"), [], true, ""],
    [
      "successful-match-with-class",
      makePVC("1G", { modes: [RWO], cls: "silver", selector: { matchLabels: { "should-exist": "true" } } }),
      undefined,
      [],
      false,
      "gce-pd-silver1",
    ],
    ["successful-match-very-large", makePVC("1E", { modes: [RWO], cls: "large" }), undefined, [], false, "local-pd-very-large"],
    [
      "successful-match-exact-extremely-large",
      makePVC("800E", { modes: [RWO], cls: "large" }),
      undefined,
      [],
      false,
      "local-pd-extremely-large",
    ],
    ["successful-no-match-way-too-large", makePVC("950E", { modes: [RWO], cls: "large" }), undefined, [], false, ""],
    ["successful-match-with-node", wait("100G"), node("value1"), [], true, "affinity-pv"],
    ["successful-match-with-node-excluded", wait("100G"), node("value1"), ["affinity001"], true, "affinity-pv2"],
    ["excluded both value1 volumes", wait("100G"), node("value1"), ["affinity001", "affinity002"], true, ""],
    ["successful-match-with-node-prebound", wait("100G", { name: "claim02" }), node("value1"), [], true, "affinity-prebound"],
    ["unsuccessful-prebound-with-node-mismatch", wait("100G", { name: "claim02" }), node("value3"), [], true, ""],
    [
      "excluded pre-bound volume falls back to the search",
      wait("100G", { name: "claim02" }),
      node("value1"),
      ["affinity003"],
      true,
      "affinity-pv",
    ],
    ["unsuccessful-match-with-node-mismatch", wait("100G"), node("value2"), [], true, ""],
    ["successful-match-with-node-value3", wait("100G"), node("value3"), [], true, "affinity-pv3"],
    ["node-value4: pending/failed/released/empty phases are skipped", wait("100G"), node("value4"), [], true, ""],
    ["node access modes are checked: RWX not offered", wait("100G", { modes: [RWX] }), node("value1"), [], true, ""],
    ["node access modes: RWO+ROX offered", wait("100G", { modes: [RWO, ROX] }), node("value1"), [], true, "affinity-pv"],
    ["node without key1 label", wait("100G"), { name: "bare", labels: {} } as ReturnType<typeof node>, [], true, ""],
    ["too big for value1 volumes", wait("151G"), node("value1"), [], true, ""],
    ["class-less claim with a node: no-affinity volumes fit", makePVC("8G"), node("value1"), [], true, "gce-pd-10"],
    ["controller path ignores node affinity", wait("151G"), undefined, [], false, "affinity-pv3"],
    ["controller path, delayed: nothing", wait("100G"), undefined, [], true, ""],
    ["controller path, delayed, pre-bound: returned", wait("100G", { name: "claim02" }), undefined, [], true, "affinity-prebound"],
    // Pre-bound volumes skip phase, selector, class and access-mode checks (pv_helpers.go FindMatchingVolume).
    [
      "pre-bound ignores the claim's class",
      makePVC("100G", { name: "claim02", modes: [RWO], cls: "gold" }),
      node("value1"),
      [],
      true,
      "affinity-prebound",
    ],
    [
      "pre-bound ignores the claim's selector",
      wait("100G", { name: "claim02", selector: { matchLabels: { nope: "x" } } }),
      node("value1"),
      [],
      true,
      "affinity-prebound",
    ],
    [
      "pre-bound ignores access modes (scheduler path)",
      wait("100G", { name: "claim02", modes: [RWX] }),
      node("value1"),
      [],
      true,
      "affinity-prebound",
    ],
    ["pre-bound too small is skipped", wait("101G", { name: "claim02" }), node("value1"), [], true, "affinity-pv2"],
    ["pre-bound in another namespace is not ours", wait("100G", { name: "claim02", ns: "other" }), node("value1"), [], true, "affinity-pv"],
  ];

  it.each(scenarios)("%s → %j", (_n, claim, n, excluded, delayBinding, want) => {
    const got = findMatchingVolume(claim, poolForList(), {
      ...(n ? { node: n } : {}),
      excluded: new Set(excluded),
      delayBinding,
    });
    expect(uidOf(got)).toBe(want);
  });

  it("matchFields in a PV's node affinity are ignored: only the node's labels are used (component-helpers CheckNodeAffinity)", () => {
    const pv = vol({
      uid: "f",
      name: "f",
      cap: "1G",
      affinity: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["other-node"] }] }] },
    });
    const claim = makePVC("1G", { modes: [RWO] });
    expect(uidOf(findMatchingVolume(claim, [pv], { node: { name: "this-node", labels: {} } }))).toBe("f");
    expect(uidOf(findMatchingVolume(claim, [pv], { node: { metadata: { name: "this-node", labels: {} } } }))).toBe("f");
  });

  it("an empty required term list fits no node", () => {
    const pv = vol({ uid: "e", name: "e", cap: "1G", affinity: { nodeSelectorTerms: [] } });
    const claim = makePVC("1G", { modes: [RWO] });
    expect(findMatchingVolume(claim, [pv], { node: { name: "n", labels: { a: "b" } } })).toBeUndefined();
    // The controller path does not look at node affinity at all.
    expect(uidOf(findMatchingVolume(claim, [pv]))).toBe("e");
  });

  it.each(scenarios)("VolumeIndex: %s", (_n, claim, n, excluded, delayBinding, want) => {
    const index = new VolumeIndex(poolForList());
    const got = index.findMatchingVolume(claim, { ...(n ? { node: n } : {}), excluded: new Set(excluded), delayBinding });
    expect(uidOf(got)).toBe(want);
  });

  it("a Node object works as the node", () => {
    const got = findMatchingVolume(wait("100G"), poolForList(), {
      node: { metadata: { name: "n1", labels: { key1: "value1" } } },
      delayBinding: true,
    });
    expect(uidOf(got)).toBe("affinity-pv");
  });

  it("a pre-bound volume that does not fit the node stops the search even with a fitting volume later", () => {
    const pb = vol({ uid: "pb", name: "z-pb", cap: "1G", claimRef: { name: "c", namespace: "myns" }, affinity: affinity("k", "other") });
    const ok = vol({ uid: "ok", name: "a-ok", cap: "1G" });
    const claim = makePVC("1G", { name: "c", modes: [RWO] });
    expect(findMatchingVolume(claim, [ok, pb], { node: { labels: { k: "mine" } } })).toBeUndefined();
    expect(findMatchingVolume(claim, [pb, ok], { node: { labels: { k: "mine" } } })).toBeUndefined();
    // Without a node there is no affinity check: the pre-bound volume wins.
    expect(findMatchingVolume(claim, [ok, pb])?.metadata?.uid).toBe("pb");
  });

  it("a pre-bound volume wins over a smaller unbound one anywhere in the list", () => {
    const small = vol({ uid: "s", name: "s", cap: "1G" });
    const pb = vol({ uid: "pb", name: "pb", cap: "100G", claimRef: { name: "c", namespace: "myns" }, phase: "Bound" });
    const claim = makePVC("1G", { name: "c", modes: [RWO] });
    expect(findMatchingVolume(claim, [small, pb])?.metadata?.uid).toBe("pb");
    expect(findMatchingVolume(claim, [pb, small])?.metadata?.uid).toBe("pb");
  });
});

describe("sizes are compared exactly (resource.Quantity Cmp)", () => {
  const pool = (caps: string[]) => caps.map((c, i) => vol({ uid: `v${i}`, name: `v${i}`, cap: c }));
  it.each([
    ["1Gi", ["1G", "1Gi", "2G"], "v1"],
    ["1G", ["1Gi", "1G"], "v1"],
    ["1000M", ["1G"], "v0"],
    ["1001M", ["1G"], ""],
    ["1500m", ["1"], ""],
    ["1", ["1500m", "2"], "v0"],
    ["200E", ["9Ei", "199E", "201E"], "v2"],
    ["9223372036854775808", ["9223372036854775807", "9223372036854775809"], "v1"],
    ["0", ["0", "1"], "v0"],
    ["1e3", ["1k"], "v0"],
    ["1.5Gi", ["1536Mi", "1610612735"], "v0"],
  ] as Array<[string, string[], string]>)("request %s from %j → %j", (req, caps, want) => {
    const claim = makePVC(req, { modes: [RWO] });
    expect(uidOf(findMatchingVolume(claim, pool(caps)))).toBe(want);
    expect(uidOf(findBestMatchForClaim(claim, pool(caps)))).toBe(want);
  });

  it("a volume without capacity holds zero", () => {
    const v = vol({ uid: "v", name: "v" });
    expect(uidOf(findMatchingVolume(makePVC("0", { modes: [RWO] }), [v]))).toBe("v");
    expect(findMatchingVolume(makePVC("1", { modes: [RWO] }), [v])).toBeUndefined();
  });
});

describe("VolumeAttributesClass (pv_helpers.go FindMatchingVolume)", () => {
  const v = (vac?: string) => vol({ uid: vac ?? "none", name: vac ?? "none", cap: "1G", ...(vac !== undefined ? { vac } : {}) });
  it.each([
    [undefined, [undefined], "none"],
    [undefined, ["gold"], ""],
    ["gold", [undefined], ""],
    ["gold", ["gold", undefined], "gold"],
    ["", [undefined], "none"],
  ] as Array<[string | undefined, Array<string | undefined>, string]>)("claim vac %j against %j → %j", (cvac, vacs, want) => {
    const claim = makePVC("1G", { modes: [RWO], ...(cvac !== undefined ? { vac: cvac } : {}) });
    expect(uidOf(findMatchingVolume(claim, vacs.map(v)))).toBe(want);
  });
});

describe("checkVolumeSatisfyClaim (pv_controller.go, checks in order)", () => {
  const base: V = { uid: "pv", name: "pv", cap: "10Gi", modes: [RWO, ROX], cls: "fast" };
  const claim = (c: C & { size?: string } = {}) => makePVC(c.size ?? "10Gi", { modes: [RWO], cls: "fast", ...c });
  it.each([
    ["satisfied", base, claim(), undefined],
    ["deleting first", { ...base, deleting: true, cap: "1Gi", cls: "x" }, claim(), 'the volume is marked for deletion "pv"'],
    ["too small", { ...base, cap: "9Gi" }, claim(), "requested PV is too small"],
    ["too small before class", { ...base, cap: "9Gi", cls: "slow" }, claim(), "requested PV is too small"],
    ["class", { ...base, cls: "slow" }, claim(), "storageClassName does not match"],
    ["class before mode", { ...base, cls: "slow", mode: "Block" }, claim(), "storageClassName does not match"],
    [
      "beta class annotation on the volume",
      { ...base, cls: "fast", annotations: { [BETA]: "slow" } },
      claim(),
      "storageClassName does not match",
    ],
    ["vac", { ...base, vac: "gold" }, claim(), "volumeAttributesClassName does not match"],
    ["volume mode", { ...base, mode: "Block" }, claim(), "incompatible volumeMode"],
    ["volume mode before access mode", { ...base, mode: "Block", modes: [ROX] }, claim(), "incompatible volumeMode"],
    ["access mode", { ...base, modes: [ROX] }, claim(), "incompatible accessMode"],
    [
      "phase, selector and claimRef are not checked",
      { ...base, phase: "Released", claimRef: { name: "x", namespace: "y" } },
      claim({ selector: { matchLabels: { a: "b" } } }),
      undefined,
    ],
    ["node affinity is not checked", { ...base, affinity: affinity("k", "v") }, claim(), undefined],
    // Value() rounds up to whole bytes: 1500m counts as 2.
    ["size compared as rounded-up bytes", { ...base, cap: "1500m" }, claim({ size: "2" }), undefined],
    ["bigger is fine", { ...base, cap: "1Ti" }, claim(), undefined],
  ] as Array<[string, V, PersistentVolumeClaim, string | undefined]>)("%s", (_n, v, c, want) => {
    expect(checkVolumeSatisfyClaim(vol(v), c)).toBe(want);
  });
});

describe("IsVolumeBoundToClaim (pv_helpers.go)", () => {
  const claim = makePVC("1G", { name: "data", ns: "default", uid: "u1" });
  it.each([
    [null, false],
    [{ name: "data", namespace: "default" }, true],
    [{ name: "data", namespace: "default", uid: "" }, true],
    [{ name: "data", namespace: "default", uid: "u1" }, true],
    [{ name: "data", namespace: "default", uid: "u2" }, false],
    [{ name: "data", namespace: "other" }, false],
    [{ name: "other", namespace: "default" }, false],
    [{ uid: "u1" }, false],
    [{ name: "data", namespace: "default", uid: "u1", kind: "PersistentVolumeClaim", apiVersion: "v1" }, true],
    [{}, false],
  ] as Array<[V["claimRef"] | null, boolean]>)("claimRef %j → %s", (ref, want) => {
    const pv = vol({ uid: "pv", name: "pv", cap: "1G", ...(ref ? { claimRef: ref } : {}) });
    expect(isVolumeBoundToClaim(pv, claim)).toBe(want);
  });
});

describe("claimClass / volumeClass (component-helpers helpers.go)", () => {
  it.each([
    [{}, ""],
    [{ cls: "fast" }, "fast"],
    [{ cls: "" }, ""],
    [{ cls: null }, ""],
    [{ annotations: { [BETA]: "slow" } }, "slow"],
    [{ cls: "fast", annotations: { [BETA]: "slow" } }, "slow"],
    [{ cls: "fast", annotations: { [BETA]: "" } }, ""],
  ] as Array<[C, string]>)("claim %j → %j", (c, want) => {
    expect(claimClass(makePVC("1G", c))).toBe(want);
  });
  it.each([
    [{}, ""],
    [{ cls: "fast" }, "fast"],
    [{ annotations: { [BETA]: "slow" } }, "slow"],
    [{ cls: "fast", annotations: { [BETA]: "" } }, ""],
  ] as Array<[Partial<V>, string]>)("volume %j → %j", (v, want) => {
    expect(volumeClass(vol({ uid: "v", name: "v", ...v }))).toBe(want);
  });
});
