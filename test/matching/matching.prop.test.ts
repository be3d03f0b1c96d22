/**
 * Properties of the matching functions against an independent model written straight from
 * upstream's loops (kubernetes/component-helpers storage/volume/pv_helpers.go `FindMatchingVolume`, kubernetes/kubernetes pkg/controller/volume/persistentvolume/index.go `findBestMatchForClaim`), iterating volumes in name order (kubevol's documented
 * deterministic order).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PersistentVolume, PersistentVolumeClaim } from "../../src/api/index.js";
import {
  accessModesKey,
  claimClass,
  claimRequest,
  containsAccessModes,
  isDeleting,
  isVolumeBoundToClaim,
  parseAccessModesKey,
  volumeCapacity,
  volumeClass,
  volumeModeOf,
} from "../../src/api/index.js";
import { checkVolumeNodeAffinity, labelSelectorAsSelector } from "../../src/labels/index.js";
import {
  MatchingError,
  checkVolumeSatisfyClaim,
  explainClaim,
  findBestMatchForClaim,
  findMatchingVolume,
} from "../../src/matching/index.js";
import { type node, pv, refTo } from "./builders.js";
import { NAMES, claimArb, mostly, nodeArb, poolArb, pvOpts } from "./arbitraries.js";

type NodeArg = ReturnType<typeof node> | undefined;

// ---- the model (upstream's loops, re-expressed) ----

function modelFind(
  c: PersistentVolumeClaim,
  vols: PersistentVolume[],
  n: NodeArg,
  excluded: ReadonlySet<string>,
  delay: boolean,
): PersistentVolume | undefined {
  const want = claimRequest(c);
  const cls = claimClass(c);
  const sel = c.spec!.selector != null ? labelSelectorAsSelector(c.spec!.selector) : undefined;
  let best: PersistentVolume | undefined;
  for (const v of [...vols].sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1))) {
    if (excluded.has(v.metadata!.name!)) continue;
    if (v.spec!.claimRef && !isVolumeBoundToClaim(v, c)) continue;
    let have;
    try {
      have = volumeCapacity(v);
    } catch {
      continue;
    }
    if (have.cmp(want) < 0) continue;
    if (volumeModeOf(c) !== volumeModeOf(v)) continue;
    if ((c.spec!.volumeAttributesClassName ?? "") !== (v.spec!.volumeAttributesClassName ?? "")) continue;
    if (isDeleting(v)) continue;
    const affinityOK = n ? checkVolumeNodeAffinity(v, n.labels) === undefined : true;
    if (v.spec!.claimRef && isVolumeBoundToClaim(v, c)) return affinityOK ? v : undefined;
    if (!n && delay) continue;
    if (v.status?.phase !== "Available") continue;
    if (sel && !sel.matches(v.metadata!.labels)) continue;
    if (volumeClass(v) !== cls) continue;
    if (!affinityOK) continue;
    if (n && !containsAccessModes(v.spec!.accessModes, c.spec!.accessModes)) continue;
    if (!best || volumeCapacity(best).cmp(have) > 0) best = v;
  }
  return best;
}

function modelGroups(c: PersistentVolumeClaim, vols: PersistentVolume[]): Array<[string, PersistentVolume[]]> {
  const groups = new Map<string, PersistentVolume[]>();
  for (const v of vols) {
    const k = accessModesKey(v.spec!.accessModes);
    groups.set(k, [...(groups.get(k) ?? []), v]);
  }
  return [...groups.entries()]
    .filter(([k]) => containsAccessModes(parseAccessModesKey(k), c.spec!.accessModes))
    .sort(([a], [b]) => parseAccessModesKey(a).length - parseAccessModesKey(b).length || (a < b ? -1 : a > b ? 1 : 0));
}

function modelBest(c: PersistentVolumeClaim, vols: PersistentVolume[], delay: boolean): PersistentVolume | undefined {
  for (const [, g] of modelGroups(c, vols)) {
    const v = modelFind(c, g, undefined, new Set(), delay);
    if (v) return v;
  }
  return undefined;
}

// ---- generators ----

const excludedArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant<string[]>([]) },
  { weight: 1, arbitrary: fc.subarray(NAMES, { maxLength: 3 }) },
);
const delayArb = mostly(false, true);

const shuffled = <T>(xs: T[], keys: number[]): T[] =>
  xs
    .map((x, i) => ({ x, k: keys[i] ?? 0, i }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((e) => e.x);
const keysArb = fc.array(fc.integer(), { minLength: 8, maxLength: 8 });

const nm = (v: PersistentVolume | undefined) => v?.metadata?.name;
const RUNS = { numRuns: 250 };

describe("findMatchingVolume = the reference model", () => {
  it("for random claims, pools, nodes, exclusions and delay flags, in any input order", () => {
    fc.assert(
      fc.property(claimArb, poolArb, nodeArb, excludedArb, delayArb, keysArb, (c, pool, n, ex, delay, keys) => {
        const excluded = new Set(ex);
        const want = nm(modelFind(c, pool, n, excluded, delay));
        expect(nm(findMatchingVolume(c, shuffled(pool, keys), { node: n, excluded, delayBinding: delay }))).toBe(want);
        expect(nm(findMatchingVolume(c, [...pool].reverse(), { node: n, excluded, delayBinding: delay }))).toBe(want);
      }),
      RUNS,
    );
  });
});

describe("pre-bound volumes (dense scenarios)", () => {
  const preBoundArb = fc
    .tuple(pvOpts, fc.constantFrom(refTo("data"), refTo("data", true)), fc.constantFrom(undefined, "n1", "n2"), fc.constantFrom("p", "z"))
    .map(([o, ref, host, name]) => pv(name, { ...o, claimRef: ref, ...(host ? { host } : {}) }));
  const scenarioArb = fc
    .tuple(poolArb, fc.uniqueArray(preBoundArb, { minLength: 1, maxLength: 2, selector: (v) => v.metadata!.name }))
    .map(([pool, pre]) => {
      const names = new Set(pre.map((v) => v.metadata!.name));
      return [...pool.filter((v) => !names.has(v.metadata!.name)), ...pre];
    });
  it("findMatchingVolume = the model (early exit, short-circuit, skipped pre-bound volumes)", () => {
    fc.assert(
      fc.property(claimArb, scenarioArb, nodeArb, excludedArb, delayArb, keysArb, (c, pool, n, ex, delay, keys) => {
        const excluded = new Set(ex);
        const want = nm(modelFind(c, pool, n, excluded, delay));
        expect(nm(findMatchingVolume(c, shuffled(pool, keys), { node: n, excluded, delayBinding: delay }))).toBe(want);
      }),
      RUNS,
    );
  });
  it("findBestMatchForClaim = the model", () => {
    fc.assert(
      fc.property(claimArb, scenarioArb, delayArb, keysArb, (c, pool, delay, keys) => {
        expect(nm(findBestMatchForClaim(c, shuffled(pool, keys), { delayBinding: delay }))).toBe(nm(modelBest(c, pool, delay)));
      }),
      RUNS,
    );
  });
});

describe("findBestMatchForClaim", () => {
  it("= the reference model, in any input order", () => {
    fc.assert(
      fc.property(claimArb, poolArb, delayArb, keysArb, (c, pool, delay, keys) => {
        const want = nm(modelBest(c, pool, delay));
        expect(nm(findBestMatchForClaim(c, shuffled(pool, keys), { delayBinding: delay }))).toBe(want);
        expect(nm(findBestMatchForClaim(c, [...pool].reverse(), { delayBinding: delay }))).toBe(want);
      }),
      RUNS,
    );
  });

  it("answers from the first access-mode group that has any match", () => {
    fc.assert(
      fc.property(claimArb, poolArb, delayArb, (c, pool, delay) => {
        const got = findBestMatchForClaim(c, pool, { delayBinding: delay });
        const groups = modelGroups(c, pool);
        const first = groups.find(([, g]) => findMatchingVolume(c, g, { delayBinding: delay }) !== undefined);
        if (first === undefined) {
          expect(got).toBeUndefined();
          return;
        }
        expect(got).toBeDefined();
        expect(accessModesKey(got!.spec!.accessModes)).toBe(first[0]);
        expect(containsAccessModes(got!.spec!.accessModes, c.spec!.accessModes)).toBe(true);
        expect(got).toBe(findMatchingVolume(c, first[1], { delayBinding: delay }));
      }),
      RUNS,
    );
  });
});

describe("explainClaim", () => {
  const optsArb = fc.record({
    mode: fc.constantFrom("controller" as const, "scheduler" as const),
    node: nodeArb,
    excluded: excludedArb.map((x) => new Set(x)),
    delayBinding: delayArb,
  });

  it("its match is the reference function's result", () => {
    fc.assert(
      fc.property(claimArb, poolArb, optsArb, (c, pool, o) => {
        const e = explainClaim(c, pool, o);
        const ref =
          o.mode === "controller"
            ? findBestMatchForClaim(c, pool, { delayBinding: o.delayBinding })
            : findMatchingVolume(c, pool, { node: o.node, excluded: o.excluded, delayBinding: o.delayBinding });
        expect(e.match?.volume).toBe(nm(ref));
        expect(e.outcome === "matched").toBe(ref !== undefined);
      }),
      RUNS,
    );
  });

  it("a volume has no failed check iff it is a valid candidate on its own", () => {
    fc.assert(
      fc.property(claimArb, poolArb, optsArb, (c, pool, o) => {
        const e = explainClaim(c, pool, o);
        for (const v of pool) {
          const verdict = e.volumes.find((x) => x.name === v.metadata!.name)!;
          const alone = o.mode === "controller" ? modelBest(c, [v], o.delayBinding) : modelFind(c, [v], o.node, o.excluded, o.delayBinding);
          expect(verdict.failures.length === 0).toBe(alone === v);
          expect(verdict.status === "rejected").toBe(verdict.failures.length > 0);
          expect(verdict.status === "candidate").toBe(verdict.lost !== undefined);
        }
      }),
      RUNS,
    );
  });

  it("never depends on input order", () => {
    fc.assert(
      fc.property(claimArb, poolArb, optsArb, keysArb, (c, pool, o, keys) => {
        expect(explainClaim(c, shuffled(pool, keys), o)).toEqual(explainClaim(c, pool, o));
      }),
      { numRuns: 150 },
    );
  });

  it("repeated explanations over one pool (memoised decoding, pool snapshot) equal fresh ones, with and without maxVolumes", () => {
    fc.assert(
      fc.property(
        fc.array(claimArb, { minLength: 2, maxLength: 3 }),
        poolArb,
        optsArb,
        fc.option(fc.nat(4), { nil: undefined }),
        (cs, pool, o, max) => {
          const opts = { ...o, ...(max !== undefined ? { maxVolumes: max } : {}) };
          for (const c of cs) {
            const warm = explainClaim(c, pool, opts);
            expect(warm).toEqual(explainClaim(c, structuredClone(pool), opts));
            expect(explainClaim(c, [...pool], opts)).toEqual(warm);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("with maxVolumes, lists the match, pre-bound and closest volumes, and counts every volume", () => {
    fc.assert(
      fc.property(claimArb, poolArb, optsArb, fc.nat(3), (c, pool, o, max) => {
        const all = explainClaim(c, pool, o);
        const few = explainClaim(c, pool, { ...o, maxVolumes: max });
        expect(few.volumes.length + few.volumesOmitted).toBe(all.volumes.length);
        expect(few.reasonCounts).toEqual(all.reasonCounts);
        expect(few.candidates).toBe(all.candidates);
        expect(few.match).toEqual(all.match);
        expect(few.closest).toEqual(all.closest);
        expect(few.headline).toBe(all.headline);
        const listed = new Set(few.volumes.map((v) => v.name));
        for (const v of all.volumes) if (v.status === "match" || v.preBound) expect(listed.has(v.name)).toBe(true);
        for (const v of few.volumes) expect(v).toEqual(all.volumes.find((x) => x.name === v.name));
      }),
      { numRuns: 150 },
    );
  });

  it("is JSON data, and every failure has a code and a sentence", () => {
    fc.assert(
      fc.property(claimArb, poolArb, optsArb, (c, pool, o) => {
        const e = explainClaim(c, pool, o);
        expect(JSON.parse(JSON.stringify(e))).toEqual(e);
        expect(e.summary.length).toBeGreaterThan(1);
        for (const v of e.volumes) for (const f of v.failures) expect(f.message.length).toBeGreaterThan(5);
      }),
      { numRuns: 150 },
    );
  });
});

describe("garbage never crashes", () => {
  const junkVolume = fc.oneof(
    fc.anything(),
    fc.record({ metadata: fc.anything(), spec: fc.anything(), status: fc.anything() }),
    fc.record({
      metadata: fc.record(
        { name: fc.string(), labels: fc.anything(), annotations: fc.anything(), deletionTimestamp: fc.anything() },
        { requiredKeys: [] },
      ),
      spec: fc.record(
        {
          capacity: fc.anything(),
          accessModes: fc.anything(),
          claimRef: fc.anything(),
          storageClassName: fc.anything(),
          volumeMode: fc.anything(),
          nodeAffinity: fc.anything(),
          volumeAttributesClassName: fc.anything(),
        },
        { requiredKeys: [] },
      ),
      status: fc.anything(),
    }),
  );
  it("the search functions only ever throw MatchingError; explainClaim and checkVolumeSatisfyClaim never throw", () => {
    fc.assert(
      fc.property(fc.oneof(claimArb, fc.anything()), fc.array(junkVolume, { maxLength: 4 }), poolArb, nodeArb, (c, junk, pool, n) => {
        const vols = [...pool, ...junk] as PersistentVolume[];
        for (const f of [
          () => findMatchingVolume(c as PersistentVolumeClaim, vols, { node: n }),
          () => findBestMatchForClaim(c as PersistentVolumeClaim, vols),
        ]) {
          try {
            f();
          } catch (e) {
            expect(e).toBeInstanceOf(MatchingError);
          }
        }
        const e = explainClaim(c as PersistentVolumeClaim, vols, { node: n });
        expect(JSON.parse(JSON.stringify(e))).toEqual(e);
        for (const v of vols) checkVolumeSatisfyClaim(v, c as PersistentVolumeClaim);
      }),
      { numRuns: 200 },
    );
  });
});
