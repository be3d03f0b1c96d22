/**
 * Every named check of the matching layer against an oracle written here, straight from the rules
 * of kubernetes/component-helpers `storage/volume/pv_helpers.go` (`FindMatchingVolume`,
 * `IsVolumeBoundToClaim`, `CheckVolumeModeMismatches`, `CheckAccessModes`) and
 * kubernetes/kubernetes `pkg/controller/volume/persistentvolume/index.go` (access-mode groups),
 * reading the raw objects; and `checkVolume`'s mask against the predicates it composes, in
 * Kubernetes' order with the pre-bound short-circuit.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PersistentVolume, PersistentVolumeClaim } from "../../src/api/index.js";
import { parseAccessModesKey } from "../../src/api/index.js";
import { checkVolumeNodeAffinity, labelSelectorAsSelector } from "../../src/labels/index.js";
import {
  accessModesFit,
  bindingNotDelayed,
  capacityIsReadable,
  capacitySuffices,
  checkContext,
  checkVolume,
  classMatches,
  decodeClaim,
  decodeVolume,
  groupOffersModes,
  isPreBound,
  nodeAffinityFits,
  notClaimedByOther,
  notExcluded,
  REASON_BITS,
  selectorMatches,
  vacMatches,
  volumeIsAvailable,
  volumeIsReadable,
  volumeModeMatches,
  volumeNotDeleting,
} from "../../src/matching/index.js";
import { parseQuantity } from "../../src/quantity/index.js";
import { claimArb, NAMES, nodeArb, poolArb } from "./arbitraries.js";
import { pv, pvc, refTo, ROX, RWO, RWX } from "./builders.js";

const BETA = "volume.beta.kubernetes.io/storage-class";

// ---- the oracle, from the raw objects ----

const str = (x: unknown): string => (typeof x === "string" ? x : "");
const rawClass = (o: {
  metadata?: { annotations?: Record<string, string> } | null;
  spec?: { storageClassName?: string | null } | null;
}) => {
  const a = o.metadata?.annotations;
  if (a && Object.hasOwn(a, BETA)) return a[BETA] ?? "";
  return str(o.spec?.storageClassName);
};
const pointsAt = (v: PersistentVolume, c: PersistentVolumeClaim): boolean => {
  const r = v.spec?.claimRef;
  if (!r) return false;
  if (str(r.name) !== str(c.metadata?.name) || str(r.namespace) !== str(c.metadata?.namespace)) return false;
  return str(r.uid) === "" || str(r.uid) === str(c.metadata?.uid);
};
const quantity = (text: unknown) => {
  if (text === undefined || text === null) return parseQuantity("0");
  try {
    return parseQuantity(String(text));
  } catch {
    return undefined;
  }
};
const mode = (o: { spec?: { volumeMode?: string | null } | null }) => o.spec?.volumeMode ?? "Filesystem";
const vacOf = (o: { spec?: { volumeAttributesClassName?: string | null } | null }) => o.spec?.volumeAttributesClassName ?? "";

const oracle = {
  notClaimedByOther: (v: PersistentVolume, c: PersistentVolumeClaim) => !v.spec?.claimRef || pointsAt(v, c),
  isPreBound: pointsAt,
  capacitySuffices: (v: PersistentVolume, c: PersistentVolumeClaim) => {
    const have = quantity(v.spec?.capacity?.storage);
    const want = quantity(c.spec?.resources?.requests?.storage);
    return have !== undefined && want !== undefined && have.cmp(want) >= 0;
  },
  capacityIsReadable: (v: PersistentVolume) => quantity(v.spec?.capacity?.storage) !== undefined,
  volumeModeMatches: (v: PersistentVolume, c: PersistentVolumeClaim) => mode(v) === mode(c),
  vacMatches: (v: PersistentVolume, c: PersistentVolumeClaim) => vacOf(v) === vacOf(c),
  volumeNotDeleting: (v: PersistentVolume) => !v.metadata?.deletionTimestamp,
  volumeIsAvailable: (v: PersistentVolume) => v.status?.phase === "Available",
  selectorMatches: (v: PersistentVolume, c: PersistentVolumeClaim) =>
    c.spec?.selector == null || labelSelectorAsSelector(c.spec.selector).matches(v.metadata?.labels),
  classMatches: (v: PersistentVolume, c: PersistentVolumeClaim) => rawClass(v) === rawClass(c),
  accessModesFit: (v: PersistentVolume, c: PersistentVolumeClaim) =>
    (c.spec?.accessModes ?? []).every((m) => (v.spec?.accessModes ?? []).includes(m)),
  groupOffersModes: (v: PersistentVolume, c: PersistentVolumeClaim) => {
    // index.go: the group key is the canonical string of the volume's known modes.
    const group = parseAccessModesKey(
      ["RWO", "ROX", "RWX", "RWOP"]
        .filter((_, i) =>
          (v.spec?.accessModes ?? []).includes(["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"][i] as never),
        )
        .join(","),
    );
    return (c.spec?.accessModes ?? []).every((m) => (group as string[]).includes(m));
  },
  nodeAffinityFits: (v: PersistentVolume, labels: Record<string, string> | undefined) =>
    labels === undefined || checkVolumeNodeAffinity(v, labels) === undefined,
};

const RUNS = { numRuns: 300 };

describe("each named check equals the rule written from upstream", () => {
  const pairs = fc.tuple(poolArb, claimArb);
  const check = (name: string, f: (v: PersistentVolume, c: PersistentVolumeClaim) => [boolean, boolean]) =>
    it(name, () => {
      fc.assert(
        fc.property(pairs, ([pool, claim]) => {
          for (const v of pool) {
            const [got, want] = f(v, claim);
            expect(got, `${name} of ${v.metadata?.name}`).toBe(want);
          }
        }),
        RUNS,
      );
    });
  const d = (v: PersistentVolume) => decodeVolume(v);
  const dc = (c: PersistentVolumeClaim) => decodeClaim(c);
  // Readable volumes only for the value checks (a malformed capacity has no value to compare).
  check("notClaimedByOther", (v, c) => [notClaimedByOther(d(v), dc(c)), oracle.notClaimedByOther(v, c)]);
  check("isPreBound", (v, c) => [isPreBound(d(v), dc(c)), oracle.isPreBound(v, c)]);
  check("capacityIsReadable", (v) => [capacityIsReadable(d(v)), oracle.capacityIsReadable(v)]);
  check("capacitySuffices", (v, c) => [capacitySuffices(d(v), dc(c)), oracle.capacitySuffices(v, c)]);
  check("volumeModeMatches", (v, c) => [volumeModeMatches(d(v), dc(c)), oracle.volumeModeMatches(v, c)]);
  check("vacMatches", (v, c) => [vacMatches(d(v), dc(c)), oracle.vacMatches(v, c)]);
  check("volumeNotDeleting", (v) => [volumeNotDeleting(d(v)), oracle.volumeNotDeleting(v)]);
  check("volumeIsAvailable", (v) => [volumeIsAvailable(d(v)), oracle.volumeIsAvailable(v)]);
  check("selectorMatches", (v, c) => [selectorMatches(d(v), dc(c)), oracle.selectorMatches(v, c)]);
  check("classMatches", (v, c) => [classMatches(d(v), dc(c)), oracle.classMatches(v, c)]);
  check("accessModesFit", (v, c) => [accessModesFit(d(v), dc(c)), oracle.accessModesFit(v, c)]);
  check("groupOffersModes", (v, c) => [groupOffersModes(d(v), dc(c)), oracle.groupOffersModes(v, c)]);

  it("nodeAffinityFits and notExcluded", () => {
    fc.assert(
      fc.property(poolArb, nodeArb, fc.subarray(NAMES), (pool, node, excluded) => {
        const ctx = checkContext({ node, excluded: new Set(excluded) });
        for (const v of pool) {
          expect(nodeAffinityFits(d(v), ctx)).toBe(oracle.nodeAffinityFits(v, node?.labels));
          expect(notExcluded(d(v), ctx)).toBe(!excluded.includes(v.metadata!.name!));
        }
      }),
      RUNS,
    );
  });

  it("volumeIsReadable and bindingNotDelayed", () => {
    expect(volumeIsReadable(decodeVolume(null as never))).toBe(false);
    expect(volumeIsReadable(decodeVolume({ metadata: { name: "x" } } as PersistentVolume))).toBe(false);
    expect(volumeIsReadable(decodeVolume(pv("x")))).toBe(true);
    expect(bindingNotDelayed(checkContext({ delayBinding: true }))).toBe(false);
    expect(bindingNotDelayed(checkContext({ delayBinding: true, node: { name: "n", labels: {} } }))).toBe(true);
    expect(bindingNotDelayed(checkContext({}))).toBe(true);
  });
});

describe("upstream's own cases, check by check", () => {
  // pv_helpers_test.go TestFindMatchVolume / index_test.go: the rows that each isolate one check.
  const c = pvc("claim01", { req: "1G", modes: [RWO] });
  it.each([
    ["a 1G volume satisfies a 1G claim", pv("v", { cap: "1G" }), capacitySuffices, true],
    ["a 999M volume does not", pv("v", { cap: "999M" }), capacitySuffices, false],
    ["10G satisfies 1G (upstream: 'successful-match-gce-10')", pv("v", { cap: "10G" }), capacitySuffices, true],
    ["a Block volume does not match a Filesystem claim", pv("v", { volumeMode: "Block" }), volumeModeMatches, false],
    ["an unset volume mode is Filesystem", pv("v"), volumeModeMatches, true],
    [
      "a volume claimed by a claim of another uid is taken",
      pv("v", { claimRef: { namespace: "default", name: "claim01", uid: "other" } }),
      notClaimedByOther,
      false,
    ],
    ["a claimRef without uid points at any incarnation", pv("v", { claimRef: refTo("claim01") }), isPreBound, true],
    ["a Released volume is not Available", pv("v", { phase: "Released" }), volumeIsAvailable, false],
    ["a volume being deleted is skipped", pv("v", { deleting: true }), volumeNotDeleting, false],
    ["the beta annotation wins over storageClassName", pv("v", { cls: "", betaClass: "silver" }), classMatches, false],
  ] as const)("%s", (_name, v, predicate, want) => {
    expect(predicate(decodeVolume(v), decodeClaim(c))).toBe(want);
  });
  it.each([
    [[RWO, ROX], [ROX], true],
    [[RWO], [RWX], false],
    [[RWO, ROX, RWX], [RWO, RWX], true],
    [["ReadWriteSometimes"], ["ReadWriteSometimes"], false],
  ] as const)("group %j offers %j: %s (index.go allPossibleMatchingAccessModes)", (have, want, ok) => {
    expect(groupOffersModes(decodeVolume(pv("v", { modes: [...have] })), decodeClaim(pvc("c", { modes: [...want] })))).toBe(ok);
  });
  it("an unknown requested mode is contained only where written (CheckAccessModes)", () => {
    const v = decodeVolume(pv("v", { modes: ["ReadWriteSometimes", RWO] }));
    expect(accessModesFit(v, decodeClaim(pvc("c", { modes: ["ReadWriteSometimes"] })))).toBe(true);
    expect(groupOffersModes(v, decodeClaim(pvc("c", { modes: ["ReadWriteSometimes"] })))).toBe(false);
  });
});

describe("checkVolume composes the checks in Kubernetes' order", () => {
  it("its mask is the failed predicates, with the pre-bound short-circuit and path rules", () => {
    fc.assert(
      fc.property(
        poolArb,
        claimArb,
        nodeArb,
        fc.boolean(),
        fc.constantFrom("controller" as const, "scheduler" as const),
        (pool, claim, node, delay, path) => {
          const ctx = checkContext({ node, delayBinding: delay });
          const c = decodeClaim(claim);
          if (c.problems.length > 0) return;
          for (const raw of pool) {
            const v = decodeVolume(raw);
            const mask = checkVolume(v, c, ctx, path);
            if (!volumeIsReadable(v)) {
              expect(mask).toBe(REASON_BITS["malformed-volume"]);
              continue;
            }
            const pre = isPreBound(v, c);
            const want = new Set<string>();
            if (path === "controller" && !groupOffersModes(v, c)) want.add("access-modes");
            if (!notClaimedByOther(v, c)) want.add("claimed-by-other");
            if (!capacityIsReadable(v)) want.add("capacity-malformed");
            else if (!capacitySuffices(v, c)) want.add("too-small");
            if (!volumeModeMatches(v, c)) want.add("volume-mode");
            if (!vacMatches(v, c)) want.add("volume-attributes-class");
            if (!volumeNotDeleting(v)) want.add("deleting");
            if (!nodeAffinityFits(v, ctx)) want.add("node-affinity");
            if (!pre) {
              if (!bindingNotDelayed(ctx)) want.add("delay-binding");
              if (!volumeIsAvailable(v)) want.add("phase");
              if (!selectorMatches(v, c)) want.add("selector");
              if (!classMatches(v, c)) want.add("class");
              if (path === "scheduler" && ctx.hasNode && !accessModesFit(v, c)) want.add("access-modes");
            }
            const got = Object.entries(REASON_BITS)
              .filter(([, bit]) => (mask & bit) !== 0)
              .map(([code]) => code);
            expect(new Set(got)).toEqual(want);
          }
        },
      ),
      RUNS,
    );
  });
});
