import { describe, expect, it } from "vitest";
import type { PersistentVolume, PersistentVolumeClaim } from "../../src/api/index.js";
import { findBestMatchForClaim, findMatchingVolume } from "../../src/matching/index.js";
import { MatchingError } from "../../src/matching/matching-error.js";
import { VolumeIndex } from "../../src/matching/volume-index.js";
import { CapacityTexts } from "../../src/matching/capacity-texts.js";
import { NameGroups, NameTable, nameHash } from "../../src/matching/volume-index/name-table.js";
import { nodePinOf } from "../../src/matching/volume-index/node-pin.js";
import fc from "fast-check";
import { listArenas } from "../../src/matching/volume-index/block-arena.js";
import { compareSlots, SlotList } from "../../src/matching/volume-index/slot-list.js";
import { VolumeStore } from "../../src/matching/volume-index/volume-store.js";
import { parseQuantity } from "../../src/quantity/index.js";
import { claims, nodes, pool } from "../../src/testing/index.js";
import { HOSTNAME, ROX, RWO, RWX, nameOf, node, pv, pvc, refTo } from "./builders.js";

/** The outcome of a call: the chosen volume's name, or the error's class name. */
function outcome(f: () => PersistentVolume | undefined): string | undefined {
  try {
    return nameOf(f());
  } catch (e) {
    return `throws ${(e as Error).name}`;
  }
}

/** The index's answer; the index must not have needed its safety net (a linear re-scan). */
function best(vols: PersistentVolume[], claim = pvc("c"), delayBinding = false): string | undefined {
  const index = new VolumeIndex(vols);
  const found = index.findBestMatchForClaim(claim, { delayBinding });
  expect(index.stats().verificationFallbacks).toBe(0);
  return nameOf(found);
}

describe("VolumeIndex basics", () => {
  it("is empty without volumes and answers undefined", () => {
    const index = new VolumeIndex();
    expect(index.size).toBe(0);
    expect(index.findBestMatchForClaim(pvc("c"))).toBeUndefined();
    expect(index.findMatchingVolume(pvc("c"), { node: node("n1") })).toBeUndefined();
    expect([...index]).toEqual([]);
  });

  it("keys volumes by name: a later volume replaces an earlier one", () => {
    const a1 = pv("a", { cap: "1Gi" });
    const a2 = pv("a", { cap: "5Gi" });
    const index = new VolumeIndex([a1, pv("b"), a2]);
    expect(index.size).toBe(2);
    expect(index.get("a")).toBe(a2);
    expect([...index].map((v) => v.metadata!.name)).toEqual(["a", "b"]);
  });

  it("upsert replaces and delete removes", () => {
    const index = new VolumeIndex([pv("a", { cap: "2Gi" }), pv("b", { cap: "3Gi" })]);
    expect(nameOf(index.findBestMatchForClaim(pvc("c")))).toBe("a");
    index.upsert(pv("a", { cap: "2Gi", phase: "Bound", claimRef: refTo("other", true) }));
    expect(nameOf(index.findBestMatchForClaim(pvc("c")))).toBe("b");
    expect(index.delete("b")).toBe(true);
    expect(index.delete("b")).toBe(false);
    expect(index.findBestMatchForClaim(pvc("c"))).toBeUndefined();
    index.upsert(pv("z", { cap: "1Gi" }));
    expect(nameOf(index.findBestMatchForClaim(pvc("c")))).toBe("z");
    expect(index.checkInvariants()).toEqual([]);
  });
});

describe("updates in place and moves", () => {
  const claimed = (name: string) => pv("a", { cap: "2Gi", phase: "Bound", claimRef: refTo(name, true) });

  it("an update that changes nothing the index keys on keeps the volume's place", () => {
    const a = pv("a", { cap: "2Gi", labels: { zone: "x" } });
    const index = new VolumeIndex([a, pv("b", { cap: "3Gi" })]);
    const a2 = { ...a, metadata: { ...a.metadata, labels: { zone: "x" }, annotations: { note: "1" } } };
    index.upsert(a2);
    expect(index.get("a")).toBe(a2);
    expect(index.findBestMatchForClaim(pvc("c", { selector: { matchLabels: { zone: "x" } } }))).toBe(a2);
    expect(index.checkInvariants()).toEqual([]);
  });

  it("a change of claim, labels, capacity or pin moves it", () => {
    const index = new VolumeIndex([claimed("c1")]);
    index.upsert(claimed("c2"));
    expect(nameOf(index.findBestMatchForClaim(pvc("c2")))).toBe("a");
    expect(index.findBestMatchForClaim(pvc("c1"))).toBeUndefined();
    index.upsert(pv("a", { cap: "2Gi", labels: { zone: "x" } }));
    index.upsert(pv("a", { cap: "2Gi", labels: { zone: "y" } }));
    expect(index.findBestMatchForClaim(pvc("c", { selector: { matchLabels: { zone: "x" } } }))).toBeUndefined();
    index.upsert(pv("a", { cap: "2Gi", labels: { zone: "y" }, host: "n1" }));
    index.upsert(pv("a", { cap: "2Gi", labels: { zone: "y" }, host: "n2" }));
    expect(index.findMatchingVolume(pvc("c"), { node: node("n1") })).toBeUndefined();
    expect(nameOf(index.findMatchingVolume(pvc("c"), { node: node("n2") }))).toBe("a");
    index.upsert(pv("a", { cap: "1G", labels: { zone: "y" }, host: "n2" }));
    expect(index.findBestMatchForClaim(pvc("c", { req: "1Gi" }))).toBeUndefined();
    index.upsert(pv("a", { cap: "1G", labels: { zone: "y" }, host: "n2", deleting: true }));
    expect(index.findBestMatchForClaim(pvc("c", { req: "1" }))).toBeUndefined();
    expect(index.stats().deleting).toBe(1);
    expect(index.checkInvariants()).toEqual([]);
  });
});

describe("capacity order is exact", () => {
  it("1Gi is larger than 1G", () => {
    expect(best([pv("gi", { cap: "1Gi" }), pv("g", { cap: "1G" })], pvc("c", { req: "1G" }))).toBe("g");
    expect(best([pv("gi", { cap: "1Gi" }), pv("g", { cap: "1G" })], pvc("c", { req: "1000000001" }))).toBe("gi");
  });

  it("800E and 950E are told apart, and 950E is enough for 900E", () => {
    const vols = [pv("e950", { cap: "950E" }), pv("e800", { cap: "800E" })];
    expect(best(vols, pvc("c", { req: "1Gi" }))).toBe("e800");
    expect(best(vols, pvc("c", { req: "900E" }))).toBe("e950");
    expect(best(vols, pvc("c", { req: "951E" }))).toBeUndefined();
  });

  it("values whose doubles collide are compared exactly", () => {
    // 2^53 + 1 and 2^53 have the same nearest double.
    const vols = [pv("big", { cap: "9007199254740993" }), pv("small", { cap: "9007199254740992" })];
    expect(best(vols, pvc("c", { req: "9007199254740993" }))).toBe("big");
    expect(best(vols, pvc("c", { req: "9007199254740992" }))).toBe("small");
  });

  it("fractional capacities next to whole ones are compared exactly", () => {
    // Both round to the double 2^30: only the exact comparison tells them apart.
    const vols = [pv("below", { cap: "1073741823.999999999" }), pv("above", { cap: "1073741824.000000001" }), pv("big", { cap: "2Gi" })];
    expect(best(vols, pvc("c", { req: "1Gi" }))).toBe("above");
    expect(best(vols, pvc("c", { req: "1073741823.999999999" }))).toBe("below");
    const index = new VolumeIndex(vols);
    index.delete("above");
    expect(nameOf(index.findBestMatchForClaim(pvc("c", { req: "1Gi" })))).toBe("big");
    index.upsert(pv("exact", { cap: "1073741824" }));
    expect(nameOf(index.findBestMatchForClaim(pvc("c", { req: "1Gi" })))).toBe("exact");
    expect(index.checkInvariants()).toEqual([]);
    expect(index.stats().verificationFallbacks).toBe(0);
  });

  it("equal capacities go to the smaller name, whatever the text", () => {
    expect(best([pv("b", { cap: "1Gi" }), pv("a", { cap: "1073741824" }), pv("c", { cap: "1024Mi" })])).toBe("a");
  });

  it("a missing capacity is 0 and a malformed one never matches", () => {
    const index = new VolumeIndex([pv("none", { cap: null }), pv("bad", { cap: "ten" })]);
    expect(nameOf(index.findBestMatchForClaim(pvc("c", { req: "0" })))).toBe("none");
    expect(index.findBestMatchForClaim(pvc("c", { req: "1" }))).toBeUndefined();
    const s = index.stats();
    expect(s.capacityMissing).toBe(1);
    expect(s.capacityMalformed).toBe(1);
    expect(s.matchable).toBe(1);
  });
});

describe("PV-controller semantics (findBestMatchForClaim)", () => {
  it("a tighter access-mode group beats a smaller volume", () => {
    expect(best([pv("a", { cap: "100Gi", modes: [RWO] }), pv("b", { cap: "2Gi", modes: [RWO, ROX] })])).toBe("a");
  });

  it("groups with as many modes go in key order", () => {
    const vols = [pv("x", { cap: "1Gi", modes: [RWO, RWX] }), pv("y", { cap: "9Gi", modes: [RWO, ROX] })];
    expect(best(vols, pvc("c", { modes: [RWO] }))).toBe("y"); // "RWO,ROX" < "RWO,RWX"
  });

  it("a pre-bound volume wins inside its group, but not over an earlier group", () => {
    const pre = pv("pre", { cap: "50Gi", modes: [RWO], claimRef: refTo("c") });
    expect(best([pre, pv("small", { cap: "2Gi", modes: [RWO] })])).toBe("pre");
    const preLoose = pv("pre", { cap: "50Gi", modes: [RWO, ROX], claimRef: refTo("c") });
    expect(best([preLoose, pv("small", { cap: "2Gi", modes: [RWO] })])).toBe("small");
  });

  it("pre-bound by uid only matches that incarnation", () => {
    const pre = pv("pre", { cap: "5Gi", claimRef: { namespace: "default", name: "c", uid: "other" }, phase: "Bound" });
    expect(best([pre])).toBeUndefined();
    expect(best([pre], pvc("c", { uid: "other" }))).toBe("pre");
  });

  it("a pre-bound volume ignores phase, class and selector, not size or deletion", () => {
    const claim = pvc("c", { cls: "fast", selector: { matchLabels: { zone: "a" } } });
    expect(best([pv("pre", { cls: "slow", phase: "Pending", claimRef: refTo("c") })], claim)).toBe("pre");
    expect(best([pv("pre", { cap: "1Mi", claimRef: refTo("c") })], claim)).toBeUndefined();
    expect(best([pv("pre", { deleting: true, claimRef: refTo("c") })], claim)).toBeUndefined();
  });

  it("several pre-bound volumes: the smallest name decides", () => {
    expect(best([pv("p2", { cap: "1Gi", claimRef: refTo("c") }), pv("p1", { cap: "9Gi", claimRef: refTo("c") })])).toBe("p1");
  });

  it("delayBinding returns only a pre-bound volume", () => {
    expect(best([pv("a")], pvc("c"), true)).toBeUndefined();
    expect(best([pv("a"), pv("pre", { claimRef: refTo("c") })], pvc("c"), true)).toBe("pre");
  });

  it("skips volumes not Available, claimed by others, being deleted, or of another class/mode/VAC", () => {
    const vols = [
      pv("released", { cap: "1Gi", phase: "Released" }),
      pv("pending", { cap: "1Gi", phase: "Pending" }),
      pv("nophase", { cap: "1Gi", phase: null }),
      pv("other", { cap: "1Gi", claimRef: refTo("x") }),
      pv("del", { cap: "1Gi", deleting: true }),
      pv("cls", { cap: "1Gi", cls: "fast" }),
      pv("block", { cap: "1Gi", volumeMode: "Block" }),
      pv("vac", { cap: "1Gi", vac: "gold" }),
      pv("ok", { cap: "8Gi" }),
    ];
    expect(best(vols)).toBe("ok");
  });

  it("the beta class annotation wins over storageClassName", () => {
    expect(best([pv("a", { cls: "fast", betaClass: "" })], pvc("c"))).toBe("a");
    expect(best([pv("a", { cls: "", betaClass: "fast" })], pvc("c"))).toBeUndefined();
  });
});

describe("selectors", () => {
  const vols = [
    pv("a1", { cap: "1Gi", labels: { zone: "a", disk: "ssd" } }),
    pv("b2", { cap: "2Gi", labels: { zone: "b", disk: "ssd" } }),
    pv("a3", { cap: "3Gi", labels: { zone: "a", disk: "hdd" } }),
    pv("n4", { cap: "4Gi" }),
  ];
  const sel = (selector: object): string | undefined => best(vols, pvc("c", { selector }));

  it("matchLabels and In / NotIn / Exists / DoesNotExist expressions", () => {
    expect(sel({ matchLabels: { zone: "b" } })).toBe("b2");
    expect(sel({ matchLabels: { zone: "a", disk: "hdd" } })).toBe("a3");
    expect(sel({ matchExpressions: [{ key: "zone", operator: "In", values: ["b", "c"] }] })).toBe("b2");
    expect(sel({ matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] })).toBe("b2");
    expect(sel({ matchExpressions: [{ key: "disk", operator: "NotIn", values: ["ssd"] }] })).toBe("a3");
    expect(sel({ matchExpressions: [{ key: "zone", operator: "DoesNotExist" }] })).toBe("n4");
    expect(sel({ matchExpressions: [{ key: "zone", operator: "Exists" }] })).toBe("a1");
    expect(sel({ matchLabels: { zone: "z" } })).toBeUndefined();
    expect(sel({})).toBe("a1");
  });

  it("an invalid selector throws MatchingError, as the reference", () => {
    const claim = pvc("c", { selector: { matchExpressions: [{ key: "zone", operator: "Near", values: [] }] } });
    expect(() => new VolumeIndex(vols).findBestMatchForClaim(claim)).toThrow(MatchingError);
    expect(() => findBestMatchForClaim(claim, vols)).toThrow(MatchingError);
  });
});

describe("scheduler semantics (findMatchingVolume)", () => {
  const vols = [
    pv("n1-small", { cap: "1Gi", host: "n1" }),
    pv("n2-small", { cap: "1Gi", host: "n2" }),
    pv("net", { cap: "5Gi" }),
    pv("zone-a", {
      cap: "2Gi",
      affinity: { nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "NotIn", values: ["b"] }] }] },
    }),
  ];
  const index = new VolumeIndex(vols);

  it("walks only the node's own local volumes plus the unpinned ones", () => {
    expect(nameOf(index.findMatchingVolume(pvc("c"), { node: node("n1") }))).toBe("n1-small");
    expect(nameOf(index.findMatchingVolume(pvc("c"), { node: node("n3", { zone: "b" }) }))).toBe("net");
    expect(nameOf(index.findMatchingVolume(pvc("c"), { node: node("n3", { zone: "a" }) }))).toBe("zone-a");
    expect(nameOf(index.findMatchingVolume(pvc("c"), { node: node("n1"), excluded: new Set(["n1-small"]) }))).toBe("zone-a");
  });

  it("without a node, node affinity is not evaluated", () => {
    expect(nameOf(index.findMatchingVolume(pvc("c")))).toBe("n1-small");
  });

  it("checks access modes only with a node", () => {
    const ix = new VolumeIndex([pv("rwo", { cap: "1Gi", modes: [RWO] })]);
    expect(nameOf(ix.findMatchingVolume(pvc("c", { modes: [RWX] })))).toBe("rwo");
    expect(ix.findMatchingVolume(pvc("c", { modes: [RWX] }), { node: node("n1") })).toBeUndefined();
  });

  it("a pre-bound volume that does not fit the node yields nothing", () => {
    const ix = new VolumeIndex([...vols, pv("pre", { cap: "9Gi", host: "n2", claimRef: refTo("c") })]);
    expect(ix.findMatchingVolume(pvc("c"), { node: node("n1"), delayBinding: true })).toBeUndefined();
    expect(nameOf(ix.findMatchingVolume(pvc("c"), { node: node("n2"), delayBinding: true }))).toBe("pre");
    expect(nameOf(ix.findMatchingVolume(pvc("c"), { delayBinding: true }))).toBe("pre");
    expect(ix.findMatchingVolume(pvc("d"), { delayBinding: true })).toBeUndefined();
  });

  it("node affinity with several values or terms is honoured", () => {
    const multi = pv("multi", {
      cap: "1Gi",
      affinity: { nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTNAME, operator: "In", values: ["n7", "n8"] }] }] },
    });
    const terms = pv("terms", {
      cap: "2Gi",
      affinity: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: HOSTNAME, operator: "In", values: ["n9"] }] },
          { matchExpressions: [{ key: "zone", operator: "In", values: ["c"] }] },
        ],
      },
    });
    const ix = new VolumeIndex([multi, terms]);
    expect(nameOf(ix.findMatchingVolume(pvc("c"), { node: node("n8") }))).toBe("multi");
    expect(nameOf(ix.findMatchingVolume(pvc("c"), { node: node("n1", { zone: "c" }) }))).toBe("terms");
    expect(ix.findMatchingVolume(pvc("c"), { node: node("n1") })).toBeUndefined();
    expect(ix.stats().nodePinned).toBe(1);
    expect(ix.stats().otherNodeAffinity).toBe(1);
  });

  it("accepts a Node object as well as the flat form", () => {
    const n = { metadata: { name: "n2", labels: { [HOSTNAME]: "n2" } } };
    expect(nameOf(index.findMatchingVolume(pvc("c"), { node: n }))).toBe("n2-small");
  });
});

describe("malformed input never throws from a query", () => {
  it("indexes and counts garbage volumes", () => {
    const garbage = [
      { metadata: { name: "no-spec" } },
      { metadata: { name: "modes" }, spec: { accessModes: "RWO", capacity: { storage: "1Gi" } }, status: { phase: "Available" } },
      pv("unknown-mode", { cap: "1Gi", modes: ["ReadWriteSometimes"] }),
      { metadata: { name: "odd-modes" }, spec: { accessModes: [7], capacity: { storage: "1Gi" } }, status: { phase: "Available" } },
      pv("fine", { cap: "3Gi" }),
    ] as unknown as PersistentVolume[];
    const index = new VolumeIndex(garbage);
    const s = index.stats();
    expect(s.volumes).toBe(5);
    expect(s.malformed).toBe(2);
    expect(s.unknownAccessModes).toBe(2);
    for (const claim of [pvc("c"), pvc("c", { modes: ["ReadWriteSometimes"] }), pvc("c", { modes: [7 as unknown as string] })]) {
      for (const opts of [{}, { node: node("n1") }]) {
        expect(outcome(() => index.findMatchingVolume(claim, opts))).toBe(outcome(() => findMatchingVolume(claim, garbage, opts)));
      }
      expect(outcome(() => index.findBestMatchForClaim(claim))).toBe(outcome(() => findBestMatchForClaim(claim, garbage)));
    }
  });
});

describe("garbage in", () => {
  it("upserts non-objects without throwing and keys them by the empty name", () => {
    const index = new VolumeIndex();
    for (const junk of [null, 42, "pv", [], { metadata: null, spec: {} }]) index.upsert(junk as unknown as PersistentVolume);
    expect(index.size).toBe(1);
    expect(index.stats().malformed).toBe(1);
    expect(index.findBestMatchForClaim(pvc("c", { req: "0" }))).toBeUndefined();
    expect(index.delete("")).toBe(true);
    expect(index.checkInvariants()).toEqual([]);
  });

  it("throws MatchingError for an unusable claim, as the reference does", () => {
    const index = new VolumeIndex([pv("a")]);
    for (const junk of [null, 7, { metadata: {} }, pvc("c", { req: "lots" })]) {
      const claim = junk as unknown as PersistentVolumeClaim;
      expect(() => index.findBestMatchForClaim(claim)).toThrow(MatchingError);
      expect(() => index.findMatchingVolume(claim, { node: node("n1") })).toThrow(MatchingError);
      expect(() => findBestMatchForClaim(claim, [pv("a")])).toThrow(MatchingError);
    }
  });
});

describe("agrees with the reference on the generated workload", () => {
  const volumes = pool(1000, 11, { nodeCount: 20, prebindClaimSpace: 100 });
  const index = new VolumeIndex(volumes);
  const cs = claims(100, 12, { selectorRate: 0.5 });
  const ns = nodes(20, 13);

  it("findBestMatchForClaim, with and without delayBinding", () => {
    for (const claim of cs) {
      expect(index.findBestMatchForClaim(claim)).toBe(findBestMatchForClaim(claim, volumes));
      expect(index.findBestMatchForClaim(claim, { delayBinding: true })).toBe(
        findBestMatchForClaim(claim, volumes, { delayBinding: true }),
      );
    }
  });

  it("counts what it holds", () => {
    const s = index.stats();
    expect(s.volumes).toBe(1000);
    expect(s.matchable + s.claimed + s.deleting).toBeGreaterThanOrEqual(990);
    expect(s.matchable / s.volumes).toBeGreaterThan(0.6);
    expect(s.nodePinned / s.matchable).toBeGreaterThan(0.15);
    expect(s.otherNodeAffinity + s.malformed + s.capacityMalformed).toBe(0);
    expect(s.buckets).toBeGreaterThan(20);
  });

  it("findMatchingVolume with and without a node", () => {
    for (const [i, claim] of cs.entries()) {
      expect(index.findMatchingVolume(claim)).toBe(findMatchingVolume(claim, volumes));
      const opts = { node: ns[i % ns.length], delayBinding: true, excluded: new Set(["pv-0000003", "pv-0000010"]) };
      expect(index.findMatchingVolume(claim, opts)).toBe(findMatchingVolume(claim, volumes, opts));
    }
    expect(index.stats().verificationFallbacks).toBe(0);
    expect(index.checkInvariants()).toEqual([]);
  });
});

describe("building blocks", () => {
  /** A store holding `names` with the given capacity texts (slot i = names[i]). */
  function storeOf(names: string[], caps: string[]): VolumeStore {
    const texts = new CapacityTexts();
    const store = new VolumeStore(names.length, texts);
    names.forEach((name, i) => {
      const slot = store.allocate();
      const info = texts.info(caps[i]);
      if (typeof info === "string") throw new Error(info);
      store.setName(slot, name);
      store.setCapId(slot, info.id);
      store.setCapKey(slot, info.key);
      store.setFlags(slot, info.exact ? 32 : 0);
      store.setLabelId(slot, i % 3);
    });
    return store;
  }

  it("SlotList keeps exact (capacity, name) order through inserts and removes", () => {
    const n = 1000;
    const names = Array.from({ length: n }, (_, i) => `v${String(i).padStart(4, "0")}`);
    const store = storeOf(
      names,
      names.map((_, i) => `${(i * 7919) % 97}Gi`),
    );
    const s = new SlotList(store);
    for (let i = 0; i < n; i++) s.insert(i);
    expect(s.checkInvariants()).toEqual([]);
    for (let i = 0; i < n; i += 3) expect(s.remove(i)).toBe(true);
    expect(s.remove(0)).toBe(false);
    expect(s.checkInvariants()).toEqual([]);
    expect(s.size).toBe(666);
    const req = parseQuantity("50Gi");
    const first = s.firstFrom(req.toNumber(), req, true, undefined, -1);
    expect(store.capacityOf(first).quantity.toString()).toBe("50Gi");
    const odd = s.firstFrom(req.toNumber(), req, false, { accept: (slot) => store.names[slot]!.endsWith("1") }, -1);
    expect(store.names[odd]!.endsWith("1")).toBe(true);
    // A bound stops the walk at a slot not smaller than it.
    expect(s.firstFrom(req.toNumber(), req, true, undefined, first)).toBe(-1);
  });

  it("SlotList lists in one shared arena agree with a sorted model through inserts, removes, promotions, splits, merges and clears", () => {
    const n = 400;
    const names = Array.from({ length: n }, (_, i) => `v${String((i * 7919) % n).padStart(4, "0")}`);
    const store = storeOf(
      names,
      names.map((_, i) => (i % 7 === 0 ? "800000000000000000001" : `${(i * 31) % 13}Gi`)),
    );
    const op = fc.record({
      list: fc.integer({ min: 0, max: 2 }),
      slot: fc.integer({ min: 0, max: n - 1 }),
      kind: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 600, maxLength: 1500 }),
        fc.array(fc.integer({ min: 0, max: n - 1 }), { maxLength: 150, size: "max" }),
        (ops, bulk) => {
          const arenas = listArenas();
          const sorted = [...new Set(bulk)].sort((a, b) => compareSlots(store, a, b));
          const lists = [new SlotList(store, arenas), SlotList.fromSorted(store, sorted, arenas), new SlotList(store, arenas)];
          const models = [new Set<number>(), new Set(sorted), new Set<number>()];
          for (const { list, slot, kind } of ops) {
            if (kind === 0) {
              lists[list]!.clear();
              models[list]!.clear();
            } else if (kind <= 150) {
              expect(lists[list]!.remove(slot)).toBe(models[list]!.delete(slot));
            } else if (!models[list]!.has(slot)) {
              lists[list]!.insert(slot);
              models[list]!.add(slot);
            }
          }
          // Then drain most of each list in a scrambled order: blocks shrink and merge.
          for (let i = 0; i < 3; i++) {
            const members = [...models[i]!].sort((a, b) => ((a * 2654435761) % 997) - ((b * 2654435761) % 997));
            for (const slot of members.slice(0, Math.floor(members.length * 0.9))) {
              expect(lists[i]!.remove(slot)).toBe(true);
              models[i]!.delete(slot);
            }
          }
          for (let i = 0; i < 3; i++) {
            expect(lists[i]!.checkInvariants()).toEqual([]);
            expect([...lists[i]!]).toEqual([...models[i]!].sort((a, b) => compareSlots(store, a, b)));
            const req = parseQuantity("6Gi");
            const want = [...lists[i]!].find((s) => store.capacityOf(s).quantity.cmp(req) >= 0) ?? -1;
            expect(lists[i]!.firstFrom(req.toNumber(), req, true, undefined, -1)).toBe(want);
          }
          // Every block in use belongs to exactly one list (cleared and emptied lists gave theirs back).
          const used = arenas.large.used + arenas.small.used;
          const held = lists.reduce((k, l) => k + (l as unknown as { ids: number[] }).ids.length, 0);
          expect(used).toBe(held);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("SlotList orders inexact capacities exactly and removes the right slot from a long equal-capacity run", () => {
    const names = Array.from({ length: 1500 }, (_, i) => `v${String((i * 7919) % 1500).padStart(4, "0")}`);
    const store = storeOf(
      names,
      names.map((_, i) => (i % 5 === 0 ? "800E" : i % 5 === 1 ? "800000000000000000001" : "1Gi")),
    );
    const s = new SlotList(store);
    for (let i = 0; i < names.length; i++) s.insert(i);
    expect(s.checkInvariants()).toEqual([]);
    for (let i = 0; i < names.length; i += 2) expect(s.remove(i)).toBe(true);
    expect(s.remove(0)).toBe(false);
    expect(s.checkInvariants()).toEqual([]);
    const big = parseQuantity("800000000000000000001");
    const hit = s.firstFrom(big.toNumber(), big, false, undefined, -1);
    expect(store.capacityOf(hit).quantity.cmp(big)).toBe(0);
  });

  it("NameTable and NameGroups find every name through growth, replacement and removal", () => {
    const names: string[] = [];
    const t = new NameTable((s) => names[s]!, 4);
    const g = new NameGroups((s) => names[s]!.replace(/-\d+$/, ""), 4);
    for (let i = 0; i < 5000; i++) {
      names.push(`claim-${i % 3000}-${i}`);
      expect(t.set(i)).toBe(-1);
      g.add(i);
    }
    expect(t.size).toBe(5000);
    for (let i = 0; i < 5000; i += 2) expect(t.delete(names[i]!)).toBe(i);
    for (let i = 0; i < 5000; i++) expect(t.get(names[i]!)).toBe(i % 2 === 0 ? -1 : i);
    expect([...g.slots("claim-7")].sort((a, b) => a - b)).toEqual([7, 3007]);
    g.remove(3007);
    expect([...g.slots("claim-7")]).toEqual([7]);
    expect(g.has("claim-9999")).toBe(false);
    expect(nameHash("data-pv-0000005")).not.toBe(nameHash("data-pv-0000006"));
  });

  it("NameGroups answers has/slots like a model through adds, removals and filter rebuilds", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 2999 })), { minLength: 500, maxLength: 3000 }), (ops) => {
        const refs = Array.from({ length: 3000 }, (_, i) => `claim-${i % 700}`);
        const g = new NameGroups((s) => refs[s]!, 8);
        const inModel = new Set<number>();
        // Fill, drain 90% (the filter's stale bits outnumber the names: it is rebuilt), refill.
        const phases = [...refs.keys()].map((slot) => [true, slot] as const);
        const drain = [...refs.keys()].filter((slot) => slot % 10 !== 0).map((slot) => [false, slot] as const);
        for (const [add, slot] of [...phases, ...drain, ...ops]) {
          if (add && !inModel.has(slot)) {
            g.add(slot);
            inModel.add(slot);
          } else if (!add && inModel.has(slot)) {
            g.remove(slot);
            inModel.delete(slot);
          }
        }
        expect(g.size).toBe(inModel.size);
        for (let k = 0; k < 720; k++) {
          const name = `claim-${k}`;
          const want = [...inModel].filter((s) => refs[s] === name).sort((a, b) => a - b);
          expect(g.has(name)).toBe(want.length > 0);
          expect([...g.slots(name)].sort((a, b) => a - b)).toEqual(want);
        }
      }),
      { numRuns: 20 },
    );
  });

  it("nodePinOf finds a single-term In expression only", () => {
    expect(nodePinOf({ nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTNAME, operator: "In", values: ["n1", "n1"] }] }] })).toEqual({
      key: HOSTNAME,
      values: ["n1"],
    });
    expect(
      nodePinOf({ nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTNAME, operator: "NotIn", values: ["n1"] }] }] }),
    ).toBeUndefined();
    expect(nodePinOf({ nodeSelectorTerms: [{}, {}] })).toBeUndefined();
    expect(nodePinOf("garbage")).toBeUndefined();
  });
});
